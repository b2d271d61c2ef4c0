"""The site's root and top-level pages, looked up once per request.

The menu, the footer, breadcrumbs and the links every page carries (the estimate button, the
feed) all come from these two lookups instead of querying again.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction, Site

from core import cache


def site_root(request):
    if not hasattr(request, "_site_root"):
        site = Site.find_for_request(request)
        request._site_root = site.root_page if site else None
    return request._site_root


def top_pages(request):
    """Live, public pages directly under the home page, in the order of the page tree."""
    if not hasattr(request, "_top_pages"):
        root = site_root(request)
        request._top_pages = (
            cache.chrome(
                f"top-pages:{root.pk}",
                lambda: list(public(root.get_children().live(), request)),
            )
            if root
            else []
        )
    return request._top_pages


def public(pages, request):
    """`pages.public()`, reading the site's view restrictions once per request, not per list."""
    if not hasattr(request, "_restricted_pages"):
        request._restricted_pages = [
            restriction.page for restriction in PageViewRestriction.objects.select_related("page")
        ]
    hidden = Q()
    for page in request._restricted_pages:
        hidden &= ~pages.descendant_of_q(page, inclusive=True)
    return pages.filter(hidden)


def section_of(page, request):
    """The top-level page `page` lies under (a live, public one), or None."""
    return next((top for top in top_pages(request) if page.path.startswith(top.path)), None)
