import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage
from materials.factories import MaterialFactory, MaterialIndexPageFactory
from services.factories import ServiceIndexPageFactory, ServicePageFactory
from services.models import ServiceIndexPage, ServicePage

pytestmark = pytest.mark.django_db

# Warm process: settings, menu and breadcrumbs come from the cache (core/cache.py `chrome`).
# Routing, view restrictions, the listing, its images and renditions.
SERVICE_INDEX_QUERIES = 4


@pytest.fixture
def services_index(home, business):
    return ServiceIndexPageFactory(parent=home)


def test_service_page_renders_body_materials_and_call_to_action(client, services_index):
    granite = MaterialFactory(name="Granite", price_low=40, price_high=90)
    service = ServicePageFactory(
        parent=services_index,
        title="Kitchen countertops",
        slug="kitchen-countertops",
        summary="New countertops for the heart of the home.",
        body=[
            {"type": "heading", "value": {"text": "How a job runs", "level": "h2"}},
            {"type": "paragraph", "value": "<p>We measure with a digital template.</p>"},
            {
                "type": "faq",
                "value": {
                    "question": "How long does it take?",
                    "answer": "<p>About two weeks.</p>",
                },
            },
            {
                "type": "cta",
                "value": {"heading": "Ready?", "text": "", "button_label": "Get my estimate"},
            },
        ],
    )
    service.materials.add(granite)
    service.save()

    response = client.get("/services/kitchen-countertops/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Kitchen countertops</h1>" in html
    assert "<h2>How a job runs</h2>" in html
    assert "We measure with a digital template." in html
    assert "<summary>How long does it take?</summary>" in html
    assert "Get my estimate" in html
    assert "Granite" in html and "$40–$90 per sq ft" in html
    assert 'href="tel:+16783725976"' in html


def test_stones_link_to_their_section_wherever_the_materials_page_lives(
    client, home, services_index
):
    granite = MaterialFactory(name="Granite", slug="granite")
    service = ServicePageFactory(parent=services_index, slug="kitchens")
    service.materials.add(granite)
    service.save()

    assert "#granite" not in client.get("/services/kitchens/").content.decode()  # no page yet
    MaterialIndexPageFactory(parent=home, slug="stone-guide")
    html = client.get("/services/kitchens/").content.decode()
    assert '<a href="/stone-guide/#granite">Granite</a>' in html


def test_index_lists_live_services_only(client, services_index):
    ServicePageFactory(parent=services_index, title="Bathroom vanities")
    ServicePageFactory(parent=services_index, title="Secret draft", live=False)

    html = client.get("/services/").content.decode()

    assert "Bathroom vanities" in html
    assert "Secret draft" not in html


def test_index_query_count_is_pinned_and_flat(client, services_index):
    for _ in range(3):
        ServicePageFactory(parent=services_index)
    client.get("/services/")  # renditions are made on the first view

    with CaptureQueriesContext(connection) as before:
        client.get("/services/")
    for _ in range(5):
        ServicePageFactory(parent=services_index)
    client.get("/services/")
    with CaptureQueriesContext(connection) as after:
        response = client.get("/services/")

    assert response.content.decode().count('class="card"') == 8
    assert len(before) == len(after) == SERVICE_INDEX_QUERIES, [q["sql"] for q in after]


def test_tree_rules():
    assert ServiceIndexPage.allowed_parent_page_models() == [HomePage]
    assert ServiceIndexPage.allowed_subpage_models() == [ServicePage]
    assert ServicePage.allowed_subpage_models() == []
    assert ServiceIndexPage.max_count == 1
