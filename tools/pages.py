"""The demo site's pages that the screenshots, the accessibility tests and Lighthouse visit."""

import os

from django.utils.functional import lazy


def _slab_path(lot, hold=False):
    """The address of the demo's slab with this lot (its key in core/demo/content.SLABS).

    A slab's address holds its database id (/slabs/33-absolute-black-granite-remnant/), and ids
    are not reset when a test empties the database: each load of the demo gives new ones. So it
    is looked up when visited, in the database of the site being visited (the tests' own, or
    `make run`'s for `make screenshots`, which has no Django of its own)."""
    import django
    from django.apps import apps

    if not apps.ready:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
        django.setup()
    from yard.models import Slab, SlabYardPage

    yard = SlabYardPage.objects.live().get()
    slab = Slab.objects.select_related("material").get(lot=lot)
    return yard.hold_url(slab) if hold else yard.slab_url(slab)


slab_path = lazy(_slab_path, str)

PAGES = {
    "home": "/",
    "services": "/services/",
    "service": "/services/kitchen-countertops/",
    "materials": "/materials/",
    "edge-profiles": "/edge-profiles/",
    "gallery": "/gallery/",
    "gallery-filtered": "/gallery/?material=marble&room=kitchen",
    "slabs": "/slabs/",
    "slabs-filtered": "/slabs/?kind=remnant&fits=60x22",
    "slab": slab_path("R-0171"),  # a remnant with a price and two photos
    "slab-held": slab_path("BP-1164-5"),  # held, with someone on its waiting list
    "slab-hold-form": slab_path("R-0171", hold=True),
    "blog": "/blog/",
    "article": "/blog/treaty-of-moscow-1921/",
    "contact": "/contact/",
    "about": "/about/",
    "faq": "/faq/",
    "search": "/search/?q=granite",
    "not-found": "/no-such-page/",
}
# Lighthouse takes half a minute a page: one of each main kind.
LIGHTHOUSE_PAGES = {name: PAGES[name] for name in ["home", "service", "gallery", "article"]}
