"""The estimate builder's arithmetic, all of it: a kitchen's runs in inches in, an itemised price
range out. The price endpoint (pricing/views.py), the builder on /contact/ and the stored quote
of each lead use this module; the browser only shows what it returns.

Geometry (d is a run's depth; a leg is measured along its wall to the corner):
- straight run L, or a vanity: area L x d; finished edge L, plus d per exposed end;
  backsplash along L.
- L-shape, legs A and B: the corner square counted once, area (A + B - d) x d; finished front
  edge (A - d) + (B - d), plus d per exposed end; backsplash along A + B.
- U-shape, legs A, B (the back wall, corner to corner) and C: area (A + B + C - 2d) x d;
  finished front edge (A - d) + (B - 2d) + (C - d), plus d per exposed end; backsplash along
  A + B + C.
- island L x W (W is its depth): area L x W; every side finished, 2 (L + W); no backsplash.
- backsplash: its length x its height, at the stone's rate. A waterfall end adds a panel of the
  deepest run's depth x the rules' waterfall height, at the stone's rate, and its price each.

Prices: stone per square foot (Material), a cutting allowance on all the stone, the edge per
linear foot of finished edge, cutouts each, tear-out per square foot of countertop, waterfall
ends each. Each line is quantity x price, in whole dollars; the total is their sum rounded out
(low down, high up) to the rules' step, and never below the minimum job. An island has no
backsplash and every side finished, whatever is sent for it.
"""

import re
from dataclasses import asdict, dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

SQ_IN_PER_SQ_FT = 144
IN_PER_FT = 12
MAX_INCHES = Decimal(600)
MAX_RUNS = 12
MAX_CUTOUTS = 20  # of one kind
MAX_WATERFALLS = 4
CENTS = Decimal("0.01")

# Shape: (names of its legs, default depth in inches).
SHAPES = {
    "straight": (["length"], Decimal("25.5")),
    "vanity": (["length"], Decimal("22")),
    "l": (["leg A", "leg B"], Decimal("25.5")),
    "u": (["leg A", "back wall B", "leg C"], Decimal("25.5")),
    "island": (["length"], Decimal("36")),
}
# Whole inches with an optional fraction ("120 1/2", "120-1/2"), a decimal ("120.5"), or a
# fraction alone ("3/4"); an inch mark or "in" may follow.
MEASUREMENT = re.compile(
    r"^(?:(?P<whole>\d{1,4}(?:\.\d{1,4})?)(?:[\s-]+(?P<num>\d{1,3})/(?P<den>\d{1,3}))?"
    r"|(?P<alone_num>\d{1,3})/(?P<alone_den>\d{1,3}))\s*(?:\"|in\.?|inches)?$",
    re.ASCII,  # digits 0-9 only
)


class Invalid(ValueError):
    """A value that cannot be used, with the message the visitor sees."""


def inches(value, name="This measurement", allow_zero=False):
    """A measurement in inches as a Decimal, from a number or from text such as "120 1/2"."""
    if isinstance(value, bool) or value is None:
        raise Invalid(f"{name} needs a number of inches, e.g. 120 or 120 1/2.")
    if isinstance(value, (int, float, Decimal)):
        text = str(value)
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise Invalid(f"{name} needs a number of inches, e.g. 120 or 120 1/2.")
    match = MEASUREMENT.match(text)
    if not match:
        raise Invalid(f"{name} needs a number of inches, e.g. 120 or 120 1/2.")
    try:
        if match["alone_num"]:
            result = Decimal(match["alone_num"]) / Decimal(match["alone_den"])
        else:
            result = Decimal(match["whole"])
            if match["num"]:
                result += Decimal(match["num"]) / Decimal(match["den"])
    except (InvalidOperation, ZeroDivisionError):
        raise Invalid(f"{name} needs a number of inches, e.g. 120 or 120 1/2.") from None
    if result == 0 and allow_zero:
        return result
    if result <= 0:
        raise Invalid(f"{name} must be more than 0 inches.")
    if result > MAX_INCHES:
        raise Invalid(f"{name} must be at most {MAX_INCHES} inches (50 feet).")
    return result


