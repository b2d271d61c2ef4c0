"""Ballpark prices: a stone's price range (set by Moderators) times the area. The estimate
builder's itemised quote (pricing/quote.py) is to replace this."""

import math
from decimal import Decimal

ROUND_TO = 50
MAX_AREA = 100_000  # square feet; more is a typo, not a kitchen


def ballpark(material, area):
    """(low, high) in whole dollars, rounded outwards to $50, or None without enough to go on."""
    if material is None or not material.has_price or not area:
        return None
    low = Decimal(material.price_low) * area
    high = Decimal(material.price_high) * area
    return (
        int(math.floor(low / ROUND_TO) * ROUND_TO),
        int(math.ceil(high / ROUND_TO) * ROUND_TO),
    )


def ballpark_rules(materials):
    """What the form's script needs to show the same ballpark before the visitor sends it:
    the price ranges and the limits above, so the page never has its own copy."""
    return {
        "prices": {
            m.slug: [float(m.price_low), float(m.price_high)] for m in materials if m.has_price
        },
        "round_to": ROUND_TO,
        "max_area": MAX_AREA,
    }
