from yard.models.pages import SlabYardPage
from yard.models.snippets import Slab, SlabHold, SlabPhoto

__all__ = ["Slab", "SlabHold", "SlabPhoto", "SlabYardPage"]
