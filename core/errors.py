"""The page a visitor gets when the server fails: "try again", or, when the database is
unreachable (a restart, a failover), a 503 saying that a request sent may not be saved, to
send it again, and when.

Both render without the database (templates/errors/static_page.html)."""

import sys

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

RETRY_AFTER_SECONDS = 30


@requires_csrf_token
def server_error(request):
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        html = loader.get_template("503.html").render({"posted": request.method == "POST"})
        response = HttpResponseServerError(html, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
