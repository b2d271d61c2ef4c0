"""The yard's filters, read from the address: /slabs/?kind=remnant&stone=marble&fits=60x22.

Each filter is a plain link (or, for the piece's size, a small GET form), so they work without
JavaScript and every choice has an address to share. An unknown or mistyped value is ignored
rather than refused: an old link still shows slabs. A size that cannot be read is said so.
"""

import math
import re
from decimal import Decimal

from materials.models import Material
from yard.models.snippets import MAX_INCHES, Slab

# "60 x 22", "60x22", "60 × 22 in", "60 by 22", "60.5, 22": digits 0-9 only.
PIECE = re.compile(
    r"\s*(\d{1,3}(?:\.\d{1,2})?)\s*(?:x|×|by|,|\*)\s*(\d{1,3}(?:\.\d{1,2})?)\s*"
    r"(?:in|inches|\"|'')?\s*",
    re.ASCII | re.IGNORECASE,
)
PIECE_HELP = "Length and width in inches, e.g. 60 x 22."
MAX_FITS_LENGTH = 40


class SlabFilters:
    """What the visitor chose, checked against what exists, and the queryset that shows it."""

    def __init__(self, query):
        self.query = query
        self.stones = list(Material.objects.only("name", "slug"))
        self.kind = self._choice(query, "kind", Slab.Kind.values)
        self.stone = self._choice(query, "stone", [stone.slug for stone in self.stones])
        self.finish = self._choice(query, "finish", Slab.Finish.values)
        self.thickness = self._choice(query, "thickness", [str(v) for v in Slab.Thickness.values])
        self.colour = query.get("colour", "")[:80].strip()
        self.fits_typed = query.get("fits", "")[:MAX_FITS_LENGTH]
        self.fits, self.fits_error = read_piece(self.fits_typed)

    @staticmethod
    def _choice(query, name, allowed):
        value = query.get(name, "")
        return value if value in allowed else ""

    def apply(self, slabs):
        if self.kind:
            slabs = slabs.filter(kind=self.kind)
        if self.stone:
            slabs = slabs.filter(material__slug=self.stone)
        if self.finish:
            slabs = slabs.filter(finish=self.finish)
        if self.thickness:
            slabs = slabs.filter(thickness=int(self.thickness))
        if self.colour:
            slabs = slabs.filter(colour__iexact=self.colour)
        if self.fits:  # sizes are whole inches: a 60.5 in piece needs 61
            slabs = slabs.fitting(*(math.ceil(side) for side in self.fits))
        return slabs

    @property
    def any(self):
        return any([self.kind, self.stone, self.finish, self.thickness, self.colour, self.fits])

    @property
    def fits_shown(self):
        """The piece as it is filtered: "60 x 22"."""
        return " x ".join(f"{side.normalize():f}" for side in self.fits) if self.fits else ""

    def groups(self):
        """The filter links, group by group: (name, heading, [(label, query string, chosen)])."""
        return [
            ("kind", "Kind", self._links("kind", self.kinds, self.kind)),
            ("stone", "Stone", self._links("stone", self.stone_choices, self.stone)),
            ("colour", "Colour", self._links("colour", self.colours(), self.colour)),
            ("finish", "Finish", self._links("finish", self.finishes, self.finish)),
            ("thickness", "Thickness", self._links("thickness", self.thicknesses, self.thickness)),
        ]

    def _links(self, name, choices, chosen):
        links = []
        for value, label in choices:
            query = self.query.copy()
            query.pop("page", None)
            query.pop(name, None)
            if value:
                query[name] = value
            links.append((label, f"?{query.urlencode()}" if query else "", value == chosen))
        return links

    def kept(self):
        """(name, value) of the other filters, for the size form's hidden fields."""
        return [(name, value) for name, value in self.query.items() if name not in ("fits", "page")]

    # The choices: (value, label) for each group, with "" for "all".

    @property
    def kinds(self):
        return [("", "Slabs and remnants"), ("slab", "Full slabs"), ("remnant", "Remnants")]

    @property
    def stone_choices(self):
        return [("", "All stones"), *((stone.slug, stone.name) for stone in self.stones)]

    @property
    def finishes(self):
        return [("", "Any finish"), *Slab.Finish.choices]

    @property
    def thicknesses(self):
        return [("", "Any thickness"), *((str(v), label) for v, label in Slab.Thickness.choices)]

    def colours(self):
        """The colour names in stock, under the other filters but the colour, for its chips."""
        slabs = Slab.objects.in_stock()
        if self.stone:
            slabs = slabs.filter(material__slug=self.stone)
        if self.kind:
            slabs = slabs.filter(kind=self.kind)
        names = slabs.order_by("colour").values_list("colour", flat=True).distinct()
        return [("", "Any colour"), *((name, name) for name in names)]


def read_piece(typed):
    """(length, width) in inches as Decimals, and "" ; or None and a message saying what to
    type. Empty is no filter, not an error."""
    if not typed.strip():
        return None, ""
    match = PIECE.fullmatch(typed)
    if not match:
        return None, f"We could not read “{typed.strip()}” as a size. {PIECE_HELP}"
    sides = tuple(Decimal(side) for side in match.groups())
    if any(side <= 0 or side > MAX_INCHES for side in sides):
        return None, f"Give each side between 1 and {MAX_INCHES} inches. {PIECE_HELP}"
    return sides, ""
