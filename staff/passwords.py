"""Staff passwords: the first sign-in with a one-time password, and password reset through
the mail queue.

Signing in: one address may try five passwords or codes a minute (`SignInThrottleMiddleware`);
django-axes locks an account or an address after ten wrong passwords.

An account made by `create_staff_user` has a one-time password: until its owner chooses their
own, every admin page sends them to the password form (`FirstPasswordMiddleware`), and after
72 hours unused it signs no one in (`StaffBackend`).

Password reset:

The request only queues a task, whether or not the address belongs to anyone, so it answers
as fast either way and never waits for the mail server; the worker looks the address up and
sends the link (Django's form and Wagtail's templates). One email address may ask three times
an hour and one network address ten times (PASSWORD_RESETS_PER_HOUR); more asks get the same
answer and send nothing.
"""

import hashlib
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.backends import ModelBackend
from django.core.mail import EmailMultiAlternatives
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task
from wagtail.admin.forms.auth import PasswordResetForm

from core import mail
from core.ratelimit import client_address, over_limit
from staff.models import OneTimePassword

logger = logging.getLogger(__name__)
HOUR = 3600
# Where someone with a one-time password may go: the password form, and out.
FIRST_PASSWORD_PATHS = ("/admin/account/", "/admin/logout/", "/admin/jsi18n/")


class StaffBackend(ModelBackend):
    """Django's backend, refusing a one-time password given more than 72 hours ago."""

    def user_can_authenticate(self, user):
        given = OneTimePassword.objects.filter(user=user).first()
        if given and given.expired and not given.changed:
            logger.warning("Sign-in refused: %s's one-time password has expired", user)
            return False
        return super().user_can_authenticate(user)


def on_one_time_password(user):
    """True while `user` still has the password create_staff_user gave."""
    return OneTimePassword.objects.filter(user=user, password_hash=user.password).exists()


class FirstPasswordMiddleware:
    """Sends someone still on a one-time password to choose their own, from any admin page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        # The path first: the public site never loads the session for this.
        if (
            request.path_info.startswith("/admin/")
            and not request.path_info.startswith(FIRST_PASSWORD_PATHS)
            and user is not None
            and user.is_authenticated
        ):
            given = OneTimePassword.objects.filter(user=user).select_related("user").first()
            if given and given.changed:
                given.delete()
            elif given:
                messages.info(request, "Welcome. First, choose a password of your own.")
                return redirect(reverse("wagtailadmin_account") + "#password")
        return self.get_response(request)


class SignInThrottleMiddleware:
    """Slows guessing before django-axes locks: one address may try a password or a code
    SIGN_INS_PER_MINUTE times a minute, right or wrong; more tries get a page asking them to
    wait, and are not tried. At five a minute, ten wrong passwords (the lock) take two."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path_info in self.sign_in_paths():
            key = f"sign-ins:{client_address(request)}"
            if over_limit(key, settings.SIGN_INS_PER_MINUTE, 60):
                logger.warning("Sign-in throttled for %s", client_address(request))
                response = render(request, "staff/slow_down.html", status=429)
                response["Retry-After"] = "60"
                return response
        return self.get_response(request)

    @staticmethod
    def sign_in_paths():
        # Wagtail's sign-in for private pages (/_util/login/) checks passwords too.
        return (
            reverse("wagtailadmin_login"),
            reverse("wagtailcore_login"),
            reverse("second_factor_sign_in"),
        )


class QueuedPasswordResetForm(PasswordResetForm):
    """WAGTAILADMIN_USER_PASSWORD_RESET_FORM: the admin's "forgotten password" form."""

    def save(self, request=None, **options):
        email = self.cleaned_data["email"]
        limits = settings.PASSWORD_RESETS_PER_HOUR
        digest = hashlib.sha256(email.lower().encode()).hexdigest()[:16]
        too_many = [
            over_limit(f"password-reset-email:{digest}", limits["email"], HOUR),
            over_limit(
                f"password-reset-address:{client_address(request)}", limits["address"], HOUR
            ),
        ]
        if any(too_many):
            logger.warning("Password reset not sent: too many asks (email %s, address)", digest)
            return
        send_password_reset.enqueue(
            email,
            options["subject_template_name"],
            options["email_template_name"],
            options.get("html_email_template_name"),
        )


class PasswordResetMailer(PasswordResetForm):
    """Django's form as the worker runs it: each message goes through core/mail.py."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email,
                  to_email, html_email_template_name=None):  # fmt: skip
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        message = EmailMultiAlternatives(
            subject, render_to_string(email_template_name, context), from_email, [to_email]
        )
        if html_email_template_name:
            message.attach_alternative(
                render_to_string(html_email_template_name, context), "text/html"
            )
        mail.send(message, about=f"password-reset-{context['uid']}-{context['token']}")


@task(backend="mail")
def send_password_reset(email, subject_template, email_template, html_template, attempt=1):
    form = PasswordResetMailer({"email": email})
    if not form.is_valid():
        return
    site = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    try:
        form.save(
            domain_override=site.netloc,
            use_https=site.scheme == "https",
            subject_template_name=subject_template,
            email_template_name=email_template,
            html_email_template_name=html_template,
        )
    except (mail.MailPaused, *mail.DELIVERY_ERRORS) as error:
        when = mail.retry_at(attempt)
        if when is None:
            logger.error("Password reset email not delivered after %s tries: %s", attempt, error)
            return
        send_password_reset.using(run_after=when).enqueue(
            email, subject_template, email_template, html_template, attempt + 1
        )
