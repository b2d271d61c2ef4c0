"""Publishing a page makes the photo sizes it shows, so its first visitor waits for none."""

import pytest
from django_tasks import task_backends

from blog.factories import ArticlePageFactory, BlogIndexPageFactory
from core.tasks import prepare_page_photos
from gallery.factories import GalleryPageFactory, GalleryPhotoFactory
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