@dataclass(frozen=True)
class Run:
    shape: str
    legs: tuple
    depth: Decimal
    exposed_ends: int = 0
    backsplash: Decimal = Decimal(0)  # height in inches; 0 for none

    def area(self):
        """Square inches of countertop."""
        d, legs = self.depth, self.legs
        if self.shape == "l":
            return (legs[0] + legs[1] - d) * d
        if self.shape == "u":
            return (legs[0] + legs[1] + legs[2] - 2 * d) * d
        return legs[0] * d

    def finished_edge(self):
        """Inches of finished edge."""
        d, legs = self.depth, self.legs
        if self.shape == "island":
            return 2 * (legs[0] + d)
        if self.shape == "l":
            front = (legs[0] - d) + (legs[1] - d)
        elif self.shape == "u":
            front = (legs[0] - d) + (legs[1] - 2 * d) + (legs[2] - d)
        else:
            front = legs[0]
        return front + d * self.exposed_ends

    def backsplash_area(self):
        """Square inches of backsplash: along every wall the run stands against."""
        if self.shape == "island":
            return Decimal(0)
        return sum(self.legs) * self.backsplash


@dataclass(frozen=True)
class Job:
    stone: object  # a Material: name, price_low, price_high per sq ft
    edge: object  # an EdgeProfile
    runs: tuple
    cutouts: tuple = ()  # (Cutout, how many) pairs
    tear_out: object = None  # a TearOut, or None
    waterfalls: int = 0


@dataclass(frozen=True)
class Line:
    label: str
    quantity: Decimal
    unit: str
    low: int
    high: int


@dataclass(frozen=True)
class Quote:
    stone_sqft: Decimal
    backsplash_sqft: Decimal
    finished_edge_lf: Decimal
    lines: tuple
    total_low: int
    total_high: int

    def as_json(self):
        """For the endpoint and for a lead's stored copy: numbers a browser reads as they are."""
        data = asdict(self)
        data["lines"] = [{**line, "quantity": float(line["quantity"])} for line in data["lines"]]
        for key in ("stone_sqft", "backsplash_sqft", "finished_edge_lf"):
            data[key] = float(data[key])
        return data


def two_places(value):
    return Decimal(value).quantize(CENTS, rounding=ROUND_HALF_UP)


