import re

import pytest
from django.template import Context, Template

from images.factories import ImageFactory

pytestmark = pytest.mark.django_db

PICTURE = Template(
    "{% load wagtailimages_tags %}"
    '{% picture image format-{webp,jpeg} fill-{200x150,400x300,800x600} sizes="50vw" %}'
)


def srcsets(image):
    html = PICTURE.render(Context({"image": image}))
    return re.findall(r'srcset="([^"]*)"', html)


def test_a_small_photo_lists_each_width_once():
    image = ImageFactory(file__width=300, file__height=225)

    for srcset in srcsets(image):
        widths = re.findall(r" (\d+)w", srcset)
        assert widths == ["200", "300"], srcset


def test_a_large_photo_keeps_every_size():
    image = ImageFactory(file__width=1000, file__height=750)

    for srcset in srcsets(image):
        assert re.findall(r" (\d+)w", srcset) == ["200", "400", "800"]


def test_a_tiny_photo_still_gives_its_width_for_sizes():
    image = ImageFactory(file__width=150, file__height=100)

    for srcset in srcsets(image):
        assert re.fullmatch(r"\S+ \d+w", srcset), srcset
