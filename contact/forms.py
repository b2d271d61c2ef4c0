"""The estimate form: its core fields (fixed in code, so every lead has the same columns), the
questions editors add, the estimate builder, the rules that protect data, spam checks."""

import hashlib
import re
import secrets
import time
import warnings
from io import BytesIO

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.functional import cached_property
from PIL import Image, ImageOps, UnidentifiedImageError
from wagtail import hooks
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES

from contact.builder import Builder, is_builder_field
from materials.models import Material
from pricing.models import current_price_list
from site_settings.models import phone_digits

MESSAGE_MAX_LENGTH = 5000
LINE_MAX_LENGTH = 200
TOKEN_SALT = "contact.estimate-form"
# Unusual names, so that a field an editor adds ("Website") cannot collide with them.
HONEYPOT_FIELD = "lm_homepage"
TOKEN_FIELD = "lm_started"
# The slab a visitor starts pricing from (/contact/?stone=granite&slab=12, from a slab's page
# in the yard). Apps name what they sell through the "estimate_starting_point" hook: given the
# posted value, it returns what the office should read ("Absolute Black granite slab, lot
# 4471"), or None when the value is not theirs or no longer for sale.
STARTING_POINT_FIELD = "slab"
# A person needs more than a few seconds to fill in the form; scripts usually do not.
MIN_SECONDS_TO_FILL = 3
TOKEN_MAX_AGE = 7 * 24 * 3600


def validate_phone(value):
    if len(phone_digits(value)) != 10:
        raise ValidationError("Enter a ten-digit phone number, e.g. (678) 555-0123.")


def validate_no_control_characters(value):
    if any(ord(char) < 32 and char not in "\t\n\r" for char in value):
        raise ValidationError("Remove the special characters from this field.")


# The questions editors may add after the core fields: text, choices, dates; not files (the
# photos field is a core field, checked and re-encoded) and not hidden fields.
FIELD_TYPES = tuple((value, label) for value, label in FORM_FIELD_CHOICES if value != "hidden")


class EstimateFormBuilder(FormBuilder):
    """Wagtail's form builder for the editors' own questions, with length limits. A question
    named like a core field is left out (ContactPage.clean says so when it is added)."""

    def create_singleline_field(self, field, options):
        options.update(max_length=LINE_MAX_LENGTH, validators=[validate_no_control_characters])
        return forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options.update(
            max_length=MESSAGE_MAX_LENGTH,
            validators=[validate_no_control_characters],
            widget=forms.Textarea(attrs={"rows": 5, "maxlength": MESSAGE_MAX_LENGTH}),
        )
        return forms.CharField(**options)

    def create_email_field(self, field, options):
        options.update(max_length=254)
        return forms.EmailField(**options)

    def __init__(self, fields):
        # A field type this form no longer offers (an old revision's "phone" or "area") is
        # left out rather than breaking the page.
        known = {value for value, _ in FIELD_TYPES}
        super().__init__([field for field in fields if field.field_type in known])

    @property
    def formfields(self):
        return {
            name: form_field
            for name, form_field in super().formfields.items()
            if name not in (*CORE_FIELDS, STARTING_POINT_FIELD) and not is_builder_field(name)
        }

    def get_form_class(self):
        return type("EstimateForm", (EstimateForm,), self.formfields)


def new_form_token():
    """The time the form was opened, signed, and a nonce: each token is one form's."""
    return signing.dumps({"t": time.time(), "n": secrets.token_hex(8)}, salt=TOKEN_SALT)


