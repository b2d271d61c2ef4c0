"""The emails about a slab hold: to the office (to the estimate form's address) and to the
visitor, who is told until when the slab is theirs and how to come and see it."""

from django.conf import settings
from django.urls import reverse

from contact.models import ContactPage
from core import mail
from site_settings.models import BusinessSettings
from yard import holds


def lead_emails(lead, page):
    """(to the office, to the visitor) about a hold or a place on a waiting list."""
    hold = lead.slab_holds.select_related("slab__material").first()
    context = _context(lead, hold, page)
    office = contact_page()
    office_email = None
    if office is not None and office.to_address:
        # No visitor's words in the subject: it is a header.
        about = hold.slab if hold else lead.form_data.get("slab", "a slab")
        office_email = mail.compose(
            "yard/email/office",
            f"{lead.get_kind_display()}: {about}",
            [address.strip() for address in office.to_address.split(",") if address.strip()],
            context,
            reply_to=[lead.email] if lead.email else None,
            from_email=office.from_address or None,
        )
    visitor_email = None
    # Told at once on the page when nothing was held; nothing to confirm once a hold has ended.
    if lead.email and hold is not None and hold.state != hold.State.ENDED:
        subject = (
            f"The {hold.slab.kind_name} is held for you until {context['until']}"
            if hold.state == hold.State.HOLDING
            else f"You are on the waiting list for the {hold.slab.name} {hold.slab.kind_name}"
        )
        visitor_email = visitor_message("yard/email/visitor", subject, lead, context, office)
    return office_email, visitor_email


def passed_on_emails(hold, page):
    """(to the office, to the visitor) when a slab passes to the next person waiting: the office
    calls them, and they are told it is theirs now, until when."""
    office, visitor = lead_emails(hold.lead, page)
    if hold.lead.email:
        context = _context(hold.lead, hold, page)
        subject = f"Good news: the {hold.slab.kind_name} you waited for is held for you"
        visitor = visitor_message(
            "yard/email/passed_on", subject, hold.lead, context, contact_page()
        )
    return office, visitor


def visitor_message(template, subject, lead, context, office):
    return mail.compose(
        template,
        subject,
        [lead.email],
        context,
        from_email=office.from_address if office and office.from_address else None,
    )


def contact_page():
    return ContactPage.objects.live().first()


def _context(lead, hold, page):
    slab = hold.slab if hold else None
    return {
        "lead": lead,
        "hold": hold,
        "slab": slab,
        "slab_url": page.full_url + page.reverse_subpage("slab", args=[slab.pk, slab.slug])
        if slab
        else "",
        "until": holds.when(hold.ends_at) if hold and hold.ends_at else "",
        "position": holds.waiting_position(hold)
        if hold and hold.state == hold.State.WAITING
        else None,
        "hours_held": settings.SLAB_HOLD_HOURS,
        "business": BusinessSettings.for_site(page.get_site()),
        "inbox_url": settings.WAGTAILADMIN_BASE_URL
        + reverse("estimate_requests:inspect", args=[lead.pk]),
    }
