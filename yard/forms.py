"""The form a visitor fills in to hold a slab: the estimate form's protections (length limits,
a ten-digit phone, spam flagged by the honeypot and the start token) on three fields."""

from django import forms

from contact.forms import (
    LINE_MAX_LENGTH,
    SpamCheckForm,
    validate_no_control_characters,
    validate_phone,
)

NOTE_MAX_LENGTH = 1000


class HoldForm(SpamCheckForm):
    # Three fields a phone's autofill fills with one tap: a person can send it in two seconds.
    min_seconds_to_fill = 1

    your_name = forms.CharField(
        label="Your name",
        max_length=LINE_MAX_LENGTH,
        validators=[validate_no_control_characters],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label="Phone",
        max_length=30,
        validators=[validate_phone],
        help_text="We call to arrange a time to see it.",
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label="Email",
        max_length=254,
        help_text="We send when the hold ends, and how to find us.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    note = forms.CharField(
        label="Anything we should know?",
        required=False,
        max_length=NOTE_MAX_LENGTH,
        validators=[validate_no_control_characters],
        help_text="Optional, e.g. what you would like cut from it.",
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": NOTE_MAX_LENGTH}),
    )
