"""The stone catalogue: what each material is like, how to care for it, what it costs."""

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.html import strip_tags
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import RevisionMixin
from wagtail.search import index
from wagtail.search.backends import get_search_backend
from wagtail.snippets.models import register_snippet

from core.models import BasePage, check_price_range

RATING_CHOICES = [
    (1, "1 – poor"),
    (2, "2 – fair"),
    (3, "3 – good"),
    (4, "4 – very good"),
    (5, "5 – excellent"),
]
PRICES_PERMISSION = "materials.change_material_prices"
UPKEEP_CHOICES = [("low", "Low"), ("medium", "Medium"), ("high", "High")]


class MaterialForm(WagtailAdminModelForm):
    """Prices are the Moderators'. For anyone else the price fields are not on the form, and
    saving keeps the prices stored now, whatever the form started from (a restored revision
    included); a stone they add or copy has none."""

    def save(self, commit=True):
        user = self.for_user
        if user is not None and not user.has_perm(PRICES_PERMISSION):
            stored = (
                type(self.instance)
                ._default_manager.filter(pk=self.instance.pk)
                .values("price_low", "price_high")
                .first()
                if self.instance.pk
                else None
            ) or {"price_low": None, "price_high": None}
            self.instance.price_low = stored["price_low"]
            self.instance.price_high = stored["price_high"]
        return super().save(commit)


class Material(RevisionMixin, index.Indexed, models.Model):
    """A stone the business works with. Used on services, in the gallery and for estimates.
    Each save is kept as a revision: History shows who changed a price, and when."""

    name = models.CharField(
        max_length=80,
        unique=True,
        help_text="The stone's name as customers know it, e.g. Quartzite.",
    )
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="Used in gallery filter links, e.g. /gallery/?material=granite.",
    )
    summary = models.CharField(max_length=200, help_text="One sentence shown in lists.")
    description = RichTextField(
        features=["bold", "italic", "link", "ul"],
        help_text="What the stone is, where it comes from and what it looks like.",
    )
    image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A close-up of the stone.",
    )
    durability = models.PositiveSmallIntegerField(
        choices=RATING_CHOICES,
        default=3,
        help_text="How well it stands up to knocks and scratches.",
    )
    heat_resistance = models.PositiveSmallIntegerField(
        choices=RATING_CHOICES, default=3, help_text="How well it takes a hot pan."
    )
    stain_resistance = models.PositiveSmallIntegerField(
        choices=RATING_CHOICES, default=3, help_text="How well it resists wine, oil and coffee."
    )
    upkeep = models.CharField(
        max_length=10,
        choices=UPKEEP_CHOICES,
        default="medium",
        help_text="How much sealing and care it needs.",
    )
    care_notes = RichTextField(
        blank=True,
        features=["bold", "italic", "ul", "ol"],
        help_text="Optional: how to clean and look after it. Shown under 'Caring for ...'.",
    )
    # Prices are the Moderators' (staff/roles.py): an Editor adding a stone leaves them empty,
    # and the estimate builder leaves the stone out until a Moderator sets them.
    price_low = models.DecimalField(
        "price from ($ per sq ft)",
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Typical installed price per square foot, low end. Used for estimates.",
    )
    price_high = models.DecimalField(
        "price to ($ per sq ft)",
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="High end.",
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers are listed first."
    )

    base_form_class = MaterialForm
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("durability"), FieldPanel("heat_resistance")]),
                FieldRowPanel([FieldPanel("stain_resistance"), FieldPanel("upkeep")]),
            ],
            heading="Properties",
        ),
        FieldPanel("care_notes"),
        FieldRowPanel(
            [
                FieldPanel("price_low", permission=PRICES_PERMISSION),
                FieldPanel("price_high", permission=PRICES_PERMISSION),
            ],
            heading="Price range",
        ),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("summary"),
        index.SearchField("description"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        permissions = [("change_material_prices", "Can change stone prices")]

    def __str__(self):
        return self.name

    @property
    def has_price(self):
        return self.price_low is not None and self.price_high is not None

    def clean(self):
        super().clean()
        check_price_range(self)

    @property
    def ratings(self):
        """(label, value out of five) pairs for the properties table."""
        return [
            ("Durability", self.durability),
            ("Heat resistance", self.heat_resistance),
            ("Stain resistance", self.stain_resistance),
        ]


register_snippet(Material)


class MaterialIndexPage(BasePage):
    """/materials/: every stone with its properties, care and price range."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    # The stones are snippets shown on this page, so site search finds them through it.
    search_fields = BasePage.search_fields + [index.SearchField("stones_text")]

    class Meta:
        verbose_name = "materials page"

    def stones_text(self):
        return " ".join(
            f"{stone.name}. {stone.summary} {strip_tags(stone.description)}"
            for stone in Material.objects.all()
        )

    def photo_roles(self):
        stones = Material.objects.exclude(image=None).select_related("image")
        return [*super().photo_roles(), *((stone.image, ["stone"]) for stone in stones)]

    def search_matches(self, query):
        """The stones a site search matched, each linked to its section of this page."""
        return list(get_search_backend().search(query, Material)[:6])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["materials"] = Material.objects.select_related("image")
        return context


@receiver(post_save, sender=Material)
@receiver(post_delete, sender=Material)
def reindex_material_pages(sender, **kwargs):
    """A changed stone changes what the materials page is found for."""
    for page in MaterialIndexPage.objects.all():
        index.insert_or_update_object(page)
