"""The arithmetic on reference kitchens, every quantity and total worked by hand (the sums are
in the comments), and the reading of measurements."""

from decimal import Decimal
from types import SimpleNamespace as Priced

import pytest

from pricing.quote import Invalid, Job, PriceList, Run, inches, price, read_job

GRANITE = Priced(name="Granite", price_low=Decimal(40), price_high=Decimal(60))
EASED = Priced(name="Eased", price_low=Decimal(0), price_high=Decimal(0))
BULLNOSE = Priced(name="Bullnose", price_low=Decimal(8), price_high=Decimal(12))
UNDERMOUNT = Priced(name="Undermount kitchen sink", price_low=Decimal(250), price_high=Decimal(350))
COOKTOP = Priced(name="Cooktop", price_low=Decimal(150), price_high=Decimal(250))
BATH_SINK = Priced(name="Bathroom sink", price_low=Decimal(100), price_high=Decimal(150))
LAMINATE = Priced(name="Laminate", price_low=Decimal(4), price_high=Decimal(6))
RULES = Priced(
    waterfall_low=Decimal(300),
    waterfall_high=Decimal(500),
    waterfall_height=Decimal(36),
    waste_percent=Decimal(10),
    minimum_charge=500,
    round_to=50,
)
D = Decimal("25.5")


def run(shape, *legs, depth=D, ends=0, splash=0):
    return Run(shape, tuple(Decimal(leg) for leg in legs), Decimal(depth), ends, Decimal(splash))


