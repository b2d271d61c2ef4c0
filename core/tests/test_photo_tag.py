"""The {% photo %} tag: which photo loads first, and the home hero's taller crop for phones."""

import re

import pytest

from core.photos import PHONE, PHOTO_ROLES
from core.templatetags.photo_tags import photo
from images.factories import ImageFactory

pytestmark = pytest.mark.django_db

# The photos that open a page: the home page's, an inner page's, a slab's own page's.
OPENING = {"home-hero", "hero", "slab"}


def attribute(tag, name):
    found = re.search(rf'\b{name}="([^"]*)"', tag)
    return found and found[1]


@pytest.fixture
def image():
    return ImageFactory(file__width=700, file__height=500)


@pytest.mark.parametrize("role", sorted(PHOTO_ROLES))
def test_only_the_photo_that_opens_a_page_loads_at_once_and_first(image, role):
    img = re.search(r"<img[^>]*>", str(photo(image, role)))[0]

    if role in OPENING:
        assert attribute(img, "fetchpriority") == "high" and not attribute(img, "loading")
    else:
        assert attribute(img, "loading") == "lazy" and not attribute(img, "fetchpriority")


def test_the_home_hero_offers_phones_its_taller_crop_before_the_wide_one(image):
    sources = re.findall(r"<source[^>]*>", str(photo(image, "home-hero")))
    phone = [source for source in sources if attribute(source, "media") == PHONE]

    assert sources[: len(phone)] == phone  # the browser takes the first source that matches
    assert [attribute(source, "type") for source in phone] == [
        "image/avif",
        "image/webp",
        "image/jpeg",
    ]
    for source in phone:
        assert "fill-640x720" in attribute(source, "srcset")
        assert "fill-1280x720" not in attribute(source, "srcset")
        # Its own shape, taller than wide, for the space it needs before it loads.
        assert int(attribute(source, "height")) > int(attribute(source, "width"))
        assert attribute(source, "sizes") == "100vw"
