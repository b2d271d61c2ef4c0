import pytest

from blog.factories import ArticlePageFactory, BlogIndexPageFactory
from gallery.factories import GalleryPageFactory, GalleryPhotoFactory
from services.factories import ServiceIndexPageFactory, ServicePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(home, business):
    services = ServiceIndexPageFactory(parent=home)
    ServicePageFactory(parent=services, title="Outdoor kitchens", summary="Grill islands.")
    ServicePageFactory(parent=services, title="Hidden service", live=False)
    blog = BlogIndexPageFactory(parent=home)
    ArticlePageFactory(parent=blog, title="Soapstone sinks", introduction="Laboratory benches.")
    gallery = GalleryPageFactory(parent=home)
    GalleryPhotoFactory(page=gallery, caption="Leathered quartzite bar top")
    gallery.save()


def titles(response):
    return [result.title for result in response.context["results"]]


def test_one_search_finds_pages_of_every_kind(client, content):
    assert titles(client.get("/search/", {"q": "grill"})) == ["Outdoor kitchens"]
    assert titles(client.get("/search/", {"q": "soapstone"})) == ["Soapstone sinks"]
    assert titles(client.get("/search/", {"q": "quartzite"})) == ["Gallery"]


def test_results_show_type_title_and_snippet(client, content):
    html = client.get("/search/", {"q": "soapstone"}).content.decode()

    assert '<p class="card__meta">Article</p>' in html
    assert 'href="/blog/' in html and "Laboratory benches." in html
    assert "1 result for “soapstone”." in html


def test_drafts_are_not_found(client, content):
    assert titles(client.get("/search/", {"q": "hidden"})) == []


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": "' OR 1=1 --"},
        {"q": "ünïcødé 🙂 שלום"},
        {"q": "kitchens", "page": "abc"},
        {},
    ],
)
def test_odd_queries_answer_without_error(client, content, params):
    response = client.get("/search/", params)

    assert response.status_code == 200
    assert len(response.context["query"]) <= 200
