import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from gallery.factories import GalleryPageFactory, GalleryPhotoFactory
from gallery.models import GalleryPage
from images.factories import ImageFactory
from materials.factories import MaterialFactory

pytestmark = pytest.mark.django_db

# Warm process: settings, menu and breadcrumbs come from the cache (core/cache.py `chrome`).
# Routing, view restrictions, materials, count, photos, their images and renditions.
GALLERY_QUERIES = 6


@pytest.fixture
def gallery(home, business):
    return GalleryPageFactory(parent=home)


@pytest.fixture
def stones():
    return {slug: MaterialFactory(name=slug.title(), slug=slug) for slug in ["granite", "marble"]}


@pytest.fixture
def photos(gallery, stones):
    made = {}
    for material in ["granite", "marble"]:
        for room in ["kitchen", "bathroom"]:
            made[(material, room)] = GalleryPhotoFactory(
                page=gallery,
                material=stones[material],
                room=room,
                caption=f"{material} {room} job",
            )
    return made


def captions(response):
    return sorted(photo.caption for photo in response.context["photos"])


def test_all_photos_without_filters(client, photos):
    response = client.get("/gallery/")

    assert response.status_code == 200
    assert captions(response) == sorted(p.caption for p in photos.values())


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?material=marble", ["marble bathroom job", "marble kitchen job"]),
        ("?room=kitchen", ["granite kitchen job", "marble kitchen job"]),
        ("?material=marble&room=kitchen", ["marble kitchen job"]),
        ("?material=granite&room=bathroom", ["granite bathroom job"]),
    ],
)
def test_filters_return_the_right_photos(client, photos, query, expected):
    response = client.get(f"/gallery/{query}")

    assert captions(response) == expected
    html = response.content.decode()
    for caption in expected:
        assert caption in html


def test_filter_links_are_plain_shareable_urls(client, photos):
    html = client.get("/gallery/?material=marble").content.decode()

    assert 'href="?material=marble&amp;room=kitchen"' in html
    assert 'href="?material=granite"' in html
    assert 'aria-current="true">Marble</a>' in html


@pytest.mark.parametrize(
    "query", ["?material=unobtainium", "?room=attic", "?page=abc", "?page=999", "?page=-1"]
)
def test_junk_parameters_still_show_photos(client, photos, query):
    response = client.get(f"/gallery/{query}")

    assert response.status_code == 200
    assert len(captions(response)) == 4


def test_no_match_says_so(client, photos, stones):
    MaterialFactory(name="Soapstone", slug="soapstone")

    html = client.get("/gallery/?material=soapstone").content.decode()

    assert "No photos match that choice yet." in html


def test_before_and_after_pair_is_shown_side_by_side(client, gallery, stones):
    GalleryPhotoFactory(
        page=gallery,
        material=stones["granite"],
        caption="Granite replacing laminate",
        before_image=ImageFactory(description="Old laminate counter with a chipped edge"),
    )

    html = client.get("/gallery/").content.decode()

    assert 'class="before-after"' in html
    assert 'alt="Old laminate counter with a chipped edge"' in html
    assert ">Before<" in html and ">After<" in html


def test_every_photo_has_alt_text(client, photos):
    html = client.get("/gallery/").content.decode()

    assert 'alt=""' not in html
    assert html.count('alt="Polished stone countertop, photo') >= 4


def test_query_count_is_pinned_and_flat(client, gallery, stones):
    for _ in range(3):
        GalleryPhotoFactory(page=gallery, material=stones["granite"], before_image=ImageFactory())
    client.get("/gallery/")
    with CaptureQueriesContext(connection) as before:
        client.get("/gallery/")

    for _ in range(5):
        GalleryPhotoFactory(page=gallery, material=stones["marble"], before_image=ImageFactory())
    client.get("/gallery/")
    with CaptureQueriesContext(connection) as after:
        response = client.get("/gallery/")

    assert len(captions(response)) == 8
    assert len(before) == len(after) == GALLERY_QUERIES, [q["sql"][:120] for q in after]


def test_pages_of_photos_keep_the_filter(client, gallery, stones):
    for _ in range(GalleryPage.photos_per_page + 1):
        GalleryPhotoFactory(page=gallery, material=stones["marble"])
    GalleryPhotoFactory(page=gallery, material=stones["granite"])

    first = client.get("/gallery/?material=marble")
    second = client.get("/gallery/?material=marble&page=2")

    assert len(captions(first)) == GalleryPage.photos_per_page
    assert len(captions(second)) == 1
    assert 'href="?material=marble&amp;page=2"' in first.content.decode()


def test_structured_data_lists_the_photos_the_filter_shows(client, photos):
    html = client.get("/gallery/?material=marble").content.decode()

    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    gallery = next(b for b in map(json.loads, blocks) if b["@type"] == "ImageGallery")
    assert sorted(image["caption"] for image in gallery["image"]) == [
        "marble bathroom job",
        "marble kitchen job",
    ]


def test_a_new_gallery_can_be_previewed_before_its_first_save(admin_client, home, business):
    url = reverse("wagtailadmin_pages:preview_on_add", args=("gallery", "gallerypage", home.pk))
    data = nested_form_data({"title": "Our work", "slug": "our-work", "photos": inline_formset([])})

    assert admin_client.post(url, data).json()["is_valid"]
    response = admin_client.get(url)

    assert response.status_code == 200
    assert "<h1>Our work</h1>" in response.content.decode()
