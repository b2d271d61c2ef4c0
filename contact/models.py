"""Estimate requests: the form editors configure, and the stored requests staff answer."""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.dispatch import Signal
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.fields import RichTextField

from contact.estimates import ballpark, ballpark_rules
from contact.forms import HONEYPOT_FIELD, EstimateFormBuilder
from core import storage
from core.models import BasePage
from core.ratelimit import client_address, over_limit
from materials.models import Material

FIELD_TYPES = FORM_FIELD_CHOICES + (
    ("phone", "Phone number"),
    ("material", "Stone (from the materials list)"),
    ("area", "Area in square feet"),
    ("photos", "Photos (up to 5)"),
)


class ContactFormField(AbstractFormField):
    field_type = models.CharField("field type", max_length=16, choices=FIELD_TYPES)
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class EstimateRequest(AbstractFormSubmission):
    """One visitor's request, stored before anything else happens, with what staff did about it."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        QUOTED = "quoted", "Quoted"
        WON = "won", "Won"
        LOST = "lost", "Lost"

    # Leads outlive the form page: deleting or replacing the page must not delete them.
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    material = models.ForeignKey(Material, null=True, blank=True, on_delete=models.SET_NULL)
    area = models.PositiveIntegerField("area (sq ft)", null=True, blank=True)
    ballpark_low = models.PositiveIntegerField(null=True, blank=True)
    ballpark_high = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(
        max_length=12,
        choices=Status.choices,
        default=Status.NEW,
        help_text="Where this request stands. Set it after each call or email.",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text="Who is looking after this customer.",
    )
    notes = models.TextField(
        "internal notes", blank=True, help_text="Only staff see these, e.g. when you called."
    )
    is_spam = models.BooleanField(
        default=False, help_text="Ticked requests are hidden from the list and get no email."
    )
    spam_reason = models.CharField(max_length=200, blank=True)
    # The digest of the form's start token: a token sends one request (contact/forms.py).
    form_token = models.CharField(max_length=64, blank=True, editable=False)
    staff_notified_at = models.DateTimeField(null=True, blank=True)
    visitor_confirmed_at = models.DateTimeField(null=True, blank=True)
    mail_attempts = models.PositiveSmallIntegerField(default=0)
    mail_failed_at = models.DateTimeField(
        "emails not delivered since",
        null=True,
        blank=True,
        help_text="Set when the last try to send this request's emails failed.",
    )

    class Meta:
        verbose_name = "estimate request"
        ordering = ["-submit_time"]
        indexes = [models.Index(fields=["is_spam", "status", "-submit_time"])]
        constraints = [
            models.UniqueConstraint(
                fields=["form_token"],
                condition=~models.Q(form_token=""),
                name="estimate_form_token_used_once",
            )
        ]

    def __str__(self):
        return f"{self.name or 'Estimate request'} ({self.submit_time:%Y-%m-%d})"

    @property
    def ballpark(self):
        if self.ballpark_low is None:
            return None
        return (self.ballpark_low, self.ballpark_high)

    @property
    def details(self):
        """What the visitor sent, field by field, for the admin."""
        page = self.page.specific if self.page else None
        labels = {field.clean_name: field.label for field in page.get_form_fields()} if page else {}
        rows = [
            (labels.get(name, name), value)
            for name, value in self.form_data.items()
            if value not in (None, "")
        ]
        return format_html("<dl>{}</dl>", format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows))

    @property
    def photo_links(self):
        """Links to the visitor's photos for the admin (staff-only view)."""
        links = [
            format_html(
                '<a href="{}" target="_blank" rel="noopener">Photo {}</a>',
                reverse("estimate_photo", args=(photo.pk,)),
                number,
            )
            for number, photo in enumerate(self.photos.all(), start=1)
        ]
        return format_html_join(", ", "{}", ((link,) for link in links)) or "No photos"

    @property
    def mail_undelivered(self):
        return self.mail_failed_at is not None

    @property
    def ballpark_display(self):
        return f"${self.ballpark_low:,} – ${self.ballpark_high:,}" if self.ballpark else ""


class UndeliveredSummary(models.Model):
    """One day's summary to the office of requests whose emails could not be sent."""

    day = models.DateField(unique=True)
    requests = models.PositiveIntegerField()
    queued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-day"]

    def __str__(self):
        return f"{self.day}: {self.requests} request(s)"


