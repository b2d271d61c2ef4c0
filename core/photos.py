"""The ways a photo is shown on the site, each with its sizes written once.

Templates use `{% photo image "card" %}` (core/templatetags/photo_tags.py); Python code that
needs the same rendition (JSON-LD, the lightbox link) reads the spec from here. Every role is
offered as AVIF, WebP and JPEG; the browser takes the first it supports.
"""

from dataclasses import dataclass, field

from wagtail.images.models import Filter

FORMATS = "format-{avif,webp,jpeg}"
# The full-size photo the gallery's lightbox opens (and the gallery's JSON-LD lists).
LIGHTBOX = "width-1600"
# Link previews and search engines: the 1.91:1 shape Facebook and others crop to.
SHARE = "fill-1200x630"
SINGLE_SIZES = {"lightbox": LIGHTBOX, "share": SHARE}


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
    # A photo inside a page's text, uncropped.
    "inline": PhotoRole("width-{480,960,1440}", "(min-width: 48em) 46rem, 100vw"),
}


def prepare(image, roles):
    """Make the renditions `image` needs for these roles now, so no visitor waits for them.
    "lightbox" and "share" are the single sizes above; the rest are PHOTO_ROLES."""
    specs = []
    for role in roles:
        if role in SINGLE_SIZES:
            specs.append(SINGLE_SIZES[role])
        else:
            specs += PHOTO_ROLES[role].filter_specs
    image.get_renditions(*specs)
