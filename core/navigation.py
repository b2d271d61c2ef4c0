"""The site's root and top-level pages, looked up once per request.

The menu, the footer, breadcrumbs and the links every page carries (the estimate button, the
feed) all come from these two lookups instead of querying again.
"""

from django.db.models import Q
from wagtail.models import Page, Site

from core import cache


class CachedSiteMiddleware:
    """Wagtail looks the request's site up (one query) before every page; the answer for a
    host and port is kept with the chrome, which any change to a site or page forgets. Each
    chrome entry is read from the cache once per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # get_host() has checked ALLOWED_HOSTS (CommonMiddleware runs first): no made-up Host
        # header can add entries.
        with cache.chrome_read_once():
            key = f"site:{request.get_host().lower()}:{request.get_port()}"
            request._wagtail_site = cache.chrome(key, lambda: Site.find_for_request(request))
            return self.get_response(request)


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
                lambda: list(public(root.get_children().live())),
            )
            if root
            else []
        )
    return request._top_pages


def public(pages):
    """`pages.public()` without reading the view restrictions again for every list."""
    hidden = Q()
    for page in restricted_pages():
        hidden &= ~pages.descendant_of_q(page, inclusive=True)
    return pages.filter(hidden)


def restricted_pages():
    """Pages with a view restriction (password, login, groups) and the aliases of such pages,
    which share it: the pages below any of these are private too."""
    return cache.chrome("restricted-pages", _restricted_pages)


def _restricted_pages():
    restricted = list(Page.objects.filter(view_restrictions__isnull=False).only("path", "depth"))
    return restricted + list(Page.objects.filter(alias_of__in=restricted).only("path", "depth"))


def is_restricted(page):
    return any(page.path.startswith(private.path) for private in restricted_pages())


def section_of(page, request):
    """The top-level page `page` lies under (a live, public one), or None."""
    return next((top for top in top_pages(request) if page.path.startswith(top.path)), None)
