"""The yard's pages in the shared cache: the list and each slab are shared, the hold form is
the visitor's own; any change to a slab purges the list (every filter), its page and the
materials page that counts the stock."""

import pytest

from contact.models import EstimateRequest
from materials.factories import MaterialIndexPageFactory
from yard import holds
from yard.factories import SlabFactory

from .conftest import hold_path, slab_path

pytestmark = pytest.mark.django_db


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def test_the_list_and_slab_pages_are_shared_and_the_hold_form_is_private(client, slab):
    for path in ["/slabs/", "/slabs/?kind=remnant&fits=60x22", slab_path(slab)]:
        assert "s-maxage=3600" in cache_control(client.get(path)), path
    assert "private" in cache_control(client.get(hold_path(slab)))


def test_a_change_to_every_page_reaches_each_slab(slab, purged, django_capture_on_commit_callbacks):
    from core.cache import purge_everything

    with django_capture_on_commit_callbacks(execute=True):
        purge_everything()
    assert f"http://localhost{slab_path(slab)}" in purged


@pytest.mark.parametrize(
    "change",
    [
        lambda slab: slab.save(),
        lambda slab: holds.ask(slab, EstimateRequest.objects.create(name="A", form_data={})),
        lambda slab: holds.mark_sold(slab, None),
        lambda slab: slab.delete(),
    ],
    ids=["edited", "held", "sold", "deleted"],
)
def test_a_change_to_a_slab_purges_what_shows_it(
    yard, purged, django_capture_on_commit_callbacks, change
):
    MaterialIndexPageFactory(parent=yard.get_parent())
    slab = SlabFactory()
    purged.clear()
    path = slab_path(slab)
    with django_capture_on_commit_callbacks(execute=True):
        change(slab)
    assert {"http://localhost/slabs/", f"http://localhost{path}",
            "http://localhost/materials/"} <= set(purged)  # fmt: skip
