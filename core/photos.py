"""The ways a photo is shown on the site, each with its sizes written once.

Templates use `{% photo image "card" %}` (core/templatetags/photo_tags.py); Python code that
needs the same rendition (JSON-LD, the lightbox link) asks `rendition(image, "lightbox")`.
Every role is offered as AVIF, WebP and JPEG; the browser takes the first it supports.

A photo's sizes are looked up once per process: Wagtail's own lookup loads every size of the
photo from the database (thirty or more) and checks each against the focal point, which made
the photos the largest part of a listing's time.
"""

import copy
from dataclasses import dataclass, field

from django.forms.utils import flatatt
from django.utils.safestring import mark_safe
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

FORMATS = "format-{avif,webp,jpeg}"
# The full-size photo the gallery's lightbox opens (and the gallery's JSON-LD lists).
LIGHTBOX = "width-1600"
# Link previews and search engines: the 1.91:1 shape Facebook and others crop to.
SHARE = "fill-1200x630"
# The logo as search engines are given it (the business's JSON-LD).
LOGO = "height-120"
SINGLE_SIZES = {"lightbox": LIGHTBOX, "share": SHARE, "logo": LOGO}


@dataclass(frozen=True)
class PhotoRole:
    sizes_spec: str
    sizes: str
    attrs: dict = field(default_factory=lambda: {"loading": "lazy"})
    # Art direction: another crop, for screens narrower than PHONE, listed before the others.
    phone_spec: str = ""

    @property
    def filter_specs(self):
        """Every rendition the role's <picture> lists: each size in each format."""
        return Filter.expand_spec(f"{FORMATS} {self.sizes_spec}") + self.phone_filter_specs

    @property
    def phone_filter_specs(self):
        return Filter.expand_spec(f"{FORMATS} {self.phone_spec}") if self.phone_spec else []


THIRDS = "(min-width: 60em) 30vw, (min-width: 40em) 45vw, 100vw"
# The largest thing on the first screen (its largest contentful paint): loaded at once, not
# lazily like the other roles, and before the other photos.
ABOVE_THE_FOLD = {"fetchpriority": "high"}
# Below site.css's 40em breakpoint.
PHONE = "(max-width: 39.99em)"

PHOTO_ROLES = {
    # The home page's full-width photo behind the headline: a taller crop on phones, where the
    # text makes the box taller than wide, so that no phone fetches a wide photo to show its
    # middle third.
    "home-hero": PhotoRole(
        "fill-{1280x720,1920x900}-c60",
        "100vw",
        ABOVE_THE_FOLD,
        phone_spec="fill-{640x720,800x900,960x1080}-c60",
    ),
    # The wide photo at the top of an inner page: beside the title on wide screens.
    "hero": PhotoRole(
        "fill-{640x360,960x540,1280x720,1920x1080}-c75",
        "(min-width: 56em) 50vw, 100vw",
        ABOVE_THE_FOLD,
    ),
    # A page in a listing: services, related pages.
    "card": PhotoRole("fill-{480x320,960x640}-c75", THIRDS),
    # A job photo in a grid: the gallery, a service's photos, the home page's recent work.
    "tile": PhotoRole("fill-{400x300,800x600}-c75", THIRDS),
    # One side of a before-and-after pair in the gallery: half of a tile's width.
    "pair": PhotoRole("fill-{400x300,800x600}-c75", "(min-width: 40em) 25vw, 50vw"),
    # A stone's close-up on the materials page.
    "stone": PhotoRole("fill-{480x360,960x720}-c75", "(min-width: 48em) 40vw, 100vw"),
    # An article in the blog listing.
    "summary": PhotoRole("fill-{360x240,720x480}-c75", "(min-width: 48em) 22rem, 100vw"),
    # A search result's small photo.
    "thumbnail": PhotoRole("fill-{160x120,320x240}-c75", "10rem"),
    # A slab's own page: the whole slab, uncropped (a visitor judges the veining end to end),
    # the largest thing on the first screen.
    "slab": PhotoRole(
        "max-{480x320,960x640,1440x960}", "(min-width: 56em) 55vw, 100vw", ABOVE_THE_FOLD
    ),  # fmt: skip
    # A photo inside a page's text, uncropped.
    "inline": PhotoRole("width-{480,960,1440}", "(min-width: 48em) 46rem, 100vw"),
}


