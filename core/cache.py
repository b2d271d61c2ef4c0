"""The shared page cache (Varnish in front of the site, or a CDN): what it may keep, and what
is purged from it when content changes.

A public page is kept by the shared cache for `PAGE_CACHE_SECONDS` (`s-maxage`) while browsers
revalidate it on every visit (`max-age=0`, answered with a 304 through its ETag). Anything
personal is `private`: pages for a signed-in user (the userbar), a page with a form token (the
estimate form), anything that set a cookie. Views that must never be shared, such as a search
with a query, say so themselves and are left alone here.

The site's chrome (the menu's pages, the business details) is kept in the Django cache
(`chrome`) and forgotten on any change to pages, view restrictions or site-wide content.

Purges are exact for a page (`BasePage.purge_set`), and cover every page when something shown
on every page changes (`SITE_WIDE`). They are sent once the change is committed, so the cache
cannot fetch the old version again in between.
"""

import contextvars
import logging
import pickle
import time
from contextlib import contextmanager, suppress

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils.cache import cc_delim_re, patch_cache_control
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site

# Changing one of these changes what every page may show: the phone in the header, a stone's
# price on services, testimonials on the home page, photos and their renditions.
SITE_WIDE = [
    "site_settings.BusinessSettings",
    "site_settings.SearchEngineSettings",
    "materials.Material",
    "pricing.EdgeProfile",  # the edge profiles page and the estimate builder
    "home.Testimonial",
    "images.CustomImage",
]
logger = logging.getLogger(__name__)
SHARED_STATUSES = {200, 301, 404}
PRIVATE_PREFIXES = ("/admin/", "/documents/")
# Unknown addresses are many and show the phone number: keep their 404s only briefly.
NOT_FOUND_SECONDS = 60


class SharedCacheMiddleware:
    """Sets Cache-Control on every response that does not set its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control") or request.path.startswith(PRIVATE_PREFIXES):
            return response
        if is_personal(request, response):
            mark_private(response)
        elif request.method in ("GET", "HEAD") and response.status_code in SHARED_STATUSES:
            seconds = settings.PAGE_CACHE_SECONDS
            if response.status_code == 404:
                seconds = min(seconds, NOT_FOUND_SECONDS)
            patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
            # The same for every visitor: a cookie (the form's token, analytics) must not
            # split the shared cache. Signed-in staff never reach this branch.
            vary = [v for v in cc_delim_re.split(response.get("Vary", "")) if v]
            if any(v.lower() == "cookie" for v in vary):
                response["Vary"] = ", ".join(v for v in vary if v.lower() != "cookie")
                if not response["Vary"]:
                    del response["Vary"]
        else:
            mark_private(response)
        return response


def mark_private(response):
    """For this visitor only: no shared cache keeps it, the browser asks again each time."""
    patch_cache_control(response, private=True, no_cache=True)
    return response


def is_personal(request, response):
    user = getattr(request, "user", None)
    return bool(
        (user is not None and user.is_authenticated)
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a form token was put in the page
        or response.cookies
    )


def purge_page(sender, instance, **kwargs):
    """Published or unpublished: the page and the pages that list it, then the sitemap. A
    top-level page is in every page's menu and footer, so then everything goes."""
    page = instance.specific_deferred
    if page.depth <= 3:
        return purge_everything()
    batch = PurgeBatch()
    batch.add_pages(page.purge_set() if hasattr(page, "purge_set") else [page])
    if site := page.get_site():
        batch.add_url(site.root_url + reverse("sitemap"))
    purge_on_commit(batch)


def purge_everything(**kwargs):
    """Every live page and the site-wide addresses, after commit."""
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().filter(depth__gt=1))
    for site in Site.objects.all():
        batch.add_urls(site.root_url + path for path in site_wide_paths())
    purge_on_commit(batch)


def site_wide_paths():
    return [reverse("sitemap"), reverse("robots_txt"), reverse("search")]


