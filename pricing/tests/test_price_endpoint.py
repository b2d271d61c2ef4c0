"""POST /estimate/price/: the itemised quote for a kitchen in JSON, a clear 400 for anything
else, never a 500; it reads no session and writes nothing."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from materials.factories import MaterialFactory
from pricing.factories import (
    CutoutFactory,
    EdgeProfileFactory,
    PricingRulesFactory,
    TearOutFactory,
)
from pricing.models import PricingRules

pytestmark = pytest.mark.django_db

URL = reverse("estimate_price")
# The example: an L with a 4 in backsplash, a 72 in island, a sink, a cooktop, and the
# old laminate out. The same kitchen as "L, island, sink, cooktop and tear-out" in test_quote.
KITCHEN = {
    "stone": "granite",
    "edge": "bullnose",
    "runs": [
        {"shape": "l", "legs": [120, 96], "depth": 25.5, "exposed_ends": 0, "backsplash": 4},
        {"shape": "island", "legs": [72], "depth": 36},
    ],
    "cutouts": {"undermount-sink": 1, "cooktop": 1},
    "tear_out": "laminate",
    "waterfalls": 0,
}


@pytest.fixture
def price_list(db):
    MaterialFactory(name="Granite", slug="granite", price_low=40, price_high=60)
    EdgeProfileFactory(name="Bullnose", slug="bullnose")
    CutoutFactory(name="Undermount kitchen sink", slug="undermount-sink")
    CutoutFactory(name="Cooktop", slug="cooktop", price_low=150, price_high=250, sort_order=1)
    TearOutFactory()
    PricingRulesFactory()


def ask(client, data, **extra):
    body = data if isinstance(data, (str, bytes)) else json.dumps(data)
    return client.post(URL, body, content_type="application/json", **extra)


def test_a_kitchen_is_priced_line_by_line(client, price_list):
    response = ask(client, KITCHEN)

    assert response.status_code == 200
    quote = response.json()
    assert (quote["stone_sqft"], quote["backsplash_sqft"], quote["finished_edge_lf"]) == (
        51.73,
        6.0,
        31.75,
    )
    assert [line["label"] for line in quote["lines"]] == [
        "Granite countertops", "Granite backsplash", "Cutting allowance (10%)",
        "Bullnose edge", "Undermount kitchen sink", "Cooktop", "Tear-out of old laminate tops",
    ]  # fmt: skip
    assert quote["lines"][3] == {
        "label": "Bullnose edge", "quantity": 31.75, "unit": "linear ft", "low": 254, "high": 381
    }  # fmt: skip
    assert (quote["total_low"], quote["total_high"]) == (3400, 5150)


def test_measurements_may_be_written_with_fractions(client, price_list):
    kitchen = {**KITCHEN, "runs": [{"shape": "straight", "legs": ["120 1/2"], "depth": "25 1/2"}]}

    quote = ask(client, kitchen).json()

    assert quote["stone_sqft"] == 21.34  # 120.5 x 25.5 = 3072.75 in²


def test_it_reads_no_session_writes_nothing_and_reads_the_price_list_once(client, price_list):
    with CaptureQueriesContext(connection) as queries:
        response = ask(client, KITCHEN)

    assert response.status_code == 200
    statements = [query["sql"].split()[0].upper() for query in queries]
    # The site (core/navigation.py's middleware, cached in production), then the price list.
    assert statements == ["SELECT"] * 6
    assert not response.cookies and "Cookie" not in response.get("Vary", "")
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def run(**changes):
    return {**KITCHEN, "runs": [{**KITCHEN["runs"][0], **changes}]}


# (description, what is sent, the field the error is on, words in its message)
BAD = [
    ("unknown stone", {**KITCHEN, "stone": "unobtainium"}, "stone", "Choose a stone"),
    ("no stone", {k: v for k, v in KITCHEN.items() if k != "stone"}, "stone", "Choose a stone"),
    ("stone as a number", {**KITCHEN, "stone": 7}, "stone", "Choose a stone"),
    ("unknown edge", {**KITCHEN, "edge": "ogee-deluxe"}, "edge", "Choose an edge"),
    ("unknown tear-out", {**KITCHEN, "tear_out": "wood"}, "tear_out", "old tops"),
    ("unknown cutout", {**KITCHEN, "cutouts": {"hot-tub": 1}}, "cutouts.hot-tub", "Choose cutouts"),
    ("cutouts as a list", {**KITCHEN, "cutouts": ["cooktop"]}, "cutouts", "how many"),
    ("negative cutouts", {**KITCHEN, "cutouts": {"cooktop": -1}}, "cutouts.cooktop", "0 to 20"),
    ("fractional cutouts", {**KITCHEN, "cutouts": {"cooktop": 1.5}}, "cutouts.cooktop", "0 to 20"),
    ("waterfalls as text", {**KITCHEN, "waterfalls": "2"}, "waterfalls", "0 to 4"),
    ("zero leg", run(legs=[0, 96]), "runs.0.legs.0", "more than 0"),
    ("negative leg", run(legs=[120, -96]), "runs.0.legs.1", "number of inches"),
    ("leg over 600 in", run(legs=[601, 96]), "runs.0.legs.0", "at most 600"),
    ("leg in words", run(legs=["ten feet", 96]), "runs.0.legs.0", "number of inches"),
    ("leg as true", run(legs=[True, 96]), "runs.0.legs.0", "number of inches"),
    ("one leg for an L", run(legs=[120]), "runs.0.legs", "needs 2"),
    ("legs as text", run(legs="120, 96"), "runs.0.legs", "needs 2"),
    ("L leg inside the depth", run(legs=[20, 96]), "runs.0.legs.0", "Leg A must be longer"),
    ("zero depth", run(depth=0), "runs.0.depth", "more than 0"),
    ("backsplash too high", run(backsplash=700), "runs.0.backsplash", "at most 600"),
    ("three exposed ends", run(exposed_ends=3), "runs.0.exposed_ends", "0 to 2"),
    ("unknown shape", run(shape="circle"), "runs.0.shape", "Choose a shape"),
    ("shape as a list", run(shape=["l"]), "runs.0.shape", "Choose a shape"),
    ("shape as an object", run(shape={"l": 1}), "runs.0.shape", "Choose a shape"),
    ("run as text", {**KITCHEN, "runs": ["l 120 96"]}, "runs.0.shape", "Choose a shape"),
    ("no runs", {**KITCHEN, "runs": []}, "runs", "at least one"),
    ("thirteen runs", {**KITCHEN, "runs": [KITCHEN["runs"][1]] * 13}, "runs", "Up to 12"),
    ("a list, not an object", [KITCHEN], "", "JSON object"),
    ("malformed JSON", '{"stone": "granite",', "", "as JSON"),
    ("not UTF-8", b"\xff\xfe{}", "", "as JSON"),
    ("nested past Python's limit", "[" * 15_000, "", "as JSON"),
    ("empty body", "", "", "as JSON"),
    ("too big", json.dumps({**KITCHEN, "note": "x" * 20_000}), "", "more than a kitchen"),
]


@pytest.mark.parametrize("description, data, field, words", BAD, ids=[case[0] for case in BAD])
def test_bad_input_gets_a_400_with_an_error_per_field(
    client, price_list, description, data, field, words
):
    response = ask(client, data)

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert field in errors and words in errors[field], errors


def test_every_wrong_field_is_named_at_once(client, price_list):
    data = {**KITCHEN, "stone": "x", "edge": "y", "runs": [{"shape": "u", "legs": [0, "x", -1]}]}

    errors = ask(client, data).json()["errors"]

    assert {"stone", "edge", "runs.0.legs.0", "runs.0.legs.1", "runs.0.legs.2"} <= set(errors)


def test_only_post_is_answered(client, price_list):
    assert client.get(URL).status_code == 405


def test_one_address_may_ask_sixty_times_a_minute(client, price_list, settings):
    settings.PRICE_REQUESTS_PER_MINUTE = 3
    answers = [ask(client, KITCHEN, REMOTE_ADDR="198.51.100.9").status_code for _ in range(4)]

    assert answers == [200, 200, 200, 429]
    assert ask(client, KITCHEN, REMOTE_ADDR="203.0.113.2").status_code == 200


@pytest.mark.parametrize(
    "shape, legs, square_inches",
    [("straight", [120], 120 * 25.5), ("vanity", [48], 48 * 22), ("island", [72], 72 * 36),
     ("l", [120, 96], (120 + 96 - 25.5) * 25.5)],
)  # fmt: skip
def test_a_run_without_a_depth_takes_its_shapes(client, price_list, shape, legs, square_inches):
    kitchen = {**KITCHEN, "runs": [{"shape": shape, "legs": legs}], "cutouts": {}}

    response = ask(client, kitchen)

    assert response.status_code == 200, response.content
    assert response.json()["stone_sqft"] == round(square_inches / 144, 2)


def test_without_pricing_rules_the_defaults_apply(client, price_list):
    PricingRules.objects.all().delete()

    response = ask(client, KITCHEN)

    assert response.status_code == 200
    assert "Cutting allowance (10%)" in [line["label"] for line in response.json()["lines"]]


def test_a_false_content_length_is_harmless(client, price_list):
    response = ask(client, KITCHEN, CONTENT_LENGTH="abc")

    assert response.status_code == 400 and "as JSON" in response.json()["errors"][""]
