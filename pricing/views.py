"""POST /estimate/price/: the itemised range for a kitchen described in JSON (pricing/quote.py
has the rules). The live builder on /contact/ asks it as the visitor types.

It reads no session and writes nothing, so it needs no CSRF token and any page may call it;
the one thing it guards is the server's time: bodies over 16 KB are refused and one address
may ask PRICE_REQUESTS_PER_MINUTE times a minute (a visitor typing asks about once a second,
the form's five posts a minute would stop them)."""

import json

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.ratelimit import client_address, over_limit
from pricing.models import current_price_list
from pricing.quote import price, read_job

MAX_BODY = 16 * 1024


@csrf_exempt
@never_cache
@require_POST
def price_view(request):
    if over_limit(
        f"price-requests:{client_address(request)}", settings.PRICE_REQUESTS_PER_MINUTE, 60
    ):
        return error(429, {"": "Too many price requests from your connection; wait a minute."})
    try:
        body = request.body
    except ValueError:  # a Content-Length that is not a number (gunicorn refuses it first)
        return error(400, {"": "Send the measurements as JSON."})
    if len(body) > MAX_BODY:
        return error(400, {"": "That is more than a kitchen's measurements."})
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return error(400, {"": "Send the measurements as JSON."})
    price_list = current_price_list()
    job, errors = read_job(data, price_list)
    if errors:
        return error(400, errors)
    return JsonResponse(price(job, price_list.rules).as_json())


def error(status, errors):
    return JsonResponse({"errors": errors}, status=status)
