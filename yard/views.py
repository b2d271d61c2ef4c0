"""A visitor asks to hold a slab: /slabs/<id>-<name>/hold/.

The request is stored first, as a lead of kind "hold" (or "waiting list" when someone holds
the slab already), in the same transaction as the hold and its queued emails; spam is stored
flagged and holds nothing. What was typed comes back with each error.
"""

from django.conf import settings
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils import timezone

from contact.models import EstimateRequest, estimate_request_stored, store_lead
from core.ratelimit import client_address, over_limit
from yard import holds
from yard.forms import HoldForm


def hold_form(request, page, slab):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    context = {
        **page.get_context(request),
        "slab": slab,
        "slab_url": page.slab_url(slab, request),
        "hold_hours": settings.SLAB_HOLD_HOURS,
        "hold_ends": timezone.now() + holds.hold_length(),
    }
    if request.method != "POST":
        context["form"] = HoldForm(page=page)
        return TemplateResponse(request, "yard/hold_form.html", context)

    form = HoldForm(request.POST, page=page)
    limit = settings.CONTACT_POSTS_PER_MINUTE
    if over_limit(f"contact-posts:{client_address(request)}", limit, 60):
        context.update(form=form, rate_limited=True)
        return TemplateResponse(request, "yard/hold_form.html", context, status=429)
    if not form.is_valid():
        context["form"] = form
        return TemplateResponse(request, "yard/hold_form.html", context)

    with transaction.atomic():
        lead = store_lead(
            form,
            kind=EstimateRequest.Kind.HOLD,
            page=page,
            form_data={"slab": str(slab), "note": form.cleaned_data["note"]},
            name=form.cleaned_data["your_name"],
            email=form.cleaned_data["email"],
            phone=form.cleaned_data["phone"],
            material=slab.material,
        )
        hold, sold, too_many = None, False, False
        if not lead.is_spam:  # spam is kept for staff to see, and holds nothing
            try:
                hold = holds.ask(slab, lead)
            except holds.Sold:  # since the form was opened: the request stays, for a call
                sold = True
            except holds.TooMany:
                too_many = True
        waiting = hold is not None and hold.state == hold.State.WAITING
        if waiting:
            lead.kind = EstimateRequest.Kind.WAITING
            lead.save(update_fields=["kind"])
        position = waiting and holds.waiting_position(hold)  # while the slab is locked
        estimate_request_stored.send(EstimateRequest, estimate=lead)
    context.update(
        lead=lead,
        hold=hold,
        sold=sold,
        too_many=too_many,
        most=holds.MAX_HOLDS_PER_VISITOR,
        position=position,
    )
    return TemplateResponse(request, "yard/hold_done.html", context)
