from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gallery.factories import GalleryPageFactory
from home.models import HomePage
from materials.factories import MaterialFactory
from materials.models import MaterialIndexPage

pytestmark = pytest.mark.django_db

# Warm process: settings, menu and breadcrumbs come from the cache (core/cache.py `chrome`).
# Routing, view restrictions, materials with their images and renditions, and one count of
# the slabs and remnants in the yard, every stone at once (yard_tags.stone_stock).
MATERIALS_QUERIES = 5


@pytest.fixture
def materials_page(home, business):
    page = MaterialIndexPage(title="Materials", slug="materials")
    home.add_child(instance=page)
    return page


def test_materials_page_shows_properties_care_and_price(client, materials_page):
    MaterialFactory(
        name="Soapstone",
        slug="soapstone",
        durability=3,
        heat_resistance=5,
        stain_resistance=5,
        upkeep="low",
        care_notes="<ul><li>Oil it now and then to darken it evenly.</li></ul>",
        price_low=Decimal("70"),
        price_high=Decimal("120"),
    )

    html = client.get("/materials/").content.decode()

    assert 'id="soapstone"' in html
    assert '<h2 id="material-soapstone">Soapstone</h2>' in html
    assert '<th scope="row">Heat resistance</th>' in html and "5 of 5" in html
    assert "<td>Low</td>" in html
    assert "$70–$120 per sq ft installed" in html
    assert "Oil it now and then to darken it evenly." in html
    assert "jobs in the gallery" not in html  # no gallery page to link to yet


def test_each_stone_links_to_its_gallery_filter_wherever_the_gallery_lives(
    client, home, materials_page
):
    MaterialFactory(name="Soapstone", slug="soapstone")
    GalleryPageFactory(parent=home, slug="our-work")

    html = client.get("/materials/").content.decode()

    assert 'href="/our-work/?material=soapstone"' in html


def test_materials_are_listed_in_editor_order(client, materials_page):
    MaterialFactory(name="Marble", slug="marble", sort_order=2)
    MaterialFactory(name="Granite", slug="granite", sort_order=1)

    html = client.get("/materials/").content.decode()

    assert html.index('id="granite"') < html.index('id="marble"')


def test_price_range_must_not_be_upside_down():
    material = MaterialFactory.build(price_low=Decimal("90"), price_high=Decimal("40"))

    with pytest.raises(ValidationError) as error:
        material.full_clean(exclude=["image"])
    assert "high price must not be below the low price" in str(error.value)


def test_query_count_is_pinned_and_flat(client, materials_page):
    for _ in range(2):
        MaterialFactory()
    client.get("/materials/")
    with CaptureQueriesContext(connection) as before:
        client.get("/materials/")
    for _ in range(5):
        MaterialFactory()
    client.get("/materials/")
    with CaptureQueriesContext(connection) as after:
        client.get("/materials/")

    assert len(before) == len(after) == MATERIALS_QUERIES, "\n".join(q["sql"][:150] for q in after)


def test_tree_rules(home):
    assert MaterialIndexPage.allowed_parent_page_models() == [HomePage]
    assert MaterialIndexPage.allowed_subpage_models() == []
    assert MaterialIndexPage.max_count == 1
