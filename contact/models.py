"""Estimate requests: the form on /contact/ (its core fields in code, the editors' questions and
wording, the estimate builder), and the stored requests staff answer."""

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.dispatch import Signal
from django.http import HttpResponseNotAllowed
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from contact.builder import BACKSPLASH_CHOICES, SHAPE_CHOICES, describe_run, is_builder_field
from contact.forms import (
    CORE_FIELDS,
    FIELD_TYPES,
    HONEYPOT_FIELD,
    STARTING_POINT_FIELD,
    TOKEN_FIELD,
    EstimateFormBuilder,
)
from core import storage
from core.models import BasePage
from core.ratelimit import client_address, over_limit
from materials.models import Material
from pricing.models import EdgeProfile
from site_settings.models import BusinessSettings


class ContactFormField(AbstractFormField):
    field_type = models.CharField("field type", max_length=16, choices=FIELD_TYPES)
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class CoreFieldWording(Orderable):
    """An editor's label and help text for one of the core fields."""

    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="field_wording")
    field = models.CharField(
        max_length=20,
        choices=[(name, label) for name, (label, _) in CORE_FIELDS.items()],
        help_text="The field to reword.",
    )
    label = models.CharField(max_length=255)
    help_text = models.CharField(max_length=255, blank=True)

    panels = [FieldPanel("field"), FieldPanel("label"), FieldPanel("help_text")]


QUOTE_LINK_SALT = "contact.printable-quote"


