"""The estimate builder on /contact/: a kitchen's counters, edge, cutouts and tear-out as form
fields, read into the same JSON the price endpoint takes and priced by pricing/quote.py.

Each field's name is the path of its value in that JSON with "-" for ".": "runs-0-legs-1" is
runs[0].legs[1]. The page's script turns the fields into JSON the same way to ask the endpoint
as the visitor types, and the quote's errors ("runs.0.legs.1") come back to the field they are
about. Without JavaScript, "Update the price" posts the form and the page comes back priced.

A visitor who types no measurement has not used the builder: their request is sent without a
price ("I don't know my measurements"). Once they have, a measurement that cannot be read stops
the request with its message, like any other field; a stone with no price yet does not.
"""

import re
from dataclasses import dataclass, field

from pricing.quote import MAX_RUNS, SHAPES, price, read_job

SHAPE_CHOICES = [
    ("straight", "Straight", "One counter along a wall"),
    ("l", "L-shape", "Two walls meeting in a corner"),
    ("u", "U-shape", "Three walls"),
    ("island", "Island", "Free-standing, finished all round"),
    ("vanity", "Vanity", "A bathroom counter"),
]
# The heights visitors usually choose; "full" asks them for theirs.
BACKSPLASH_CHOICES = [("0", "None"), ("4", "4 in"), ("6", "6 in"), ("full", "Full height")]
RUN_FIELDS = ("shape", "legs-0", "legs-1", "legs-2", "depth", "exposed_ends", "backsplash")
FULL_HEIGHT = "full_height"

# What a builder button asks for (the form's name="builder"): never a sent request.
ADD_RUN, REMOVE_RUN = "add", "remove-"
# The builder's field names, which no question of the editors' may take.
FIELD_NAMES = ("builder", "runs", "edge", "tear_out", "waterfalls")
FIELD_PREFIXES = ("runs-", "cutouts-")
SHAPE_NAMES = {key: label for key, label, _ in SHAPE_CHOICES}
WHOLE_NUMBER = re.compile(r"[0-9]{1,3}")
# A unit typed after a measurement; the stored copy says "in" itself.
UNIT = re.compile(r'\s*(?:"|in\.?|inches)$')


def is_builder_field(name):
    return name in FIELD_NAMES or name.startswith(FIELD_PREFIXES)


def measurement(value):
    """A measurement as typed, tidied for the stored copy: one space between words, no unit."""
    return UNIT.sub("", " ".join(str(value).split()))


def path_to_field(path):
    return path.replace(".", "-")


def count(value):
    """A how-many field: empty is none; anything else goes to the quote as typed, which says
    whether it is a whole number."""
    value = (value or "").strip()
    if value == "":
        return 0
    return int(value) if WHOLE_NUMBER.fullmatch(value) else value


@dataclass
class RunFields:
    """One counter's fields as typed."""

    number: int
    values: dict
    errors: dict = field(default_factory=dict)

    def name(self, key):
        return f"runs-{self.number}-{key}"

    def value(self, key):
        return self.values.get(self.name(key), "")

    @property
    def shape(self):
        return self.value("shape") if self.value("shape") in SHAPES else "straight"

    @property
    def measured(self):
        """Whether any of the shape's measurements is typed; a leg left over from another
        shape, hidden now, does not count."""
        return any(self.value(f"legs-{n}").strip() for n in range(len(SHAPES[self.shape][0])))

    def as_json(self):
        """This counter as the endpoint takes it; an empty depth takes the shape's default."""
        legs = [measurement(self.value(f"legs-{n}")) for n in range(len(SHAPES[self.shape][0]))]
        run = {"shape": self.shape, "legs": legs, "exposed_ends": count(self.value("exposed_ends"))}
        if self.value("depth").strip():
            run["depth"] = measurement(self.value("depth"))
        height = self.value("backsplash") or "0"
        run["backsplash"] = measurement(self.value(FULL_HEIGHT)) if height == "full" else height
        return run

    # For the template.
    def field(self, key):
        name = self.name(key)
        return {"name": name, "id": f"id_{name}", "value": self.values.get(name, ""),
                "error": self.errors.get(name, "")}  # fmt: skip

    @property
    def fields(self):
        return {key.replace("-", "_"): self.field(key) for key in (*RUN_FIELDS, FULL_HEIGHT)}