class SpamCheckForm(forms.Form):
    """Adds a honeypot field and a signed start time. Spam is flagged, never refused.

    The template renders the start time as a hidden input named ``lm_started`` from
    ``form.token``; a form shown again after an error keeps the time it was first opened.
    """

    lm_homepage = forms.CharField(
        required=False,
        max_length=LINE_MAX_LENGTH,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    min_seconds_to_fill = MIN_SECONDS_TO_FILL

    def __init__(self, *args, page=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.user = user
        self.spam_reason = ""

    @cached_property
    def token(self):
        posted = self.data.get(TOKEN_FIELD, "") if self.is_bound else ""
        try:
            signing.loads(posted, salt=TOKEN_SALT)
        except signing.BadSignature:
            return new_form_token()
        return posted

    @property
    def token_digest(self):
        """The posted token's digest, which its stored request keeps so that it is used once;
        "" when the token is missing or forged."""
        posted = self.data.get(TOKEN_FIELD, "")
        try:
            signing.loads(posted, salt=TOKEN_SALT)
        except signing.BadSignature:
            return ""
        return hashlib.sha256(posted.encode()).hexdigest()

    def visitor_fields(self):
        return [field for field in self.visible_fields() if field.name != HONEYPOT_FIELD]

    def problems(self):
        """(field id, label, message) for each thing to check, in the order of the page."""
        return [
            (field.id_for_label, field.label, field.errors[0])
            for field in self.visitor_fields()
            if field.errors
        ]

    def clean(self):
        cleaned_data = super().clean()
        self.spam_reason = self.check_spam(
            cleaned_data.get(HONEYPOT_FIELD), self.data.get(TOKEN_FIELD, "")
        )
        return cleaned_data

    def check_spam(self, honeypot, token):
        if honeypot:
            return "Filled in the hidden field."
        try:
            started = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)["t"]
        except signing.SignatureExpired:
            return ""  # a form left open for days is slow, not spam
        except (signing.BadSignature, KeyError, TypeError):
            return "Missing or altered form token."
        if time.time() - started < self.min_seconds_to_fill:
            return "Sent within a few seconds of opening the form."
        return ""


MAX_PHOTOS = 5
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000  # a 40-megapixel phone photo; more is refused unread
PHOTO_FORMATS = {"JPEG", "MPO", "PNG", "WEBP"}  # MPO: the JPEG variant many phones write


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True

    def __init__(self, attrs=None):
        super().__init__({"accept": "image/jpeg,image/png,image/webp", **(attrs or {})})


class PhotosField(forms.FileField):
    """Up to five photos. Each is checked by reading it as an image, then re-encoded as JPEG,
    which drops EXIF and GPS data and anything hidden after the picture."""

    widget = MultiplePhotoInput

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(files) > MAX_PHOTOS:
            raise ValidationError(f"Send at most {MAX_PHOTOS} photos.")
        return [reencode_photo(upload) for upload in files]


def reencode_photo(upload):
    name = upload.name[:80]
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(f"{name} is larger than 10 MB. Send a smaller photo.")
    try:
        # Our own pixel cap below refuses big images before they are decoded.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            probe = Image.open(upload)
        with probe:
            if probe.format not in PHOTO_FORMATS:
                raise ValidationError(f"{name} is not a JPEG, PNG or WebP photo.")
            if probe.width * probe.height > MAX_PHOTO_PIXELS:
                raise ValidationError(f"{name} has too many pixels. Send a smaller photo.")
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            image = ImageOps.exif_transpose(image).convert("RGB")  # keep it upright
            image.thumbnail((3000, 3000))
            output = BytesIO()
            image.save(output, "JPEG", quality=85, optimize=True)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(f"{name} could not be read as a photo.") from error
    return ContentFile(output.getvalue(), name="photo.jpg")


def validate_zip_code(value):
    if not ZIP_CODE.fullmatch(value):
        raise ValidationError("Enter a five-digit ZIP code, e.g. 30301.")


ZIP_CODE = re.compile(r"[0-9]{5}(?:-[0-9]{4})?")
PROJECT_TYPES = ["Kitchen", "Bathroom", "Kitchen and bathroom", "Outdoor kitchen", "Commercial",
                 "Repair"]  # fmt: skip
# Each core field's name, with its wording until an editor changes it on the contact page.
CORE_FIELDS = {
    "your_name": ("Your name", ""),
    "phone": ("Phone", "We call or text to arrange a visit."),
    "email": ("Email", "We send a copy of your request, and your price, here."),
    "zip_code": ("ZIP code of the project", ""),
    "project_type": ("Project type", ""),
    "stone": ("Stone", "Not sure yet? Leave it, and we can help you choose."),
    "photos": (
        "Photos of the space",
        "Optional: up to 5 photos (JPEG, PNG or WebP, 10 MB each). Add them just before you "
        "send: updating the price clears them.",
    ),
}


class EstimateForm(SpamCheckForm):
    """The core fields, then the editors' questions (added by EstimateFormBuilder), with the
    estimate builder's fields read from the same post."""

    your_name = forms.CharField(
        max_length=LINE_MAX_LENGTH,
        validators=[validate_no_control_characters],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        max_length=30,
        validators=[validate_phone],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    zip_code = forms.CharField(
        max_length=10,
        validators=[validate_zip_code],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )
    project_type = forms.ChoiceField(choices=[("", "Choose one")] + [(t, t) for t in PROJECT_TYPES])
    stone = forms.ChoiceField(required=False)
    photos = PhotosField(required=False)
    slab = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)

    def __init__(self, *args, page=None, user=None, **kwargs):
        super().__init__(*args, page=page, user=user, **kwargs)
        stones = list(Material.objects.only("slug", "name", "price_low", "price_high"))
        self.fields["stone"].choices = [("", "Not sure yet")] + [(m.slug, m.name) for m in stones]
        wording = page.core_field_wording() if page is not None else CORE_FIELDS
        for name, (label, help_text) in wording.items():
            self.fields[name].label, self.fields[name].help_text = label, help_text
        self.builder = Builder(self.data if self.is_bound else None, current_price_list(stones))

    @property
    def extra_fields(self):
        """The editors' questions, as bound fields."""
        own = {*CORE_FIELDS, HONEYPOT_FIELD, STARTING_POINT_FIELD}
        return [self[name] for name in self.fields if name not in own]

    @cached_property
    def starting_point(self):
        """What the visitor started pricing from, in the office's words, or "": a value no app
        knows (made up, or a slab sold since) is dropped."""
        value = self.data.get("slab", "") if self.is_bound else self.initial.get("slab", "")
        if not isinstance(value, str) or not value.isascii() or not value.isdigit():
            return ""
        for name_it in hooks.get_hooks("estimate_starting_point"):
            if described := name_it(value[:20]):
                return described
        return ""

    def clean_slab(self):
        return self.starting_point

    def clean(self):
        cleaned_data = super().clean()
        self.builder.check(cleaned_data.get("stone", ""))
        if self.builder.errors:
            raise ValidationError("Check the measurements.", code="builder")
        return cleaned_data

    def problems(self):
        """The builder's problems first: its steps come before the details on the page."""
        builder = [
            (field_id, "Your kitchen", message) for field_id, message in self.builder.problems()
        ]
        return builder + super().problems()