class EstimateRequest(AbstractFormSubmission):
    """One visitor's request, stored before anything else happens, with what staff did about it:
    an estimate from /contact/, or a hold on a slab in the yard (yard/holds.py)."""

    class Kind(models.TextChoices):
        ESTIMATE = "estimate", "Estimate"
        HOLD = "hold", "Slab hold"
        WAITING = "waiting", "Waiting list"

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        QUOTED = "quoted", "Quoted"
        WON = "won", "Won"
        LOST = "lost", "Lost"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ESTIMATE)
    # Leads outlive the form page: deleting or replacing the page must not delete them.
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    zip_code = models.CharField("ZIP code", max_length=10, blank=True)
    outside_area = models.BooleanField(
        "outside the service area",
        default=False,
        help_text="The ZIP code is not among those in the business settings.",
    )
    project_type = models.CharField(max_length=40, blank=True)
    material = models.ForeignKey(
        Material, null=True, blank=True, on_delete=models.SET_NULL, verbose_name="stone"
    )
    # What the visitor measured (the price endpoint's JSON, as typed) and the itemised quote as
    # it was priced when they sent it: later price changes leave both alone.
    job = models.JSONField("measurements", null=True, blank=True)
    quote = models.JSONField(null=True, blank=True)
    quote_low = models.PositiveIntegerField(null=True, blank=True)
    quote_high = models.PositiveIntegerField(null=True, blank=True)
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
    def details(self):
        """The answers to the editors' questions, field by field, for the admin."""
        page = self.page.specific if self.page else None
        # The yard's holds have no editors' questions: their few answers are named in code.
        questions = getattr(page, "get_form_fields", list)()
        labels = {field.clean_name: field.label for field in questions}
        rows = [
            (labels.get(name, name.replace("_", " ").capitalize()), value)
            for name, value in self.form_data.items()
            if value not in (None, "") and name not in CORE_FIELDS
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
    def quote_display(self):
        if self.quote_low is None:
            return ""
        return f"${self.quote_low:,} – ${self.quote_high:,}"

    @property
    def quote_path(self):
        """The signed link to the printable copy of the quote (contact/printable.py)."""
        if not self.quote:
            return ""
        # Signed, not timed: the link expires QUOTE_LINK_DAYS after the request was sent, however
        # often it is written out again (contact/printable.py).
        token = signing.Signer(salt=QUOTE_LINK_SALT).sign(str(self.pk))
        return reverse("estimate_quote", args=[token])

    @property
    def quote_details(self):
        """What the visitor measured and the quote they were shown, for the admin."""
        if not self.job:
            return "No measurements: the visitor asked without them."
        return render_to_string("contact/admin/quote.html", {"estimate": self})

    @property
    def runs_described(self):
        return [describe_run(run) for run in (self.job or {}).get("runs", [])]


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


def store_lead(form, **fields):
    """Store a visitor's request with its form's token digest: a token sends one request, so a
    replay (even a concurrent one) is stored flagged as spam. Spam is flagged, never dropped."""
    try:
        with transaction.atomic():
            return EstimateRequest.objects.create(
                is_spam=bool(form.spam_reason),
                spam_reason=form.spam_reason,
                form_token=form.token_digest,
                **fields,
            )
    except IntegrityError:  # this form's token has sent a request already
        return EstimateRequest.objects.create(
            is_spam=True, spam_reason=form.spam_reason or REPLAYED_TOKEN, **fields
        )


# Sent as the last step of the transaction that stores a visitor's request and its photos;
# contact/tasks.py queues the emails on it, so all of them are committed together or not at all.
estimate_request_stored = Signal()


class ContactPage(BasePage, AbstractEmailForm):
    """/contact/: visitors price their kitchen and ask for an estimate; every request is stored,
    then staff are told."""

    form_builder = EstimateFormBuilder
    takes_estimate_requests = True
    thank_you_text = RichTextField(blank=True, help_text="Shown after a visitor sends the form.")
    confirmation_text = models.TextField(
        blank=True,
        help_text="Opening of the email the visitor gets, above a copy of what they sent.",
    )

    content_panels = BasePage.content_panels + [
        InlinePanel(
            "field_wording",
            heading="Wording of the main fields",
            label="Field",
            help_text="Name, phone, email, ZIP code, project type, stone and photos are always "
            "asked. Change what a field is called or the hint under it here.",
        ),
        InlinePanel(
            "form_fields",
            heading="Your own questions",
            label="Question",
            help_text="Asked after the main fields, e.g. 'Best time to reach you'.",
        ),
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
        """Replace the editors' questions with (label, type, required, choices, help text)
        rows; they are stored when the page is saved."""
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

    def photo_roles(self):
        edges = EdgeProfile.objects.exclude(drawing=None).select_related("drawing")
        return [*super().photo_roles(), *((edge.drawing, ["thumbnail"]) for edge in edges)]

    def core_field_wording(self):
        """{core field name: (label, help text)}: the code's wording, or the editors'."""
        worded = {row.field: (row.label, row.help_text) for row in self.field_wording.all()}
        return {**CORE_FIELDS, **worded}

    def clean(self):
        super().clean()
        reserved = set(CORE_FIELDS) | {HONEYPOT_FIELD, TOKEN_FIELD, STARTING_POINT_FIELD}
        for question in self.form_fields.all():
            name = get_field_clean_name(question.label)
            if name in reserved or is_builder_field(name):
                raise ValidationError(
                    f"The form always asks “{question.label}”. Remove that question, or change "
                    "the wording of the main field instead."
                )
        worded = [row.field for row in self.field_wording.all()]
        if len(worded) != len(set(worded)):
            raise ValidationError("Each main field can be worded once.")

    def serve(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        action = request.POST.get("builder", "") if request.method == "POST" else ""
        if action:
            return self.serve_builder(request, action)
        if request.method == "GET" and (request.GET.get("stone") or request.GET.get("slab")):
            # From a stone or a slab in the yard: the builder starts with that stone chosen.
            start = {name: request.GET.get(name, "")[:80] for name in ("stone", "slab")}
            form = self.get_form(page=self, user=request.user, initial=start)
            return self.render_form(request, form)
        if request.method == "POST" and over_limit(
            f"contact-posts:{client_address(request)}", settings.CONTACT_POSTS_PER_MINUTE, 60
        ):
            # Too many posts from one address: show the form again with what was typed.
            form = self.get_form(request.POST, page=self, user=request.user)
            return self.render_form(request, form, status=429, rate_limited=True)
        return super().serve(request, *args, **kwargs)

    def serve_builder(self, request, action):
        """A builder button ("Update the price", another counter, take one away): the form
        comes back with what was typed and the price, and nothing is sent. It is limited like
        the price endpoint, which the page's script asks instead."""
        form = self.get_form(request.POST, page=self, user=request.user)
        if over_limit(
            f"price-requests:{client_address(request)}", settings.PRICE_REQUESTS_PER_MINUTE, 60
        ):
            return self.render_form(request, form, status=429, rate_limited=True)
        form.builder.apply(action)
        form.builder.check(request.POST.get("stone", ""))
        return self.render_form(request, form, builder_only=True)

    def render_form(self, request, form, status=200, **extra):
        context = self.get_context(request)
        context.update(form=form, **extra)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(shape_choices=SHAPE_CHOICES, backsplash_choices=BACKSPLASH_CHOICES)
        return context

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        response = super().render_landing_page(request, form_submission, *args, **kwargs)
        if form_submission is not None and form_submission.quote:
            response.context_data["quote_url"] = form_submission.quote_path
        return response

    def process_form_submission(self, form):
        """Store the request, its photos and its queued emails in one transaction (the emails
        are queued by contact/tasks.py, on `estimate_request_stored`)."""
        data = dict(form.cleaned_data)
        data.pop(HONEYPOT_FIELD, None)
        core = {name: data.get(name) for name in CORE_FIELDS}
        photos = data["photos"] or []
        data["photos"] = f"{len(photos)} photo(s)"
        material = Material.objects.filter(slug=core["stone"] or "").first()
        builder = form.builder
        quote = builder.quote.as_json() if builder.quote else None
        zip_code = core["zip_code"]
        serves = BusinessSettings.for_site(self.get_site()).serves
        saved_files = []

        try:
            with transaction.atomic():
                submission = store_lead(
                    form,
                    page=self,
                    form_data=data,
                    name=core["your_name"],
                    email=core["email"],
                    phone=core["phone"],
                    zip_code=zip_code,
                    outside_area=not serves(zip_code),
                    project_type=core["project_type"],
                    material=material,
                    job=builder.job,
                    quote=quote,
                    quote_low=quote["total_low"] if quote else None,
                    quote_high=quote["total_high"] if quote else None,
                )
                for photo in photos:
                    stored = EstimatePhoto.objects.create(estimate=submission, image=photo)
                    saved_files.append(stored.image)
                estimate_request_stored.send(EstimateRequest, estimate=submission)
        except Exception:
            for file in saved_files:  # their rows were rolled back; remove the files too
                file.storage.delete(file.name)
            raise
        return submission
