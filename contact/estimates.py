"""Ballpark prices: the editor-set price range of a stone times the area."""

import math
from decimal import Decimal

ROUND_TO = 50


def ballpark(material, area):
    """(low, high) in whole dollars, rounded outwards to $50, or None without enough to go on."""
    if material is None or not area:
        return None
    low = Decimal(material.price_low) * area
    high = Decimal(material.price_high) * area
    return (
        int(math.floor(low / ROUND_TO) * ROUND_TO),
        int(math.ceil(high / ROUND_TO) * ROUND_TO),
    )
