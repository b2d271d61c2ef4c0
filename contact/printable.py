"""The printable copy of a visitor's estimate, at /estimate/quote/<signed id>/.

The link is in the thank-you page and the visitor's email, which may be forwarded. It is signed,
so nobody can reach another visitor's estimate by changing a number, and it works for
QUOTE_LINK_DAYS after the request was sent. The page shows what was measured and the quote as
stored, never a new price, and nothing about the person: no name, address or contact details.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from contact.models import QUOTE_LINK_SALT, EstimateRequest


@never_cache
def quote_page(request, token):
    try:
        pk = signing.Signer(salt=QUOTE_LINK_SALT).unsign(token)
    except signing.BadSignature:
        raise Http404 from None
    estimate = get_object_or_404(EstimateRequest.objects.exclude(quote=None), pk=pk)
    days = settings.QUOTE_LINK_DAYS
    if timezone.now() > estimate.submit_time + timedelta(days=days):
        response = TemplateResponse(request, "contact/quote_expired.html", status=410)
    else:
        context = {"estimate": estimate, "quote": estimate.quote, "days": days}
        response = TemplateResponse(request, "contact/quote_page.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