class Builder:
    """The builder's fields from a posted form (or none), and what they price to."""

    def __init__(self, data, price_list):
        self.data = data or {}
        self.price_list = price_list
        self.errors = {}  # field name: message
        self.quote = None
        self.job = None  # the endpoint's JSON, as typed, once something is measured
        self.stone_missing = False
        shown = str(self.data.get("runs", "1"))
        self.run_count = min(max(int(shown), 1), MAX_RUNS) if WHOLE_NUMBER.fullmatch(shown) else 1

    @property
    def runs(self):
        return [RunFields(n, self.data, self.errors) for n in range(self.run_count)]

    @property
    def measured(self):
        return any(run.measured for run in self.runs)

    def value(self, name, default=""):
        return self.data.get(name, default)

    def apply(self, action):
        """A builder button other than the price: add a counter, or take one away."""
        if action == ADD_RUN and self.run_count < MAX_RUNS:
            self.run_count += 1
        elif action.startswith(REMOVE_RUN) and self.run_count > 1:
            gone = action.removeprefix(REMOVE_RUN)
            if WHOLE_NUMBER.fullmatch(gone) and int(gone) < self.run_count:
                self.data = self._without_run(int(gone))
                self.run_count -= 1

    def _without_run(self, gone):
        data = {key: value for key, value in self.data.items() if not key.startswith("runs-")}
        for run in self.runs:
            if run.number == gone:
                continue
            new = run.number if run.number < gone else run.number - 1
            for key in (*RUN_FIELDS, FULL_HEIGHT):
                data[f"runs-{new}-{key}"] = run.value(key)
        return data

    def as_json(self, stone):
        """Everything measured, as the price endpoint takes it. Counters left empty are left
        out; `numbers` maps each one sent back to its fields."""
        measured = [run for run in self.runs if run.measured]
        self.numbers = [run.number for run in measured]
        return {
            "stone": stone or "",
            "edge": self.value("edge") or self.standard_edge,
            "runs": [run.as_json() for run in measured],
            "cutouts": {
                slug: count(self.value(f"cutouts-{slug}"))
                for slug in self.price_list.cutouts
                if count(self.value(f"cutouts-{slug}"))
            },
            "tear_out": self.value("tear_out") or None,
            "waterfalls": count(self.value("waterfalls")),
        }

    def check(self, stone):
        """Read and price what was measured with `stone` (a slug, maybe ""); afterwards
        `errors`, `quote` and `job` say what came of it."""
        self.errors.clear()
        self.quote = None
        self.job = None
        if not self.measured:
            return
        self.job = self.as_json(stone)
        job, errors = read_job(self.job, self.price_list)
        # A stone not chosen yet, or priced on request: the measurements still go to the office.
        self.stone_missing = "stone" in errors
        errors.pop("stone", None)
        for path, message in errors.items():
            self.errors[self._field_for(path)] = message
        if job is not None:
            self.quote = price(job, self.price_list.rules)

    def _field_for(self, path):
        """The form field a quote error is about: runs are numbered as sent, fields as shown;
        a full-height backsplash's height is its own field."""
        parts = path.split(".")
        if parts[0] == "runs" and len(parts) > 1 and parts[1].isdigit():
            parts[1] = str(self.numbers[int(parts[1])])
        name = path_to_field(".".join(parts))
        if parts[-1] == "backsplash" and self.value(name) == "full":
            name = name.removesuffix("backsplash") + FULL_HEIGHT
        return name

    def problems(self):
        """(field id, message) for the form's list of things to check."""
        return [(f"id_{name}", message) for name, message in self.errors.items()]

    @property
    def standard_edge(self):
        """The edge a visitor who chooses none gets: the first in the office's order."""
        return next(iter(self.price_list.edges), "")

    # For the template.
    @property
    def edges(self):
        chosen = self.value("edge")
        if chosen not in self.price_list.edges:  # none chosen, or one no longer offered
            chosen = self.standard_edge
        return [(edge, edge.slug == chosen) for edge in self.price_list.edges.values()]

    @property
    def cutouts(self):
        return [
            (
                cutout,
                self.value(f"cutouts-{cutout.slug}"),
                self.errors.get(f"cutouts-{cutout.slug}"),
            )
            for cutout in self.price_list.cutouts.values()
        ]

    @property
    def tear_outs(self):
        chosen = self.value("tear_out")
        return [(item, item.slug == chosen) for item in self.price_list.tear_outs.values()]

    @property
    def can_add_run(self):
        return self.run_count < MAX_RUNS


def describe_run(run):
    """One stored counter in words, e.g. "L-shape: leg A 120 in, leg B 96 in; depth 25.5 in"."""
    shape = run.get("shape")
    names, depth = SHAPES.get(shape, (["length"], ""))
    title = SHAPE_NAMES.get(shape, shape)
    legs = ", ".join(
        f"{name} {value} in" for name, value in zip(names, run.get("legs", []), strict=False)
    )
    parts = [legs, f"{'width' if shape == 'island' else 'depth'} {run.get('depth', depth)} in"]
    if shape != "island":
        if str(run.get("backsplash", "0")) not in ("0", ""):
            parts.append(f"backsplash {run['backsplash']} in high")
        if run.get("exposed_ends"):
            parts.append(f"{run['exposed_ends']} exposed end(s)")
    return f"{title}: " + "; ".join(parts)
