"""The second factor: after the password, a six-digit code from an authenticator app on the
person's phone (TOTP, django-otp), or one of ten single-use recovery codes.

Who must have one is written in staff/roles.py (Moderators, Lead handlers) plus every
superuser: until they have set one up, every admin page sends them to the set-up page. Editors
may set one up from their account; once they have, it is asked of them too.

django-otp keeps the devices and checks the codes, throttling wrong ones (each failure doubles
the wait before the next try). wagtail-2fa was tried first: its sign-in form gives no device,
which django-otp 1.7.5 refuses ("device_required"), so the few views it had are written here.
"""

import io
import re
from urllib.parse import urlencode

import django_otp
import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import RedirectURLMixin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from staff.passwords import on_one_time_password
from staff.roles import SECOND_FACTOR_ROLES

RECOVERY_CODES = 10
PHONE_APP = "Phone app"
RECOVERY = "Recovery codes"


def required_for(user):
    """True when this person may not use the admin without a second factor."""
    if not hasattr(user, "_second_factor_required"):
        user._second_factor_required = user.is_superuser or (
            user.groups.filter(name__in=SECOND_FACTOR_ROLES).exists()
        )
    return user._second_factor_required


def phone_app(user, confirmed=True):
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).first()


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def new_recovery_codes(user):
    """Ten fresh codes in place of any earlier ones; returned once, to be shown once."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


class SecondFactorMiddleware:
    """Between the password and the admin: sends whoever has a second factor to give its code,
    and whoever must have one but has not to set it up. Placed after django-otp's OTPMiddleware
    (which says whether this session gave a code) and FirstPasswordMiddleware (a one-time
    password is replaced before anything else)."""

    # What someone between the password and the code may still reach.
    OPEN_PATHS = ("/admin/logout/", "/admin/jsi18n/", "/admin/sprite/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path.startswith("/admin/") and request.user.is_authenticated:
            step = step_still_to_take(request.user)
            if step and path != reverse(step) and not path.startswith(self.OPEN_PATHS):
                return redirect_with_next(request, step)
        return self.get_response(request)


def step_still_to_take(user):
    """For a person signed in with their password: the page of the second-factor step they
    must take before the admin, or a private page or document (staff/wagtail_hooks.py), or
    None. Someone still on a one-time password replaces it first (staff/passwords.py)."""
    if user.is_verified():
        return None
    if django_otp.user_has_device(user):
        return "second_factor_sign_in"
    if required_for(user) and not on_one_time_password(user):
        return "second_factor_set_up"
    return None


def redirect_with_next(request, name):
    """To the step `name`, and back to the page asked for after it."""
    location = reverse(name)
    if request.method == "GET" and request.path_info != reverse("wagtailadmin_home"):
        location += "?" + urlencode({"next": request.get_full_path()})
    return redirect(location)


def verified(request, device):
    """Mark the session as having given a code, under a new session key: a key someone saw
    before the code is worth nothing after it (as Django's login() does for the password)."""
    django_otp.login(request, device)
    request.session.cycle_key()


class CodeField(forms.CharField):
    """Six digits from the app, or a recovery code; spaces and dashes as people type them are
    ignored."""

    def to_python(self, value):
        return re.sub(r"[\s-]", "", super().to_python(value)).lower()


class CodeForm(forms.Form):
    code = CodeField(
        label="Code",
        max_length=24,
        error_messages={"required": "Type the six-digit code your app shows."},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, user, *args, devices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.devices = devices
        self.device = None

    def clean_code(self):
        code = self.cleaned_data["code"]
        for device in self.devices_for(code):
            # Locked while checked: two requests with one code cannot both use it, and
            # parallel guesses all count (on PostgreSQL; SQLite runs one write at a time).
            with transaction.atomic():
                device = type(device).objects.select_for_update().get(pk=device.pk)
                allowed, why = device.verify_is_allowed()
                if not allowed:
                    wait = why.get("locked_until")
                    raise forms.ValidationError(
                        "Too many wrong codes. Wait a little"
                        + (f" (until {wait:%H:%M:%S})" if wait else "")
                        + " and type the code your app shows then."
                    )
                if device.verify_token(code):
                    self.device = device
                    return code
        raise forms.ValidationError(
            "That code is not right. Codes change every 30 seconds: type the one your app "
            "shows now, or one of your recovery codes."
        )

    def devices_for(self, code):
        if self.devices is not None:
            return self.devices
        if len(code) == 6 and code.isdigit():
            return TOTPDevice.objects.filter(user=self.user, confirmed=True)
        return StaticDevice.objects.filter(user=self.user, confirmed=True)


@method_decorator([sensitive_post_parameters(), never_cache], name="dispatch")
class SignInView(RedirectURLMixin, FormView):
    """The second step of signing in: the code."""

    template_name = "staff/second_factor/sign_in.html"
    form_class = CodeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "next": self.get_redirect_url()}

    def form_valid(self, form):
        verified(self.request, form.device)
        if isinstance(form.device, StaticDevice):
            left = recovery_codes_left(self.request.user)
            messages.warning(
                self.request,
                f"You signed in with a recovery code; {left} are left. If your phone is lost, "
                "set up the app on a new one now.",
            )
            return redirect("second_factor_manage")
        return super().form_valid(form)

    def get_default_redirect_url(self):
        return reverse("wagtailadmin_home")


@method_decorator([sensitive_post_parameters(), never_cache], name="dispatch")
class SetUpView(FormView):
    """Pairs a phone: shows a QR code and the key, and asks for the first code to prove it
    worked. Setting up again (a new phone) replaces the old pairing once the new one works."""

    template_name = "staff/second_factor/set_up.html"
    form_class = CodeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "devices": [self.device]}

    def dispatch(self, request, *args, **kwargs):
        self.device = phone_app(request.user, confirmed=False) or TOTPDevice.objects.create(
            user=request.user, name=PHONE_APP, confirmed=False
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        key = self.device.config_url.split("secret=")[1].split("&")[0]
        return {
            **super().get_context_data(**kwargs),
            "qr_code": qr_svg(self.device.config_url),
            "key": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
            "required": required_for(self.request.user),
        }

    @transaction.atomic
    def form_valid(self, form):
        user = self.request.user
        TOTPDevice.objects.filter(user=user).exclude(pk=self.device.pk).delete()
        self.device.confirmed = True
        self.device.save()
        verified(self.request, self.device)
        return show_recovery_codes(self.request, new_recovery_codes(user), first=True)


def qr_svg(text):
    """The QR code as inline SVG, drawn here: no request leaves the admin for it."""
    out = io.BytesIO()
    qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).save(out)
    svg = out.getvalue().decode().split("?>", 1)[-1]
    return mark_safe(svg.replace("<svg ", '<svg role="img" aria-label="QR code to scan" ', 1))


