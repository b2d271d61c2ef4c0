"""The printable copy of a visitor's estimate, at /estimate/quote/<signed id>/.

The link is in the thank-you page and the visitor's email. It is signed, so nobody can reach
another visitor's estimate by changing a number, and it expires after QUOTE_LINK_DAYS; the page
shows what was measured and the quote as stored, never a new price, and no contact details.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from contact.models import QUOTE_LINK_SALT, EstimateRequest


@never_cache
def quote_page(request, token):
    try:
        pk = signing.loads(
            token, salt=QUOTE_LINK_SALT, max_age=timedelta(days=settings.QUOTE_LINK_DAYS)
        )
    except signing.SignatureExpired:
        response = TemplateResponse(request, "contact/quote_expired.html", status=410)
        response["X-Robots-Tag"] = "noindex"
        return response
    except signing.BadSignature:
        raise Http404 from None
    estimate = get_object_or_404(
        EstimateRequest.objects.select_related("material").exclude(quote=None), pk=pk
    )
    response = TemplateResponse(
        request,
        "contact/quote_page.html",
        {"estimate": estimate, "quote": estimate.quote, "days": settings.QUOTE_LINK_DAYS},
    )
    response["X-Robots-Tag"] = "noindex"
    return response
