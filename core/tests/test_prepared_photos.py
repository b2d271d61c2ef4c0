"""Publishing a page makes the photo sizes it shows, so its first visitor waits for none."""

import re

import pytest
from django_tasks import task_backends

from blog.factories import ArticlePageFactory, BlogIndexPageFactory
from core import photos
from core.tasks import prepare_page_photos, prepare_photo
from gallery.factories import GalleryPageFactory, GalleryPhotoFactory
from gallery.models import GalleryPage
from home.models import StandardPage
from images.factories import ImageFactory
from images.models import CustomRendition
from materials.factories import MaterialFactory, MaterialIndexPageFactory
from services.factories import ServiceIndexPageFactory, ServicePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_pages(home, business):
    home.hero_image = ImageFactory()
    home.save_revision().publish()
    gallery = GalleryPageFactory(parent=home)
    for _ in range(2):
        GalleryPhotoFactory(page=gallery)
    GalleryPhotoFactory(page=gallery, before_image=ImageFactory())
    services = ServiceIndexPageFactory(parent=home)
    ServicePageFactory(parent=services, slug="kitchens")
    blog = BlogIndexPageFactory(parent=home)
    ArticlePageFactory(parent=blog, slug="carrara")
    MaterialFactory(name="Granite", image=ImageFactory())
    MaterialIndexPageFactory(parent=home)
    return [home, gallery, services, blog]


def test_publishing_queues_the_photo_sizes_after_commit(
    site_pages, django_capture_on_commit_callbacks
):
    gallery = site_pages[1]
    backend = task_backends["renditions"]
    backend.clear()

    with django_capture_on_commit_callbacks(execute=True):
        gallery.save_revision().publish()

    assert [result.args for result in backend.results] == [[gallery.pk]]


@pytest.mark.parametrize(
    "path",
    ["/", "/gallery/", "/services/", "/services/kitchens/", "/blog/", "/blog/carrara/",
     "/materials/", "/search/?q=article"],
)  # fmt: skip
def test_once_prepared_no_page_makes_a_photo_size(client, site_pages, path):
    for page in site_pages[0].get_descendants(inclusive=True).live():
        prepare_page_photos.call(page.pk)
    made = CustomRendition.objects.count()

    assert client.get(path).status_code == 200
    assert CustomRendition.objects.count() == made


def test_a_photo_is_looked_up_once_per_process_not_on_every_view(client, site_pages, monkeypatch):
    looked_up = []
    real = photos.get_renditions_or_not_found
    monkeypatch.setattr(
        photos,
        "get_renditions_or_not_found",
        lambda image, filters: looked_up.append(image.pk) or real(image, filters),
    )
    client.get("/gallery/")
    gallery_photos = GalleryPage.objects.get().photos.all()
    # each photo as a tile and, for the lightbox and the JSON-LD, once at full size
    assert sorted(looked_up) == sorted(
        [p.image_id for p in gallery_photos] * 2
        + [p.before_image_id for p in gallery_photos if p.before_image_id]
    )

    looked_up.clear()
    client.get("/gallery/")
    assert looked_up == []


def test_a_new_focal_point_gives_the_new_crop(client, site_pages):
    def crops():
        html = client.get("/").content.decode()
        return set(re.findall(r"[^ \"]+\.fill-1280x720-c60\.\w+", html))

    before = crops()
    image = site_pages[0].hero_image
    image.focal_point_x, image.focal_point_y = 10, 10
    image.focal_point_width = image.focal_point_height = 20
    image.save()

    after = crops()
    assert before and after and before.isdisjoint(after)


def test_a_photo_in_the_text_keeps_its_own_alt_text(client, home, business):
    image = ImageFactory(description="Granite slab in the yard")
    page = StandardPage(title="About", slug="about", hero_image=image)
    page.body = [
        ("image", {"image": {"image": image, "decorative": False, "alt_text": "Our yard"}}),
    ]
    home.add_child(instance=page)

    html = client.get("/about/").content.decode()
    again = client.get("/about/").content.decode()

    assert html == again
    assert 'alt="Granite slab in the yard"' in html and 'alt="Our yard"' in html


def test_a_photo_given_a_new_focal_point_is_prepared_for_the_pages_showing_it(
    client, site_pages, django_capture_on_commit_callbacks
):
    for page in site_pages[0].get_descendants(inclusive=True).live():
        prepare_page_photos.call(page.pk)
    backend = task_backends["renditions"]
    backend.clear()
    image = GalleryPage.objects.get().photos.first().image
    image.focal_point_x, image.focal_point_y = 5, 5
    image.focal_point_width = image.focal_point_height = 10

    with django_capture_on_commit_callbacks(execute=True):
        image.save()
        ImageFactory()  # a new photo is shown nowhere yet: nothing to prepare

    assert [result.args for result in backend.results] == [[image.pk]]
    prepare_photo.call(image.pk)
    made = CustomRendition.objects.count()
    assert client.get("/gallery/").status_code == 200
    assert CustomRendition.objects.count() == made
