"""Slabs and remnants in the yard, their photos, and the holds visitors ask for (yard/holds.py
changes holds and a slab's status; nothing else does).

A slab is a snippet, not a page: the office keeps hundreds, each changes status often and has
no words of its own to review, and the yard's page lists and shows them (yard/models/pages.py).
Each save is kept as a revision and each hold, release or sale is logged, so a slab's History
tells its story.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.functional import cached_property
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, RevisionMixin
from wagtail.search import index

from materials.models import Material

# Slabs come up to about 130 x 80 inches; nothing in a yard is ten feet wide and long.
MAX_INCHES = 160
# Written by yard/holds.py only: an edit, a restored revision or an import never changes them.
HOLD_FIELDS = {"status", "held_until"}


class SlabQuerySet(models.QuerySet):
    def in_stock(self):
        """What visitors see: available and held, never sold."""
        return self.exclude(status=Slab.Status.SOLD)

    def fitting(self, length, width):
        """At least length x width inches, either way round."""
        return self.filter(
            Q(length__gte=length, width__gte=width) | Q(length__gte=width, width__gte=length)
        )

    def for_listing(self):
        """With the stone and the photos: the same few queries for a page of 24 as for one.
        (Their sizes are looked up once per process, core/photos.py.)"""
        photos = SlabPhoto.objects.select_related("image")
        return self.select_related("material").prefetch_related(Prefetch("photos", photos))


class Slab(RevisionMixin, index.Indexed, ClusterableModel):
    """One slab or remnant in the yard, as a visitor would choose it."""

    class Kind(models.TextChoices):
        SLAB = "slab", "Full slab"
        REMNANT = "remnant", "Remnant"

    class Finish(models.TextChoices):
        POLISHED = "polished", "Polished"
        HONED = "honed", "Honed"
        LEATHERED = "leathered", "Leathered"

    class Thickness(models.IntegerChoices):
        CM2 = 2, "2 cm"
        CM3 = 3, "3 cm"

    class Status(models.TextChoices):
        AVAILABLE = "available", "Available"
        ON_HOLD = "on_hold", "On hold"
        SOLD = "sold", "Sold"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SLAB)
    material = models.ForeignKey(
        Material, on_delete=models.PROTECT, related_name="slabs", verbose_name="stone"
    )
    colour = models.CharField(
        "colour name", max_length=80, help_text="As the supplier names it, e.g. Absolute Black."
    )
    lot = models.CharField(
        "lot or bundle number",
        max_length=40,
        blank=True,
        help_text="From the supplier's tag, e.g. 4471-B. Shown, so customers can ask for it.",
    )
    finish = models.CharField(max_length=10, choices=Finish.choices, default=Finish.POLISHED)
    thickness = models.PositiveSmallIntegerField(choices=Thickness.choices, default=3)
    length = models.PositiveSmallIntegerField(
        "length (inches)",
        validators=[MinValueValidator(1), MaxValueValidator(MAX_INCHES)],
        help_text="The longest usable length, measured on the slab.",
    )
    width = models.PositiveSmallIntegerField(
        "width (inches)",
        validators=[MinValueValidator(1), MaxValueValidator(MAX_INCHES)],
        help_text="The usable width.",
    )
    price = models.PositiveIntegerField(
        "remnant price ($)",
        null=True,
        blank=True,
        help_text="Remnants only: the price of the piece, e.g. 450. Full slabs are priced by "
        "the estimate.",
    )
    location = models.CharField(
        "where it is in the yard",
        max_length=80,
        blank=True,
        help_text="For staff only, never shown on the website, e.g. Rack 4, second from front.",
    )
    # Written only by yard/holds.py, in the transaction that changes the hold.
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.AVAILABLE, editable=False
    )
    held_until = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField("added", auto_now_add=True)

    objects = SlabQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("material")]),
        FieldRowPanel([FieldPanel("colour"), FieldPanel("lot")]),
        FieldRowPanel([FieldPanel("finish"), FieldPanel("thickness")]),
        FieldRowPanel([FieldPanel("length"), FieldPanel("width")], heading="Size"),
        FieldPanel("price"),
        FieldPanel("location"),
        MultiFieldPanel(
            [InlinePanel("photos", label="Photo", min_num=0)],
            heading="Photos (the first is shown in the list)",
        ),
    ]
    search_fields = [
        index.SearchField("colour"),
        index.AutocompleteField("colour"),
        index.SearchField("lot"),
        index.FilterField("status"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "kind", "-created_at"])]
        permissions = [("change_slab_status", "Can hold, release and mark slabs sold")]

    def __str__(self):
        lot = f", lot {self.lot}" if self.lot else ""
        return f"{self.colour} {self.material.name.lower()} {self.kind_name}{lot}"

    @property
    def kind_name(self):
        return "remnant" if self.kind == self.Kind.REMNANT else "slab"

    @property
    def name(self):
        """What a visitor calls it: "Absolute Black granite"."""
        return f"{self.colour} {self.material.name.lower()}"

    @property
    def size(self):
        return f"{self.length} × {self.width} in"

    @property
    def is_remnant(self):
        return self.kind == self.Kind.REMNANT

    @property
    def is_held(self):
        return self.status == self.Status.ON_HOLD

    @property
    def slug(self):
        return slugify(f"{self.colour} {self.material.name} {self.kind_name}")[:60] or "slab"

    @property
    def square_feet(self):
        return round(self.length * self.width / 144, 1)

    @cached_property
    def photo_list(self):
        return list(self.photos.all())

    @property
    def first_photo(self):
        return self.photo_list[0].image if self.photo_list else None

    def save(self, *args, **kwargs):
        """An edit saves everything but the hold's fields: a hold made while an editor had the
        form open stays."""
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                *(field.name for field in self._meta.concrete_fields
                  if not field.primary_key and field.name not in HOLD_FIELDS),
                *(relation.get_accessor_name() for relation in get_all_child_relations(self)),
            ]  # fmt: skip
        super().save(*args, **kwargs)

    def with_content_json(self, content):
        """An old revision brings back the slab's details, never its status or hold."""
        restored = super().with_content_json(content)
        restored.status, restored.held_until = self.status, self.held_until
        return restored

    def clean(self):
        super().clean()
        if self.kind == self.Kind.REMNANT and self.price is None:
            raise ValidationError({"price": "Give the remnant's price."})
        if self.kind == self.Kind.SLAB:
            self.price = None


class SlabPhoto(Orderable):
    slab = ParentalKey(Slab, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "images.CustomImage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The whole slab face-on, in daylight if you can.",
    )

    panels = [FieldPanel("image")]

    def __str__(self):
        return str(self.image)


class SlabHold(models.Model):
    """A visitor's hold on a slab, or their place on its waiting list. One slab has at most one
    hold at a time (the constraint below), whoever asks first and however close together."""

    class State(models.TextChoices):
        WAITING = "waiting", "On the waiting list"
        HOLDING = "holding", "Holding"
        ENDED = "ended", "Ended"

    slab = models.ForeignKey(Slab, on_delete=models.CASCADE, related_name="holds")
    lead = models.ForeignKey(
        "contact.EstimateRequest", on_delete=models.CASCADE, related_name="slab_holds"
    )
    state = models.CharField(max_length=10, choices=State.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    ends_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.CharField(max_length=40, blank=True)
    # When a visitor moved up from the waiting list was told the slab is theirs now.
    notified_at = models.DateTimeField(null=True, blank=True)
    notice_attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["slab"],
                condition=Q(state="holding"),
                name="one_hold_per_slab",
            )
        ]

    def __str__(self):
        return f"{self.get_state_display()}: {self.slab} for {self.lead.name}"
