"""/edge-profiles/: every edge with its drawing, where it suits and its price; linked from the
materials and service pages; its query count does not grow with the edges."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage
from images.factories import ImageFactory
from materials.factories import MaterialFactory
from materials.models import MaterialIndexPage
from pricing.factories import EdgeProfileFactory
from pricing.models import EdgeProfilesPage

pytestmark = pytest.mark.django_db

# Routing, view restrictions, the edges with their drawings, their renditions (a warm process:
# settings, menu and breadcrumbs come from the cache).
EDGE_QUERIES = 4


@pytest.fixture
def edges_page(home, business):
    page = EdgeProfilesPage(title="Edge profiles", slug="edge-profiles")
    home.add_child(instance=page)
    return page


def test_each_edge_is_shown_with_its_drawing_use_and_price(client, edges_page):
    EdgeProfileFactory(name="Eased", slug="eased", price_low=0, price_high=0, suits="Any room.")
    EdgeProfileFactory(
        name="Ogee", slug="ogee", price_low=20, price_high=30, suits="Traditional kitchens.",
        drawing=ImageFactory(title="Ogee drawing"),
    )  # fmt: skip

    html = client.get("/edge-profiles/").content.decode()

    assert 'id="eased"' in html and "Included in the stone's price" in html
    assert 'id="ogee"' in html and "Traditional kitchens." in html
    assert "$20–$30 per linear foot of finished edge" in html
    assert html.count("<img") >= 1 and 'alt="' in html


def test_materials_and_service_pages_link_to_it(client, edges_page, home):
    home.add_child(instance=MaterialIndexPage(title="Materials", slug="materials"))
    MaterialFactory(name="Granite", slug="granite")

    assert 'href="/edge-profiles/"' in client.get("/materials/").content.decode()


def test_query_count_is_pinned_and_flat(client, edges_page):
    for _ in range(2):
        EdgeProfileFactory(drawing=ImageFactory())
    client.get("/edge-profiles/")
    with CaptureQueriesContext(connection) as before:
        client.get("/edge-profiles/")
    for _ in range(5):
        EdgeProfileFactory(drawing=ImageFactory())
    client.get("/edge-profiles/")
    with CaptureQueriesContext(connection) as after:
        client.get("/edge-profiles/")

    assert len(before) == len(after) == EDGE_QUERIES, "\n".join(q["sql"][:150] for q in after)


def test_tree_rules(home):
    assert EdgeProfilesPage.allowed_parent_page_models() == [HomePage]
    assert EdgeProfilesPage.allowed_subpage_models() == []
    assert EdgeProfilesPage.max_count == 1
