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
    if hold is None:
        return None, None
    context = _context(lead, hold, page)
    office = contact_page()
    office_email = None
    if office is not None and office.to_address:
        office_email = mail.compose(
            "yard/email/office",
            f"{lead.get_kind_display()}: {hold.slab} for {lead.name}",
            [address.strip() for address in office.to_address.split(",") if address.strip()],
            context,
            reply_to=[lead.email] if lead.email else None,
            from_email=office.from_address or None,
        )
    visitor_email = None
    if lead.email:
        subject = (
            f"The {hold.slab.kind_name} is held for you until {context['until']}"
            if hold.state == hold.State.HOLDING
            else f"You are on the waiting list for the {hold.slab.name} {hold.slab.kind_name}"
        )
        visitor_email = visitor_message("yard/email/visitor", subject, lead, context, office)
    return office_email, visitor_email


def passed_on_email(hold, page):
    """To the next person waiting: the slab is theirs now, until when."""
    context = _context(hold.lead, hold, page)
    subject = f"Good news: the {hold.slab.kind_name} you waited for is held for you"
    return visitor_message("yard/email/passed_on", subject, hold.lead, context, contact_page())


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
    site = page.get_site()
    slab_url = site.root_url + page.slab_url(hold.slab)
    return {
        "lead": lead,
        "hold": hold,
        "slab": hold.slab,
        "slab_url": slab_url,
        "until": holds.when(hold.ends_at) if hold.ends_at else "",
        "position": holds.waiting_position(hold) if hold.state == hold.State.WAITING else None,
        "hours_held": settings.SLAB_HOLD_HOURS,
        "business": BusinessSettings.for_site(site),
        "inbox_url": settings.WAGTAILADMIN_BASE_URL
        + reverse("estimate_requests:inspect", args=[lead.pk]),
    }