def purge_on_commit(batch):
    if settings.WAGTAILFRONTENDCACHE:
        transaction.on_commit(batch.purge)


# A new photo is shown nowhere until a page that uses it is published (and purged then); a
# settings row is made with its defaults the first time a page reads it.
SHOWN_ONLY_ONCE_CHANGED = {
    "images.CustomImage",
    "site_settings.BusinessSettings",
    "site_settings.SearchEngineSettings",
}
# Wagtail records a photo's size and hash on first use, and which revision a snippet's latest
# is; neither changes anything a visitor sees.
BOOKKEEPING_FIELDS = {"file_size", "file_hash", "latest_revision"}


def site_wide_change(sender, created=False, raw=False, update_fields=None, **kwargs):
    """Something every page may show changed (SITE_WIDE), a page's privacy, a site, or a page
    moved (its address and those below it)."""
    if raw or (update_fields and set(update_fields) <= BOOKKEEPING_FIELDS):
        return
    if created and sender._meta.label in SHOWN_ONLY_ONCE_CHANGED:
        return
    forget_chrome()
    purge_everything()


def page_saved_or_deleted(sender, raw=False, **kwargs):
    # Drafts too: cheap, and it keeps the menu right for pages made live without a publish.
    if not raw:
        forget_chrome()


def purge_redirect(sender, instance, raw=False, **kwargs):
    """The old address now redirects, or no longer does."""
    if not raw:
        purge_on_commit(PurgeBatch(instance.old_links()))


CHROME_VERSION = "lm:chrome-version"
# What this request has read already: a page asks for the menu, the settings and the view
# restrictions several times, and each read is a round trip to Redis.
_read_in_this_request = contextvars.ContextVar("chrome_read_in_this_request", default=None)


@contextmanager
def chrome_read_once():
    """Within this block (a request, core/navigation.py), each entry is read once."""
    token = _read_in_this_request.set({})
    try:
        yield
    finally:
        _read_in_this_request.reset(token)


def chrome(name, make):
    """What every page shows and seldom changes, from the cache; `make()` when it is not there.
    Entries carry the current version, so `forget_chrome` drops them all at once."""
    if not settings.CHROME_CACHE_SECONDS:
        return make()
    read = _read_in_this_request.get()
    if read is None:
        read = {}  # outside a request (a task, the shell): no memory between calls
    if name not in read:
        read[name] = _chrome(name, make, read)
    return read[name]


# Entries this process has read, pickled, with the version they belong to: a request checks
# the version once, and uses these while it holds; a change made anywhere else is seen on the
# next request. A fresh copy each time: nothing one request sets on them reaches another.
_read_in_this_process = {}


def _chrome(name, make, read):
    try:
        if CHROME_VERSION not in read:
            read[CHROME_VERSION] = cache.get_or_set(CHROME_VERSION, time.time_ns, None)
        version = read[CHROME_VERSION]
        if (kept := _read_in_this_process.get(name)) and kept[0] == version:
            return pickle.loads(kept[1])  # noqa: S301 - written by this process just before
        key = f"lm:chrome:{version}:{name}"
        value = cache.get(key)
    except Exception:  # the cache is an accelerator: without it, read the database
        logger.warning("Cache unavailable; %s read from the database", name, exc_info=True)
        return make()
    if value is None:
        value = make()
        with suppress(Exception):
            cache.set(key, value, settings.CHROME_CACHE_SECONDS)
    _read_in_this_process[name] = (version, pickle.dumps(value))
    return value


def forget_chrome():
    # Now, for the rest of this request, and again after commit: a page rendered in between
    # could have cached what the transaction was about to replace.
    _forget()
    transaction.on_commit(_forget)


def _forget():
    if (read := _read_in_this_request.get()) is not None:
        read.clear()
    try:
        cache.delete(CHROME_VERSION)
    except Exception:
        # Entries then live out CHROME_CACHE_SECONDS; say so where someone will see it.
        logger.error("Cache unavailable: the menu and settings may be stale", exc_info=True)