def private_storage():
    """Visitors' photos live outside public media (a folder, or a bucket with no public read);
    staff see them through a view that checks permission."""
    return storage.private_storage


class EstimatePhoto(models.Model):
    estimate = models.ForeignKey(EstimateRequest, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(storage=private_storage, upload_to="estimates/%Y/%m/")

    def __str__(self):
        return self.image.name


REPLAYED_TOKEN = "Sent again with a form token that was used already."

# Sent as the last step of the transaction that stores a visitor's request and its photos;
# contact/tasks.py queues the emails on it, so all of them are committed together or not at all.
estimate_request_stored = Signal()


def visitor_name(fields, data):
    """The visitor's name: the first text field whose name says so ("Your name", "Name")."""
    for name, field_type in fields.items():
        if field_type == "singleline" and "name" in name and data.get(name):
            return str(data[name])[:200]
    return ""


class ContactPage(BasePage, AbstractEmailForm):
    """/contact/: visitors ask for an estimate; every request is stored, then staff are told."""

    form_builder = EstimateFormBuilder
    takes_estimate_requests = True
    thank_you_text = RichTextField(blank=True, help_text="Shown after a visitor sends the form.")
    confirmation_text = models.TextField(
        blank=True,
        help_text="Opening of the email the visitor gets, above a copy of what they sent.",
    )

    content_panels = BasePage.content_panels + [
        InlinePanel("form_fields", label="Form field"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
                FieldPanel("confirmation_text"),
            ],
            heading="Emails",
        ),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    def get_submission_class(self):
        return EstimateRequest

    def set_form_fields(self, rows):
        """Replace the form's fields with (label, type, required, choices, help text) rows;
        they are stored when the page is saved."""
        self.form_fields = [
            ContactFormField(
                sort_order=order,
                label=label,
                field_type=field_type,
                required=required,
                choices=choices,
                help_text=help_text,
            )
            for order, (label, field_type, required, choices, help_text) in enumerate(rows)
        ]

    def serve(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        if request.method == "POST" and over_limit(
            f"contact-posts:{client_address(request)}", settings.CONTACT_POSTS_PER_MINUTE, 60
        ):
            # Too many posts from one address: show the form again with what was typed.
            context = self.get_context(request)
            context["form"] = self.get_form(page=self, user=request.user, initial=request.POST)
            context["rate_limited"] = True
            return TemplateResponse(request, self.get_template(request), context, status=429)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The live ballpark script's figures; the server repeats the sum on the thank-you page.
        context["ballpark_rules"] = ballpark_rules(
            Material.objects.only("slug", "price_low", "price_high")
        )
        return context

    def process_form_submission(self, form):
        """Store the request, its photos and its queued emails in one transaction (the emails
        are queued by contact/tasks.py, on `estimate_request_stored`)."""
        data = dict(form.cleaned_data)
        data.pop(HONEYPOT_FIELD, None)
        fields = {field.clean_name: field.field_type for field in self.get_form_fields()}
        photos = []
        by_type = {}
        for name, field_type in fields.items():
            if field_type == "photos":
                photos += data.get(name) or []
                data[name] = f"{len(data.get(name) or [])} photo(s)"
            by_type.setdefault(field_type, data.get(name))
        material = Material.objects.filter(slug=by_type.get("material") or "").first()
        area = by_type.get("area")
        estimate = ballpark(material, area) or (None, None)
        saved_files = []

        def store(token, spam_reason):
            return EstimateRequest.objects.create(
                page=self,
                form_data=data,
                name=visitor_name(fields, data),
                email=by_type.get("email") or "",
                phone=by_type.get("phone") or "",
                material=material,
                area=area,
                ballpark_low=estimate[0],
                ballpark_high=estimate[1],
                is_spam=bool(spam_reason),
                spam_reason=spam_reason,
                form_token=token,
            )

        try:
            with transaction.atomic():
                try:
                    with transaction.atomic():
                        submission = store(form.token_digest, form.spam_reason)
                except IntegrityError:  # this form's token has sent a request already
                    submission = store("", form.spam_reason or REPLAYED_TOKEN)
                for photo in photos:
                    stored = EstimatePhoto.objects.create(estimate=submission, image=photo)
                    saved_files.append(stored.image)
                estimate_request_stored.send(EstimateRequest, estimate=submission)
        except Exception:
            for file in saved_files:  # their rows were rolled back; remove the files too
                file.storage.delete(file.name)
            raise
        return submission
