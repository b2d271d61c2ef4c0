import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from blog.factories import ArticlePageFactory, BlogIndexPageFactory
from gallery.factories import GalleryPageFactory, GalleryPhotoFactory
from materials.factories import MaterialFactory, MaterialIndexPageFactory
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
    MaterialIndexPageFactory(parent=home, title="Materials", slug="materials")
    MaterialFactory(name="Soapstone", description="<p>Soft, dense and unbothered by acid.</p>")
    MaterialFactory(name="Granite", description="<p>Igneous rock, hard to scratch.</p>")


def titles(response):
    return [result.title for result in response.context["results"]]


def test_one_search_finds_pages_of_every_kind(client, content):
    assert titles(client.get("/search/", {"q": "grill"})) == ["Outdoor kitchens"]
    assert titles(client.get("/search/", {"q": "laboratory"})) == ["Soapstone sinks"]
    assert titles(client.get("/search/", {"q": "quartzite"})) == ["Gallery"]
    assert titles(client.get("/search/", {"q": "igneous"})) == ["Materials"]


def test_a_stone_found_links_to_its_place_on_the_materials_page(client, content):
    html = client.get("/search/", {"q": "igneous"}).content.decode()

    assert '<a class="chip" href="/materials/#granite">Granite</a>' in html
    assert "/materials/#soapstone" not in html


def test_a_changed_stone_is_found_by_its_new_words(client, content):
    granite = MaterialFactory(name="Granite")
    granite.description = "<p>Quarried near Elberton, Georgia.</p>"
    granite.save()

    assert titles(client.get("/search/", {"q": "elberton"})) == ["Materials"]
    assert titles(client.get("/search/", {"q": "igneous"})) == []


def test_results_show_type_title_and_snippet(client, content):
    html = client.get("/search/", {"q": "laboratory"}).content.decode()

    assert '<p class="card__meta">Article</p>' in html
    assert 'href="/blog/' in html and "Laboratory benches." in html
    assert "1 result for “laboratory”." in html


def test_drafts_are_not_found(client, content):
    assert titles(client.get("/search/", {"q": "hidden"})) == []


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": "' OR 1=1 --"},
        {"q": "ünïcødé 🙂 שלום"},
        {"q": '"granite'},
        {"q": 'granite" "marble'},
        {"q": "gran\x00ite"},
        {"q": "\x1b[31m\x7f"},
        {"q": "NEAR(granite marble) AND -x OR ^y*"},
        {"q": "kitchens", "page": "abc"},
        {},
    ],
)
def test_odd_queries_answer_without_error(client, content, params):
    response = client.get("/search/", params)

    assert response.status_code == 200
    query = response.context["query"]
    assert len(query) <= 200 and query.isprintable() and '"' not in query


def test_quoted_words_are_still_found(client, content):
    assert titles(client.get("/search/", {"q": '"outdoor kitchens"'})) == ["Outdoor kitchens"]


def promote(query, page=None, **fields):
    return SearchPromotion.objects.create(query=Query.get(query), page=page, **fields)


def test_editors_pin_a_result_to_the_top(client, content):
    kitchens = Page.objects.get(title="Outdoor kitchens")
    promote("Soapstone", page=kitchens, description="Soapstone around the grill.")

    response = client.get("/search/", {"q": "soapstone"})
    html = response.content.decode()

    assert [p.title for p in response.context["promotions"]] == ["Outdoor kitchens"]
    assert html.index("Soapstone around the grill.") < html.index("Soapstone sinks")
    assert '<p class="card__meta">Recommended</p>' in html
    # The pinned page is not listed a second time further down.
    assert "Outdoor kitchens" not in titles(response)
    assert "3 results for “soapstone”." in html


def test_a_pinned_draft_is_not_shown(client, content):
    promote("soapstone", page=Page.objects.get(title="Hidden service"))

    response = client.get("/search/", {"q": "soapstone"})

    assert response.context["promotions"] == []
    assert "Hidden service" not in response.content.decode()


def test_searching_writes_nothing(client, content):
    client.get("/search/", {"q": "granite"})

    assert not Query.objects.exists()


def test_the_header_search_box_is_on_every_page(client, content):
    for url in ["/", "/materials/", "/search/?q=granite", "/no-such-page/"]:
        html = client.get(url).content.decode()
        assert '<form class="site-search" action="/search/" method="get" role="search"' in html
        assert '<label class="visually-hidden" for="site-search-q">Search this site</label>' in html


def test_an_external_link_can_be_pinned(client, content):
    promote(
        "warranty",
        external_link_url="https://example.com/warranty?a=1&b=2",
        external_link_text="Manufacturer's warranty",
    )

    html = client.get("/search/", {"q": "warranty"}).content.decode()

    assert (
        'href="https://example.com/warranty?a=1&amp;b=2">Manufacturer&#x27;s warranty</a>' in html
    )
    assert "1 result for “warranty”." in html


def test_a_pinned_materials_page_still_lists_the_matching_stones(client, content):
    promote("granite", page=Page.objects.get(slug="materials"))

    html = client.get("/search/", {"q": "granite"}).content.decode()

    assert '<p class="card__meta">Recommended</p>' in html
    assert '<a class="chip" href="/materials/#granite">Granite</a>' in html


def test_search_queries_do_not_grow_with_the_results(client, home, business):
    services = ServiceIndexPageFactory(parent=home)

    def queries_for_results():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/search/", {"q": "countertops"})
        assert response.status_code == 200
        return len(response.context["results"]), len(queries)

    for number in range(2):
        ServicePageFactory(parent=services, title=f"Countertops {number}")
    client.get("/search/", {"q": "countertops"})  # the first view makes the image sizes
    few, few_queries = queries_for_results()
    for number in range(2, 8):
        ServicePageFactory(parent=services, title=f"Countertops {number}")
    client.get("/search/", {"q": "countertops"})
    many, many_queries = queries_for_results()

    assert (few, many) == (2, 8)
    assert many_queries == few_queries, (few_queries, many_queries)
