"""Draws the demo's edge-profile pictures (core/demo/photos/edge-*.jpg): the end of a 3 cm slab
in cross-section, one per profile in core/demo/content.py. Run again after changing a shape:
.venv/bin/python tools/edge_drawings.py"""

import math
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "core" / "demo" / "photos"
WIDTH, HEIGHT = 660, 440
PAPER, STONE, LINE = (247, 244, 239), (112, 108, 102), (40, 38, 35)
LEFT, TOP, T = 40, 110, 160  # where the slab starts, its top, its thickness (3 cm)
END = 600  # where a square edge would end


def arc(cx, cy, r, start, stop, steps=24):
    """Points on a circle, angles in degrees (0 = right, 90 = down)."""
    return [
        (cx + r * math.cos(math.radians(a)), cy + r * math.sin(math.radians(a)))
        for a in (start + (stop - start) * i / steps for i in range(steps + 1))
    ]


def right_side(profile):
    """The slab's end, from the top surface down to the bottom surface."""
    bottom = TOP + T
    if profile == "eased":
        r = 8
        return arc(END - r, TOP + r, r, -90, 0) + arc(END - r, bottom - r, r, 0, 90)
    if profile == "bevel":
        return [(END - 40, TOP), (END, TOP + 40), (END, bottom)]
    if profile == "half-bullnose":
        r = T * 0.6
        return arc(END - r, TOP + r, r, -90, 0) + [(END, bottom)]
    if profile == "bullnose":
        return arc(END - T / 2, TOP + T / 2, T / 2, -90, 90)
    if profile == "ogee":
        r = T / 4  # a hollow (concave) curve, then a round (convex) one: an S
        hollow = arc(END - r, TOP, r, 180, 90)
        round_ = arc(END - r, TOP + 2 * r, r, -90, 0)
        return hollow + round_ + [(END, bottom)]
    if profile == "dupont":
        step = T * 0.3  # a small drop set back from the front, then a round nose below it
        r = (T - step) / 2
        corner = END - r - 28
        return [(corner, TOP), (corner, TOP + step)] + arc(END - r, TOP + step + r, r, -90, 90)
    raise ValueError(profile)


def draw(profile):
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    pen = ImageDraw.Draw(image)
    outline = [(LEFT, TOP + T), (LEFT, TOP)] + right_side(profile) + [(LEFT, TOP + T)]
    pen.polygon(outline, fill=STONE)
    pen.line(outline, fill=LINE, width=4, joint="curve")
    # The cabinet below, so the drawing reads as a countertop.
    pen.rectangle((LEFT + 20, TOP + T + 6, END - 60, HEIGHT - 40), outline=LINE, width=3)
    image.save(OUT / f"edge-{profile}.jpg", quality=88)


if __name__ == "__main__":
    for name in ["eased", "bevel", "half-bullnose", "bullnose", "ogee", "dupont"]:
        draw(name)