def filter_specs(role):
    """A role's filter specs: "lightbox", "share" and "logo" are the single sizes above, the
    rest are PHOTO_ROLES."""
    if role in SINGLE_SIZES:
        return [SINGLE_SIZES[role]]
    return PHOTO_ROLES[role].filter_specs


def prepare(image, roles):
    """Make the renditions `image` needs for these roles now, so no visitor waits for them."""
    image.get_renditions(*[spec for role in roles for spec in filter_specs(role)])


# (photo, file, focal point, role) -> {filter spec: rendition}, and the same with the alt text
# -> the <picture> markup: a new file or focal point is a new key. Bounded; emptied when full
# rather than tracking age, as one visit of each page refills it.
_kept = {}
KEEP_AT_MOST = 5000


def forget():
    _kept.clear()


def _key(image, role):
    return (image.pk, image.file.name, image.focal_point_x, image.focal_point_y,
            image.focal_point_width, image.focal_point_height, role)  # fmt: skip


def _keep(key, value):
    if len(_kept) >= KEEP_AT_MOST:
        _kept.clear()
    _kept[key] = value


def renditions(image, role):
    """{filter spec: rendition} of `image` for `role`, in the order of its filter specs. They
    are shared by every request in this process: read them, change nothing on them."""
    key = _key(image, role)
    found = _kept.get(key)
    if found is None:
        filters = [Filter(spec) for spec in filter_specs(role)]
        found = get_renditions_or_not_found(image, filters)
        # A missing source file gives Wagtail's zero-size stand-ins: not kept, tried again.
        if all(rendition.width for rendition in found.values()):
            _keep(key, found)
    return found


def rendition(image, role):
    """The one rendition of a single-size role: "lightbox", "share" or "logo"."""
    return next(iter(renditions(image, role).values()))


def picture(image, role):
    """The `<picture>` markup of `image` in one of PHOTO_ROLES."""
    # What Wagtail's alt text is made of: a block's own alt text or "decorative", else the photo's.
    alt_from = (getattr(image, "decorative", False), getattr(image, "contextual_alt_text", None),
                image.default_alt_text)  # fmt: skip
    key = (_key(image, role), alt_from)
    html = _kept.get(key)
    if html is None:
        # Copies that take their alt text from this photo, which may be a block's.
        found = {spec: copy.copy(each) for spec, each in renditions(image, role).items()}
        for each in found.values():
            each.image = image
        spec = PHOTO_ROLES[role]
        phone = {each: found.pop(each) for each in spec.phone_filter_specs}
        html = Picture(found, {"sizes": spec.sizes, **spec.attrs}).__html__()
        if phone:  # the browser takes the first <source> that matches: the phone crop's
            html = html.replace("<picture>", "<picture>" + _phone_sources(phone, spec), 1)
        if _key(image, role) in _kept:
            _keep(key, html)
    return mark_safe(html)  # noqa: S308 - Wagtail's own markup, escaped when it was made


def _phone_sources(renditions, spec):
    formats = Picture(renditions).formats
    first = next(iter(renditions.values()))
    return "".join(
        "<source{}>".format(
            flatatt(
                {
                    "media": PHONE,
                    "sizes": spec.sizes,
                    "srcset": Picture.get_width_srcset(formats[kind.name]),
                    "type": kind.mime_type,
                    # The crop's shape, which differs from the <img>'s.
                    "width": first.width,
                    "height": first.height,
                }
            )
        )
        for kind in Picture.source_format_order
        if kind.name in formats
    )