def show_recovery_codes(request, codes, first=False):
    return TemplateResponse(
        request,
        "staff/second_factor/recovery_codes.html",
        {"codes": codes, "first": first, "site_name": settings.WAGTAIL_SITE_NAME},
    )


@method_decorator(never_cache, name="dispatch")
class ManageView(TemplateView):
    """From the account menu: what is set up, new recovery codes, a new phone, and for those
    who may, turning the second factor off."""

    template_name = "staff/second_factor/manage.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return {
            **super().get_context_data(**kwargs),
            "phone_app": phone_app(user),
            "codes_left": recovery_codes_left(user),
            "required": required_for(user),
        }

    def post(self, request):
        user = request.user
        if request.POST.get("action") == "new-codes" and phone_app(user):
            return show_recovery_codes(request, new_recovery_codes(user))
        if request.POST.get("action") == "turn-off" and not required_for(user):
            for device in django_otp.devices_for_user(user, confirmed=None):
                device.delete()
            messages.success(request, "The second factor is off for your account.")
        return redirect("second_factor_manage")


@method_decorator(never_cache, name="dispatch")
class ResetView(TemplateView):
    """The owner's way out for someone who lost both phone and recovery codes: their second
    factor is removed, and at their next sign-in they set it up again."""

    template_name = "staff/second_factor/reset.html"

    def dispatch(self, request, user_id):
        if not request.user.is_superuser:
            raise PermissionDenied
        self.person = get_object_or_404(get_user_model(), pk=user_id)
        return super().dispatch(request, user_id)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "person": self.person}

    def post(self, request, user_id):
        for device in django_otp.devices_for_user(self.person, confirmed=None):
            device.delete()
        log(self.person, "staff.second_factor_reset", user=request.user)
        messages.success(
            request,
            f"{self.person.get_username()}'s second factor was removed. At their next sign-in "
            "they set it up again.",
        )
        return redirect("wagtailusers_users:index")


def urls():
    """Registered under /admin/ (staff/wagtail_hooks.py), so Wagtail asks for a signed-in
    person with admin access first."""
    return [
        path("second-factor/", SignInView.as_view(), name="second_factor_sign_in"),
        path("second-factor/set-up/", SetUpView.as_view(), name="second_factor_set_up"),
        path("second-factor/manage/", ManageView.as_view(), name="second_factor_manage"),
        path(
            "second-factor/reset/<int:user_id>/",
            ResetView.as_view(),
            name="second_factor_reset",
        ),
    ]
