"""/slabs/: what is in stock, filtered by plain links and by the size of the visitor's piece,
paginated, in the same few queries at 500 slabs as at 5; each slab's page and its JSON-LD."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from contact.models import EstimateRequest
from images.factories import ImageFactory
from materials.factories import MaterialFactory
from yard import holds
from yard.factories import SlabFactory
from yard.models import Slab, SlabPhoto

from .conftest import slab_path

pytestmark = pytest.mark.django_db


def listed(client, query=""):
    """The colour and lot of each slab card on the page, in order."""
    page = client.get(f"/slabs/{query}")
    assert page.status_code == 200
    return re.findall(r'<h3 class="card__title"><a href="/slabs/\d+-[-\w]+/">([^<]+)</a>',
                      page.content.decode())  # fmt: skip


@pytest.fixture
def stock(yard):
    marble = MaterialFactory(name="Marble", slug="marble")
    return {
        "vanity": SlabFactory(kind="remnant", colour="Vanity fit", length=62, width=24),
        "turned": SlabFactory(kind="remnant", colour="Turned fit", length=23, width=61),
        "short": SlabFactory(kind="remnant", colour="Too short", length=59, width=30),
        "narrow": SlabFactory(kind="remnant", colour="Too narrow", length=80, width=21),
        "marble": SlabFactory(material=marble, colour="Carrara", finish="honed", thickness=2),
        "slab": SlabFactory(colour="Steel Grey", length=118, width=65),
    }


def test_newest_first_and_sold_ones_disappear(client, stock):
    holds.mark_sold(stock["short"], None)
    assert listed(client) == ["Steel Grey", "Carrara", "Too narrow", "Turned fit", "Vanity fit"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?kind=remnant", {"Vanity fit", "Turned fit", "Too short", "Too narrow"}),
        ("?kind=slab", {"Carrara", "Steel Grey"}),
        ("?stone=marble", {"Carrara"}),
        ("?finish=honed", {"Carrara"}),
        ("?thickness=2", {"Carrara"}),
        ("?colour=steel+grey", {"Steel Grey"}),
        ("?kind=remnant&stone=marble", set()),
    ],
)
def test_each_filter(client, stock, query, expected):
    assert set(listed(client, query)) == expected


@pytest.mark.parametrize("typed", ["60x22", "60 x 22", "22 x 60", "60 × 22 in", "60 by 22",
                                   "60,22", "60.0 x 22.0"])  # fmt: skip
def test_fits_my_piece_either_way_round(client, stock, typed):
    found = set(listed(client, f"?kind=remnant&fits={typed}"))
    assert found == {"Vanity fit", "Turned fit"}


@pytest.mark.parametrize("typed", ["60.5 x 22", "60 x 22.9", "22.1 x 60"])
def test_a_fraction_of_an_inch_more_does_not_fit(client, stock, typed):
    # Vanity fit is 62 x 24: still fits; a piece a fraction longer than 60 x 22 would not fit
    # a 60 x 22 remnant, so only slabs of whole inches at least that big are shown.
    SlabFactory(kind="remnant", colour="Exactly", length=60, width=22)
    found = set(listed(client, f"?kind=remnant&fits={typed}"))
    assert "Exactly" not in found and "Vanity fit" in found


@pytest.mark.parametrize(
    "typed, message",
    [
        ("abc", "We could not read “abc” as a size"),
        ("60x", "We could not read"),
        ("60x22x3", "We could not read"),
        ("٦٠x٢٢", "We could not read"),  # Arabic digits
        ("60²x22", "We could not read"),
        ("0 x 22", "between 1 and 160 inches"),
        ("999 x 22", "between 1 and 160 inches"),
        ("6" * 500, "We could not read"),
        ("<script>x</script>", "We could not read"),
    ],
)
def test_a_size_that_cannot_be_read_is_said_and_kept(client, stock, typed, message):
    response = client.get("/slabs/", {"fits": typed, "kind": "remnant"})
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "<script>x</script>" not in page
    # The other filters still apply; the size is left out.
    assert len(listed(client, f"?kind=remnant&fits={typed[:40]}")) == 4


@pytest.mark.parametrize(
    "query",
    ["?kind=granite", "?stone=nope", "?finish=rough", "?thickness=4", "?page=abc", "?page=999",
     "?colour=" + "x" * 300, "?stone[]=a", "?page=-1"],
)  # fmt: skip
def test_unknown_values_are_ignored(client, stock, query):
    assert len(listed(client, query)) in (6, 0) or query.startswith("?colour")


def test_filter_links_keep_the_others_and_mark_the_choice(client, stock):
    page = client.get("/slabs/?kind=remnant&fits=60x22&page=1").content.decode()
    assert 'href="/slabs/?kind=remnant&amp;fits=60x22&amp;stone=marble"' in page
    assert re.search(r'href="/slabs/\?fits=60x22"[^>]*>Slabs and remnants<', page)
    assert re.search(r'href="/slabs/\?kind=remnant&amp;fits=60x22" aria-current="true"', page)
    assert '<input type="hidden" name="kind" value="remnant">' in page


def test_pages_of_slabs(client, yard):
    SlabFactory.create_batch(30)
    first, second = listed(client), listed(client, "?page=2")
    assert (len(first), len(second)) == (24, 6)
    assert "Page 1 of 2" in client.get("/slabs/").content.decode()


def add_slabs(count):
    image = ImageFactory()
    granite = MaterialFactory(name="Granite", slug="granite")
    slabs = Slab.objects.bulk_create(
        Slab(material=granite, colour=f"Colour {n % 40}", length=60 + n % 60, width=20 + n % 40,
             kind="remnant" if n % 3 else "slab", price=300 if n % 3 else None)
        for n in range(count)
    )  # fmt: skip
    SlabPhoto.objects.bulk_create(SlabPhoto(slab=slab, image=image) for slab in slabs)
    for slab in slabs[: count // 10]:
        holds.ask(slab, EstimateRequest.objects.create(kind="hold", name="H", form_data={}))


def queries_for(client, path):
    client.get(path)  # warm: the menu, settings and photo sizes are read once per process
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["/slabs/", "/slabs/?kind=remnant&fits=60x22&stone=granite"])
def test_the_query_count_is_flat_from_5_to_500_slabs(client, yard, path):
    add_slabs(5)
    few = queries_for(client, path)
    add_slabs(495)
    assert queries_for(client, path) == few
    assert few <= 10


def test_a_slab_page_has_its_photos_sizes_and_stone(client, yard):
    remnant = SlabFactory(kind="remnant", colour="Blue Pearl", length=62, width=24, price=450,
                          lot="BP-7", location="Rack 9, bay C")  # fmt: skip
    photos = [ImageFactory(), ImageFactory()]
    for order, image in enumerate(photos):
        SlabPhoto.objects.create(slab=remnant, image=image, sort_order=order)

    page = client.get(slab_path(remnant)).content.decode()

    assert "<h1>Blue Pearl</h1>" in page
    assert "62 × 24 in" in page and "10.3 sq ft" in page and "$450" in page and "BP-7" in page
    assert "Durability" in page  # the stone's properties
    assert "Rack 9" not in page  # the yard location is the office's
    for image in photos:
        assert image.renditions.first().url in page
    assert "/contact/?stone=granite&amp;slab=" in page
    assert re.search(f'<link rel="canonical" href="http://[^/"]+{slab_path(remnant)}">', page)


def product(client, slab):
    page = client.get(slab_path(slab)).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return next(b for b in map(json.loads, blocks) if b.get("@type") == "Product")


def test_json_ld_offers_a_remnant_in_stock_then_limited_while_held(client, yard):
    remnant = SlabFactory(kind="remnant", colour="Blue Pearl", price=450, lot="BP-7")
    SlabPhoto.objects.create(slab=remnant, image=ImageFactory())

    data = product(client, remnant)
    assert data["name"] == "Blue Pearl granite remnant" and data["sku"] == "BP-7"
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert (data["offers"]["price"], data["offers"]["priceCurrency"]) == ("450", "USD")
    assert re.fullmatch(r"http://[^/]+/media/images/.+\.width-1600\.jpg", data["image"][0])

    holds.ask(remnant, EstimateRequest.objects.create(kind="hold", name="H", form_data={}))
    remnant.refresh_from_db()
    data = product(client, remnant)
    assert data["offers"]["availability"] == "https://schema.org/LimitedAvailability"


def test_a_full_slab_offer_has_no_price(client, yard):
    data = product(client, SlabFactory(kind="slab"))
    assert "price" not in data["offers"]


def test_the_materials_page_counts_what_is_in_stock(client, yard):
    from materials.factories import MaterialIndexPageFactory

    MaterialIndexPageFactory(parent=yard.get_parent())
    SlabFactory.create_batch(2)
    SlabFactory(kind="remnant")
    holds.mark_sold(SlabFactory(), None)
    page = client.get("/materials/").content.decode()
    assert '/slabs/?stone=granite&amp;kind=slab">2 slabs</a>' in page
    assert '/slabs/?stone=granite&amp;kind=remnant">1 remnant</a>' in page


def test_the_estimate_builder_starts_from_a_slab(client, yard, mailoutbox):
    from contact.tests.conftest import run_mail_queue, token

    slab = SlabFactory(colour="Blue Pearl", lot="BP-7")
    page = client.get(f"/contact/?stone=granite&slab={slab.pk}").content.decode()
    assert "You are pricing the <strong>Blue Pearl granite slab, lot BP-7</strong>" in page
    assert re.search(r'<option value="granite" selected>', page)

    client.post("/contact/", {"your_name": "Di", "phone": "(404) 555-0100",
                              "email": "di@example.com", "zip_code": "30301",
                              "project_type": "Kitchen", "stone": "granite",
                              "slab": str(slab.pk), "lm_started": token()})  # fmt: skip
    lead = EstimateRequest.objects.get(name="Di")
    assert lead.form_data["slab"] == "Blue Pearl granite slab, lot BP-7"
    run_mail_queue()
    assert all("Blue Pearl granite slab, lot BP-7" in message.body for message in mailoutbox)


@pytest.mark.parametrize("value", ["999", "abc", "٣", "1" * 40, ""])
def test_a_slab_that_is_not_for_sale_is_left_out_of_the_builder(client, yard, value):
    page = client.get(f"/contact/?stone=granite&slab={value}").content.decode()
    assert "You are pricing the" not in page
