"""Query strings as visitors' browsers (and scanners) send them.

No filter, page number or search on this site has a use for control characters, and some
stores refuse them outright (PostgreSQL cannot hold a NUL in text). A parameter whose name or
value holds one is dropped before any view sees it, so the page answers as if it had not been
sent: `/blog/?tag=%00` is the blog, unfiltered.
"""

import re

from django.http import QueryDict

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class DropControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(
            CONTROL_CHARACTERS.search(name + "".join(values))
            for name, values in request.GET.lists()
        ):
            request.GET = without_control_characters(request.GET)
        return self.get_response(request)


def without_control_characters(query):
    kept = QueryDict(mutable=True)
    for name, values in query.lists():
        clean = [value for value in values if not CONTROL_CHARACTERS.search(value)]
        if clean and not CONTROL_CHARACTERS.search(name):
            kept.setlist(name, clean)
    kept._mutable = False
    return kept