def dollars(value):
    return int(Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def priced(label, quantity, unit, item):
    """A line: the quantity as shown (two places) times the item's low and high price."""
    return Line(
        label,
        quantity,
        unit,
        dollars(quantity * item.price_low),
        dollars(quantity * item.price_high),
    )


def price(job, rules):
    """The itemised quote for `job` under `rules` (a PricingRules)."""
    counter_sqin = sum(run.area() for run in job.runs)
    waterfall_sqin = job.waterfalls * max(run.depth for run in job.runs) * rules.waterfall_height
    stone_sqft = two_places((counter_sqin + waterfall_sqin) / SQ_IN_PER_SQ_FT)
    backsplash_sqft = two_places(sum(run.backsplash_area() for run in job.runs) / SQ_IN_PER_SQ_FT)
    edge_lf = two_places(sum(run.finished_edge() for run in job.runs) / IN_PER_FT)
    waste_percent = Decimal(rules.waste_percent)
    waste_sqft = two_places((stone_sqft + backsplash_sqft) * waste_percent / 100)

    stone = job.stone
    lines = [priced(f"{stone.name} countertops", stone_sqft, "sq ft", stone)]
    if backsplash_sqft:
        lines.append(priced(f"{stone.name} backsplash", backsplash_sqft, "sq ft", stone))
    if waste_sqft:
        percent = f"{waste_percent.normalize():f}"
        lines.append(priced(f"Cutting allowance ({percent}%)", waste_sqft, "sq ft", stone))
    lines.append(priced(f"{job.edge.name} edge", edge_lf, "linear ft", job.edge))
    for cutout, count in job.cutouts:
        if count:
            lines.append(priced(cutout.name, Decimal(count), "each", cutout))
    if job.waterfalls:
        lines.append(
            Line(
                "Waterfall ends",
                Decimal(job.waterfalls),
                "each",
                dollars(job.waterfalls * rules.waterfall_low),
                dollars(job.waterfalls * rules.waterfall_high),
            )
        )
    if job.tear_out is not None:
        counter_sqft = two_places(counter_sqin / SQ_IN_PER_SQ_FT)
        label = f"Tear-out of old {job.tear_out.name.lower()} tops"
        lines.append(priced(label, counter_sqft, "sq ft", job.tear_out))

    # Rounded out to the step, and never below the minimum job (itself shown as it is).
    step, minimum = rules.round_to, rules.minimum_charge
    low = max(sum(line.low for line in lines) // step * step, minimum)
    high = max(-(-sum(line.high for line in lines) // step) * step, minimum)
    return Quote(stone_sqft, backsplash_sqft, edge_lf, tuple(lines), low, high)


@dataclass(frozen=True)
class PriceList:
    """What a quote may name, by slug: stones, edges, cutouts, tear-out; and the rules."""

    stones: dict
    edges: dict
    cutouts: dict
    tear_outs: dict
    rules: object


def read_job(data, price_list):
    """The job described by `data` (the endpoint's JSON, or the builder form's fields in the
    same shape), or the errors that stop it: ({path: message}, e.g. "runs.0.legs.1")."""
    errors = {}

    def pick(key, choices, what, required=True):
        slug = data.get(key)
        if slug in (None, "") and not required:
            return None
        if not isinstance(slug, str) or slug not in choices:
            errors[key] = f"Choose {what} from the list."
            return None
        return choices[slug]

    if not isinstance(data, dict):
        return None, {"": "Send the measurements as a JSON object."}
    stone = pick("stone", price_list.stones, "a stone")
    edge = pick("edge", price_list.edges, "an edge")
    tear_out = pick("tear_out", price_list.tear_outs, "what the old tops are made of", False)
    runs = read_runs(data.get("runs"), errors)
    cutouts = read_cutouts(data.get("cutouts", {}), price_list.cutouts, errors)
    waterfalls = whole_number(data.get("waterfalls", 0), "waterfalls", MAX_WATERFALLS, errors)
    if errors:
        return None, errors
    return Job(stone, edge, runs, cutouts, tear_out, waterfalls), {}


def whole_number(value, key, most, errors):
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= most:
        errors[key] = f"Give a whole number from 0 to {most}."
        return 0
    return value


def read_cutouts(value, cutouts, errors):
    if not isinstance(value, dict):
        errors["cutouts"] = "Send cutouts as names with how many of each."
        return ()
    for slug in value:
        if slug not in cutouts:
            errors[f"cutouts.{slug}"[:80]] = "Choose cutouts from the list."
    # In the office's order, whatever order they were sent in (a stored job's keys may come
    # back from the database in another), so the same job always gives the same lines.
    return tuple(
        (cutout, whole_number(value[slug], f"cutouts.{slug}", MAX_CUTOUTS, errors))
        for slug, cutout in cutouts.items()
        if slug in value
    )


def read_runs(value, errors):
    if not isinstance(value, list) or not value:
        errors["runs"] = "Add at least one countertop run."
        return ()
    if len(value) > MAX_RUNS:
        errors["runs"] = f"Up to {MAX_RUNS} runs; for a bigger job, send the request without."
        return ()
    runs = []
    for number, item in enumerate(value):
        run = read_run(item, f"runs.{number}", errors)
        if run:
            runs.append(run)
    return tuple(runs)


def sentence(name):
    """ "leg A" -> "Leg A", as the start of a message."""
    return name[:1].upper() + name[1:]


def read_run(item, path, errors):
    if (
        not isinstance(item, dict)
        or not isinstance(item.get("shape"), str)
        or (item["shape"] not in SHAPES)
    ):
        errors[f"{path}.shape"] = "Choose a shape: straight, L, U, island or vanity."
        return None
    shape = item["shape"]
    leg_names, default_depth = SHAPES[shape]
    found = len(errors)

    def measured(key, value, name, allow_zero=False):
        try:
            return inches(value, name, allow_zero)
        except Invalid as problem:
            errors[key] = str(problem)
            return None

    legs = item.get("legs")
    if not isinstance(legs, list) or len(legs) != len(leg_names):
        errors[f"{path}.legs"] = f"This shape needs {len(leg_names)} measurement(s)."
        legs = []
    legs = [
        measured(f"{path}.legs.{n}", leg, sentence(name))
        for n, (leg, name) in enumerate(zip(legs, leg_names, strict=False))
    ]
    depth = measured(f"{path}.depth", item.get("depth", default_depth), "The depth")
    backsplash = measured(
        f"{path}.backsplash", item.get("backsplash", 0), "The backsplash height", allow_zero=True
    )
    ends = whole_number(item.get("exposed_ends", 0), f"{path}.exposed_ends", 2, errors)
    if len(errors) > found:
        return None
    corners = {"l": [1, 1], "u": [1, 2, 1]}.get(shape, [])
    for n, times in enumerate(corners):
        if legs[n] <= times * depth:
            errors[f"{path}.legs.{n}"] = (
                f"{sentence(leg_names[n])} must be longer than "
                + ("the depth" if times == 1 else "twice the depth")
                + f" ({(times * depth).normalize():f} in), measured to the corner."
            )
    if len(errors) > found:
        return None
    return Run(shape, tuple(legs), depth, ends, backsplash)
