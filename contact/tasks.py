"""Emails about an estimate request: queued in the transaction that stores the request
(`queue_emails`, on contact.models.estimate_request_stored), sent later from the task queue.

Each email is sent once: the request records when it went out, right after the mail server
took it, and a second run of the task sends only what is not recorded. A failed try is
tried again later (core/mail.py has the schedule); after the last, the request is marked
"emails not delivered" for the office to see. The request itself is never touched by a mail
failure.
"""

import logging

from django.conf import settings
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from contact.models import ContactPage, EstimateRequest, estimate_request_stored
from core import mail
from site_settings.models import BusinessSettings

logger = logging.getLogger(__name__)


@task(backend="mail")
def send_estimate_emails(estimate_id):
    estimate = EstimateRequest.objects.select_related("page", "material").get(pk=estimate_id)
    if estimate.page is None:
        logger.warning("Estimate request %s has no form page any more; no email", estimate_id)
        return
    page = estimate.page.specific
    office, visitor = lead_emails(estimate, page)
    try:
        if estimate.staff_notified_at is None and office is not None:
            mail.send(office, about=f"estimate-{estimate.pk}-office")
            estimate.staff_notified_at = timezone.now()
            estimate.save(update_fields=["staff_notified_at"])
        if estimate.visitor_confirmed_at is None and visitor is not None:
            mail.send(visitor, about=f"estimate-{estimate.pk}-visitor")
            estimate.visitor_confirmed_at = timezone.now()
            estimate.save(update_fields=["visitor_confirmed_at"])
    except (mail.MailPaused, *mail.DELIVERY_ERRORS) as error:
        try_again_later(estimate, error)


def lead_emails(estimate, page):
    """(to the office, to the visitor), either None when there is no one to send it to. The
    page a lead came from writes them: the yard writes a slab hold's (yard/emails.py)."""
    if hasattr(page, "lead_emails"):
        return page.lead_emails(estimate)
    office = staff_email(estimate, page) if page.to_address else None
    return office, visitor_email(estimate, page) if estimate.email else None


def try_again_later(estimate, error):
    estimate.mail_attempts += 1
    when = mail.retry_at(estimate.mail_attempts)
    if when is None:
        estimate.mail_failed_at = timezone.now()
        estimate.save(update_fields=["mail_attempts", "mail_failed_at"])
        logger.error(
            "Emails for estimate request %s not delivered after %s tries: %s",
            estimate.pk, estimate.mail_attempts, error,
        )  # fmt: skip
        return
    estimate.save(update_fields=["mail_attempts"])
    send_estimate_emails.using(run_after=when).enqueue(estimate.pk)
    logger.warning(
        "Emails for estimate request %s not sent (%s); try %s at %s",
        estimate.pk, error, estimate.mail_attempts + 1, when,
    )  # fmt: skip


def resend(estimate):
    """A lead handler's "send the emails again": what was not sent goes out on a new schedule."""
    estimate.mail_attempts, estimate.mail_failed_at = 0, None
    estimate.save(update_fields=["mail_attempts", "mail_failed_at"])
    send_estimate_emails.enqueue(estimate.pk)


def undelivered():
    return EstimateRequest.objects.filter(mail_failed_at__isnull=False, is_spam=False).order_by(
        "submit_time", "pk"
    )


@task(backend="mail")
def send_undelivered_summary(attempt=1):
    """To the office: the requests whose emails could not be sent, to call them back. Queued
    once a day (manage.py send_undelivered_summary); it arrives once mail works again."""
    page = ContactPage.objects.live().first()
    estimates = list(undelivered())
    if not estimates or page is None or not page.to_address:
        return
    context = {"estimates": estimates, "inbox": inbox_url(), **_context(estimates[0], page)}
    message = mail.compose(
        "contact/email/undelivered",
        f"{len(estimates)} estimate request(s) whose emails could not be sent",
        [address.strip() for address in page.to_address.split(",") if address.strip()],
        context,
        from_email=page.from_address or None,
    )
    try:
        mail.send(message, about=f"undelivered-{timezone.localdate()}")
    except (mail.MailPaused, *mail.DELIVERY_ERRORS) as error:
        if when := mail.retry_at(attempt):
            send_undelivered_summary.using(run_after=when).enqueue(attempt + 1)
        else:
            logger.error("The summary of undelivered requests was not sent: %s", error)


def inbox_url():
    return settings.WAGTAILADMIN_BASE_URL + reverse("estimate_requests:index") + "?undelivered=true"


@receiver(estimate_request_stored)
def queue_emails(sender, estimate, **kwargs):
    """A request that looks like spam gets no email."""
    if not estimate.is_spam:
        send_estimate_emails.enqueue(estimate.pk)


# The visitor's copy repeats only choices, not free text: the address is not verified, so
# free text there would let anyone send their words to anyone through us.
CHOICE_TYPES = {"dropdown", "radio", "checkbox", "checkboxes", "multiselect"}


def _context(estimate, page, choices_only=False):
    business = BusinessSettings.for_site(page.get_site())
    wording = {name: label for name, (label, _) in page.core_field_wording().items()}
    zip_code = estimate.zip_code + (" (outside the service area)" if estimate.outside_area else "")
    core = [
        ("your_name", estimate.name),
        ("phone", estimate.phone),
        ("email", estimate.email),
        ("zip_code", zip_code),
        ("project_type", estimate.project_type),
        ("stone", estimate.material.name if estimate.material else ""),
    ]
    fields = [
        (wording[name], value)
        for name, value in core
        if value and (not choices_only or name in ("zip_code", "project_type", "stone"))
    ]
    if slab := estimate.form_data.get("slab"):  # priced from a slab in the yard
        fields.append(("Slab", slab))
    fields += [
        (field.label, estimate.form_data.get(field.clean_name))
        for field in page.get_form_fields()
        if estimate.form_data.get(field.clean_name) not in (None, "")
        and (not choices_only or field.field_type in CHOICE_TYPES)
    ]
    quote_url = page.get_site().root_url + estimate.quote_path if estimate.quote else ""
    return {"estimate": estimate, "page": page, "business": business, "fields": fields,
            "quote_url": quote_url, "quote_days": settings.QUOTE_LINK_DAYS}  # fmt: skip


def staff_email(estimate, page):
    """To the office. The subject is the editor's; the visitor's address only as Reply-To."""
    context = _context(estimate, page)
    return mail.compose(
        "contact/email/staff",
        page.subject or "New estimate request",
        [address.strip() for address in page.to_address.split(",") if address.strip()],
        context,
        reply_to=[estimate.email] if estimate.email else None,
        from_email=page.from_address or None,
    )


def visitor_email(estimate, page):
    """To the visitor: thanks, their itemised price with its printable link, and the choices
    they made."""
    context = _context(estimate, page, choices_only=True)
    return mail.compose(
        "contact/email/visitor",
        f"Your estimate request to {context['business'].business_name}",
        [estimate.email],
        context,
        from_email=page.from_address or None,
    )