# name: (job, rules, stone sq ft, backsplash sq ft, edge lf, [(label, qty, low, high)], totals)
KITCHENS = {
    # 120 x 25.5 = 3060 in² = 21.25 ft²; edge 120 + 2 x 25.5 = 171 in; waste 2.125 -> 2.13.
    "straight, two exposed ends": (
        Job(GRANITE, EASED, (run("straight", 120, ends=2),)),
        RULES, "21.25", "0", "14.25",
        [("Granite countertops", "21.25", 850, 1275),
         ("Cutting allowance (10%)", "2.13", 85, 128),
         ("Eased edge", "14.25", 0, 0)],
        (900, 1450),
    ),
    # (120 + 96 - 25.5) x 25.5 = 4857.75 in²; edge 94.5 + 70.5 = 165 in; splash 216 x 4 in.
    "L-shape with a 4 in backsplash": (
        Job(GRANITE, BULLNOSE, (run("l", 120, 96, splash=4),)),
        RULES, "33.73", "6.00", "13.75",
        [("Granite countertops", "33.73", 1349, 2024),
         ("Granite backsplash", "6.00", 240, 360),
         ("Cutting allowance (10%)", "3.97", 159, 238),
         ("Bullnose edge", "13.75", 110, 165)],
        (1850, 2800),
    ),
    # (96 + 144 + 96 - 51) x 25.5 = 7267.5 in²; edge 70.5 + 93 + 70.5 = 234 in; splash 336 x 6.
    "U-shape with a 6 in backsplash": (
        Job(GRANITE, EASED, (run("u", 96, 144, 96, splash=6),)),
        RULES, "50.47", "14.00", "19.50",
        [("Granite countertops", "50.47", 2019, 3028),
         ("Granite backsplash", "14.00", 560, 840),
         ("Cutting allowance (10%)", "6.45", 258, 387),
         ("Eased edge", "19.50", 0, 0)],
        (2800, 4300),
    ),
    # 72 x 36 = 2592 in²; every side finished: 2 x (72 + 36) = 216 in.
    "island": (
        Job(GRANITE, BULLNOSE, (run("island", 72, depth=36),)),
        RULES, "18.00", "0", "18.00",
        [("Granite countertops", "18.00", 720, 1080),
         ("Cutting allowance (10%)", "1.80", 72, 108),
         ("Bullnose edge", "18.00", 144, 216)],
        (900, 1450),
    ),
    # 48 x 22 = 1056 in²; edge 48 + 22; splash 48 x 4. Low sum 481 is raised to the minimum.
    "vanity, one exposed end, under the minimum": (
        Job(GRANITE, EASED, (run("vanity", 48, depth=22, ends=1, splash=4),), ((BATH_SINK, 1),)),
        RULES, "7.33", "1.33", "5.83",
        [("Granite countertops", "7.33", 293, 440),
         ("Granite backsplash", "1.33", 53, 80),
         ("Cutting allowance (10%)", "0.87", 35, 52),
         ("Eased edge", "5.83", 0, 0),
         ("Bathroom sink", "1.00", 100, 150)],
        (500, 750),
    ),
    # 96 x 25.5 = 2448 in²; a full-height backsplash of 18 in: 96 x 18 = 1728 in².
    "full-height backsplash": (
        Job(GRANITE, EASED, (run("straight", 96, splash=18),)),
        RULES, "17.00", "12.00", "8.00",
        [("Granite countertops", "17.00", 680, 1020),
         ("Granite backsplash", "12.00", 480, 720),
         ("Cutting allowance (10%)", "2.90", 116, 174),
         ("Eased edge", "8.00", 0, 0)],
        (1250, 1950),
    ),
    # 96 x 42 = 4032 in² + two panels of 42 x 36 = 3024 in²: 7056 in² = 49 ft².
    "island with two waterfall ends": (
        Job(GRANITE, BULLNOSE, (run("island", 96, depth=42),), waterfalls=2),
        RULES, "49.00", "0", "23.00",
        [("Granite countertops", "49.00", 1960, 2940),
         ("Cutting allowance (10%)", "4.90", 196, 294),
         ("Bullnose edge", "23.00", 184, 276),
         ("Waterfall ends", "2", 600, 1000)],
        (2900, 4550),
    ),
    # 30 x 25.5 = 765 in² = 5.3125 ft²: $233 to $351, both raised to a $1,500 minimum.
    # A minimum off the $50 steps is kept as it is: $233 to $351 both become $525.
    "small job at a minimum off the steps": (
        Job(GRANITE, EASED, (run("straight", 30),)),
        Priced(**{**vars(RULES), "minimum_charge": 525}), "5.31", "0", "2.50",
        [("Granite countertops", "5.31", 212, 319),
         ("Cutting allowance (10%)", "0.53", 21, 32),
         ("Eased edge", "2.50", 0, 0)],
        (525, 525),
    ),
    "small job at the minimum charge": (
        Job(GRANITE, EASED, (run("straight", 30),)),
        Priced(**{**vars(RULES), "minimum_charge": 1500}), "5.31", "0", "2.50",
        [("Granite countertops", "5.31", 212, 319),
         ("Cutting allowance (10%)", "0.53", 21, 32),
         ("Eased edge", "2.50", 0, 0)],
        (1500, 1500),
    ),
    # The L above and the island: 7449.75 in²; edge 165 + 216 = 381 in; tear-out of the
    # countertop area.
    "L, island, sink, cooktop and tear-out": (
        Job(
            GRANITE, BULLNOSE, (run("l", 120, 96, splash=4), run("island", 72, depth=36)),
            ((UNDERMOUNT, 1), (COOKTOP, 1)), LAMINATE,
        ),
        RULES, "51.73", "6.00", "31.75",
        [("Granite countertops", "51.73", 2069, 3104),
         ("Granite backsplash", "6.00", 240, 360),
         ("Cutting allowance (10%)", "5.77", 231, 346),
         ("Bullnose edge", "31.75", 254, 381),
         ("Undermount kitchen sink", "1", 250, 350),
         ("Cooktop", "1", 150, 250),
         ("Tear-out of old laminate tops", "51.73", 207, 310)],
        (3400, 5150),
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", KITCHENS)
def test_reference_kitchens(name):
    job, rules, stone, splash, edge, lines, totals = KITCHENS[name]

    quote = price(job, rules)

    assert (quote.stone_sqft, quote.backsplash_sqft, quote.finished_edge_lf) == (
        Decimal(stone),
        Decimal(splash),
        Decimal(edge),
    )
    assert [(line.label, line.quantity, line.low, line.high) for line in quote.lines] == [
        (label, Decimal(quantity), low, high) for label, quantity, low, high in lines
    ]
    assert (quote.total_low, quote.total_high) == totals


def test_u_shape_errors_name_the_leg_and_the_corner_rule():
    price_list = PriceList({"granite": GRANITE}, {"eased": EASED}, {}, {}, RULES)
    data = {"stone": "granite", "edge": "eased",
            "runs": [{"shape": "u", "legs": [96, 50, 96], "depth": 25.5}]}  # fmt: skip

    job, errors = read_job(data, price_list)

    assert job is None
    assert errors == {
        "runs.0.legs.1": "Back wall B must be longer than twice the depth (51 in), measured to "
        "the corner."
    }


def test_cutouts_are_listed_in_the_offices_order_whatever_order_they_come_in():
    """A lead's stored job may come back from PostgreSQL (jsonb) with its keys reordered; priced
    again, it must give the same lines."""
    price_list = PriceList(
        {"granite": GRANITE}, {"eased": EASED},
        {"undermount-sink": UNDERMOUNT, "cooktop": COOKTOP}, {}, RULES,
    )  # fmt: skip
    run = {"shape": "straight", "legs": [120]}
    labels = []
    for cutouts in ({"undermount-sink": 1, "cooktop": 1}, {"cooktop": 1, "undermount-sink": 1}):
        data = {"stone": "granite", "edge": "eased", "runs": [run], "cutouts": cutouts}
        job, errors = read_job(data, price_list)
        labels.append([line.label for line in price(job, RULES).lines])

    assert labels[0] == labels[1]
    assert labels[0][-2:] == ["Undermount kitchen sink", "Cooktop"]


def test_the_json_copy_keeps_two_places_as_numbers():
    job, rules, *_ = KITCHENS["L-shape with a 4 in backsplash"]

    data = price(job, rules).as_json()

    assert data["stone_sqft"] == 33.73 and data["finished_edge_lf"] == 13.75
    assert data["lines"][0] == {
        "label": "Granite countertops", "quantity": 33.73, "unit": "sq ft", "low": 1349,
        "high": 2024,
    }  # fmt: skip
    assert (data["total_low"], data["total_high"]) == (1850, 2800)


@pytest.mark.parametrize(
    "value, expected",
    [
        (120, "120"), (120.5, "120.5"), ("120.5", "120.5"), ("120 1/2", "120.5"),
        ("120-1/2", "120.5"), (" 96 3/4 ", "96.75"), ('25.5"', "25.5"), ("36 in", "36"),
        ("3/4", "0.75"), ("600", "600"),
    ],
)  # fmt: skip
def test_measurements_as_people_write_them(value, expected):
    assert inches(value) == Decimal(expected)


@pytest.mark.parametrize(
    "value, message",
    [
        (0, "more than 0"), (-3, "number of inches"), ("601", "at most 600"),
        (600.01, "at most 600"), ("ten feet", "number of inches"), ("1/0", "number of inches"),
        ("1e3", "number of inches"), ("nan", "number of inches"), (True, "number of inches"),
        (None, "number of inches"), ([120], "number of inches"), ("120 1/2/3", "number of inches"),
        ("9" * 40, "number of inches"),
    ],
)  # fmt: skip
def test_measurements_that_cannot_be_used(value, message):
    with pytest.raises(Invalid, match=message):
        inches(value)
