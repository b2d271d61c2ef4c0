"""The office's price list for the estimate builder: edge profiles, cutouts, tear-out of old
tops and the rules (waterfall ends, cutting allowance, minimum job, rounding). Stone prices stay
on each Material. The arithmetic that uses them is in pricing/quote.py.

Prices change at once when a Moderator saves them, without a review step: a wrong price on the
site must be correctable in a minute, and the Moderators are the people who would approve it
anyway. Each save is kept as a revision (who changed which price, when), which History shows and
which can be restored. Editors cannot change prices (staff/roles.py).
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import RevisionMixin

from core.models import BasePage, check_price_range
from materials.models import Material
from pricing.quote import PriceList

PRICE = {"max_digits": 8, "decimal_places": 2, "validators": [MinValueValidator(0)]}


class PriceRange(RevisionMixin, models.Model):
    """Something the office charges for, at a low and a high price (per foot, each or per
    square foot: pricing/quote.py says which on each line)."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80, unique=True, help_text="The short name the price builder sends."
    )
    price_low = models.DecimalField("price from ($)", **PRICE)
    price_high = models.DecimalField("price to ($)", **PRICE)
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers are listed first."
    )

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        check_price_range(self)


class EdgeProfile(PriceRange):
    """The shape of a countertop's finished edge, priced per linear foot of finished edge."""

    drawing = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A drawing or close-up photo of the profile.",
    )
    suits = models.CharField(
        max_length=160, help_text="One line on where it suits, e.g. 'Busy family kitchens'."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("drawing"),
        FieldPanel("suits"),
        FieldRowPanel(
            [FieldPanel("price_low"), FieldPanel("price_high")],
            heading="Price per linear foot of finished edge (the standard edge is 0)",
        ),
        FieldPanel("sort_order"),
    ]

    class Meta(PriceRange.Meta):
        verbose_name = "edge profile"


class Cutout(PriceRange):
    """A hole cut and finished in the stone: a sink, a cooktop, a faucet hole."""

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("price_low"), FieldPanel("price_high")], heading="Price each"),
        FieldPanel("sort_order"),
    ]


class TearOut(PriceRange):
    """Taking out and hauling away the old tops, per square foot, by what they are made of."""

    panels = [
        FieldPanel("name", heading="Old tops of"),
        FieldPanel("slug"),
        FieldRowPanel(
            [FieldPanel("price_low"), FieldPanel("price_high")], heading="Price per square foot"
        ),
        FieldPanel("sort_order"),
    ]

    class Meta(PriceRange.Meta):
        verbose_name = "tear-out"
        verbose_name_plural = "tear-out"


class PricingRules(RevisionMixin, models.Model):
    """The few figures every quote uses; there is one set (pricing/wagtail_hooks.py)."""

    waterfall_low = models.DecimalField("waterfall end from ($ each)", **PRICE)
    waterfall_high = models.DecimalField("waterfall end to ($ each)", **PRICE)
    waterfall_height = models.DecimalField(
        "waterfall height (inches)",
        max_digits=5,
        decimal_places=2,
        default=36,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="How far a waterfall end drops to the floor. Its stone is priced at the "
        "stone's rate, on top of the price each.",
    )
    waste_percent = models.DecimalField(
        "cutting allowance (%)",
        max_digits=4,
        decimal_places=1,
        default=10,
        validators=[MinValueValidator(0), MaxValueValidator(50)],
        help_text="Stone lost in cutting, added to the stone area.",
    )
    minimum_charge = models.PositiveIntegerField(
        "minimum job ($)", help_text="No quote comes to less than this."
    )
    round_to = models.PositiveIntegerField(
        "round totals out to ($)",
        default=50,
        validators=[MinValueValidator(1)],
        help_text="The low total is rounded down and the high total up to this.",
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("waterfall_low"), FieldPanel("waterfall_high")],
            heading="Waterfall end, each",
        ),
        FieldPanel("waterfall_height"),
        FieldPanel("waste_percent"),
        FieldRowPanel([FieldPanel("minimum_charge"), FieldPanel("round_to")]),
    ]

    class Meta:
        verbose_name = "pricing rules"
        verbose_name_plural = "pricing rules"

    def __str__(self):
        return "Pricing rules"

    def clean(self):
        super().clean()
        check_price_range(self, "waterfall_low", "waterfall_high")

    @classmethod
    def current(cls):
        """The rules in force: the one row, or the defaults if the office has set none."""
        return cls.objects.first() or cls(
            waterfall_low=Decimal(0),
            waterfall_high=Decimal(0),
            waterfall_height=Decimal(36),
            waste_percent=Decimal(10),
            minimum_charge=0,
            round_to=50,
        )


class EdgeProfilesPage(BasePage):
    """/edge-profiles/: each edge the office offers, drawn, with where it suits and its price."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "edge profiles page"

    def photo_roles(self):
        edges = EdgeProfile.objects.exclude(drawing=None).select_related("drawing")
        return [*super().photo_roles(), *((edge.drawing, ["card"]) for edge in edges)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["edges"] = EdgeProfile.objects.select_related("drawing")
        return context


def current_price_list(materials=None):
    """Everything a quote may name, as it stands now (five queries; four when the caller has
    the stones already, as `materials` with their prices)."""

    def by_slug(items):
        return {item.slug: item for item in items}

    if materials is None:
        materials = Material.objects.filter(price_low__isnull=False, price_high__isnull=False)
        materials = materials.only("name", "slug", "price_low", "price_high")
    return PriceList(
        stones=by_slug(m for m in materials if m.has_price),  # a stone without prices: left out
        edges=by_slug(EdgeProfile.objects.select_related("drawing")),
        cutouts=by_slug(Cutout.objects.all()),
        tear_outs=by_slug(TearOut.objects.all()),
        rules=PricingRules.current(),
    )
