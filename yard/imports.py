"""A delivery of slabs from a spreadsheet: one row a slab, all added or none.

The columns (in any order, named in the first row): kind, stone, colour, lot, finish,
thickness, length, width, price, location. Each row is checked like the admin's form, in the
office's words ("Full slab" or "slab", "3 cm" or "3", the stone's name), and every problem is
listed with its row number; nothing is added until every row is right.
"""

import csv
import io
import re

from django import forms
from django.db import transaction
from wagtail.log_actions import log

from materials.models import Material
from yard.cache import one_purge
from yard.models import Slab

COLUMNS = ["kind", "stone", "colour", "lot", "finish", "thickness", "length", "width", "price",
           "location"]  # fmt: skip
REQUIRED_COLUMNS = {"kind", "stone", "colour", "thickness", "length", "width"}
MAX_ROWS = 500
MAX_BYTES = 1024 * 1024
KINDS = {"slab": "slab", "full slab": "slab", "full": "slab", "remnant": "remnant"}
THICKNESS = re.compile(r"([23])\s*(?:cm)?", re.ASCII | re.IGNORECASE)
WHOLE_NUMBER = re.compile(r"\$?\s*([0-9]{1,6})(?:\.0+)?\s*(?:in|\"|inches)?", re.ASCII)


class SlabRowForm(forms.ModelForm):
    """One row, read as the admin's form reads a slab."""

    class Meta:
        model = Slab
        fields = ["kind", "material", "colour", "lot", "finish", "thickness", "length", "width",
                  "price", "location"]  # fmt: skip


class Delivery:
    """The rows of one file, read and checked. `errors` lists (row number, message); `slabs`
    are the unsaved slabs when there are none."""

    def __init__(self, upload):
        self.errors = []
        self.forms = []
        self.stones = {}
        for stone in Material.objects.all():
            self.stones[stone.name.casefold()] = stone.pk
            self.stones[stone.slug.casefold()] = stone.pk
        rows = self._read(upload)
        for number, row in rows:
            self._check(number, row)

    def _read(self, upload):
        if upload.size > MAX_BYTES:
            self.errors.append((None, "The file is larger than 1 MB. Split the delivery in two."))
            return []
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            self.errors.append((None, "Save the spreadsheet as CSV (UTF-8) and try again."))
            return []
        try:
            return self._rows(csv.reader(io.StringIO(text, newline="")))
        except csv.Error as error:  # an unclosed quote, a cell of over 128 KB
            self.errors.append((None, f"The file could not be read as CSV ({error})."))
            return []

    def _rows(self, reader):
        header = [name.strip().casefold() for name in next(reader, [])]
        missing = REQUIRED_COLUMNS - set(header)
        unknown = [name for name in header if name and name not in COLUMNS]
        if len(header) == 1 and ";" in header[0]:
            self.errors.append((1, "The columns are separated by semicolons: save the file as "
                                "CSV with commas (“CSV UTF-8” in Excel)."))  # fmt: skip
            return []
        if repeated := sorted({name for name in header if name and header.count(name) > 1}):
            self.errors.append((1, f"Column(s) named twice: {', '.join(repeated)}."))
            return []
        if missing or unknown:
            if missing:
                self.errors.append((1, f"Missing column(s): {', '.join(sorted(missing))}."))
            if unknown:
                self.errors.append((1, f"Unknown column(s): {', '.join(unknown)}. The columns are: "
                                    f"{', '.join(COLUMNS)}."))  # fmt: skip
            return []
        rows = []
        for number, values in enumerate(reader, start=2):
            if not any(value.strip() for value in values):
                continue  # a blank line
            if len(rows) >= MAX_ROWS:
                self.errors.append((number, f"More than {MAX_ROWS} slabs: split the file."))
                return []
            rows.append(
                (number, dict(zip(header, (value.strip() for value in values), strict=False)))
            )
        if not rows and not self.errors:
            self.errors.append((None, "The file has no slabs in it."))
        return rows

    def _check(self, number, row):
        data = {
            "kind": KINDS.get(row.get("kind", "").casefold(), row.get("kind", "")),
            "material": self.stones.get(row.get("stone", "").casefold(), ""),
            "colour": row.get("colour", ""),
            "lot": row.get("lot", ""),
            "finish": row.get("finish", "polished").casefold() or "polished",
            "thickness": _match(THICKNESS, row.get("thickness", "")),
            "length": _match(WHOLE_NUMBER, row.get("length", "")),
            "width": _match(WHOLE_NUMBER, row.get("width", "")),
            "price": _match(WHOLE_NUMBER, row.get("price", "")),
            "location": row.get("location", ""),
        }
        form = SlabRowForm(data)
        if form.is_valid():
            self.forms.append(form)
            return
        for name, messages in form.errors.items():
            label = "Row" if name == "__all__" else _column_label(name)
            typed = row.get("stone" if name == "material" else name, "")
            shown = f" (“{typed[:40]}”)" if typed else ""
            self.errors.append((number, f"{label}{shown}: {_office_words(name, messages[0])}"))

    @property
    def slabs(self):
        return [form.instance for form in self.forms]

    def save(self, user):
        """Every slab, in one transaction; each one's History says it came from the import."""
        with one_purge(), transaction.atomic():
            for form in self.forms:
                slab = form.save()
                slab.save_revision(user=user)
                log(instance=slab, action="yard.imported", user=user,
                    data={"note": "Added by CSV import."})  # fmt: skip
        return self.slabs


def _match(pattern, typed):
    match = pattern.fullmatch(typed.strip())
    return match.group(1) if match else typed


def _column_label(field_name):
    return "Stone" if field_name == "material" else field_name.capitalize()


def _office_words(field_name, message):
    """The form's message, said for a spreadsheet."""
    if field_name == "material":
        names = ", ".join(Material.objects.values_list("name", flat=True))
        return f"not one of our stones ({names})."
    if "valid choice" in message:
        choices = {
            "kind": "Full slab or Remnant",
            "finish": "Polished, Honed or Leathered",
            "thickness": "2 cm or 3 cm",
        }
        return f"give {choices.get(field_name, 'one of the choices')}."
    if field_name in ("length", "width", "price") and "whole number" in message:
        return "give a whole number of inches." if field_name != "price" else "give whole dollars."
    return message
