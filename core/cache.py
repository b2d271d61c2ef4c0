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

import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils.cache import patch_cache_control
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, PageViewRestriction, Site

# Changing one of these changes what every page shows (the phone in the header, a stone's price
# on services, testimonials on the home page, photos and their renditions) or where it is.
SITE_WIDE = [
    "site_settings.BusinessSettings",
    "site_settings.SearchEngineSettings",
    "materials.Material",
    "home.Testimonial",
    "images.CustomImage",
    "wagtailredirects.Redirect",
]
SHARED_STATUSES = {200, 301, 404}
PRIVATE_PREFIXES = ("/admin/", "/django-admin/", "/documents/")
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
    """A page was published or unpublished: purge it and the pages that list it, then the
    sitemap."""
    page = instance.specific_deferred
    batch = PurgeBatch()
    batch.add_pages(page.purge_set() if hasattr(page, "purge_set") else [page])
    if site := page.get_site():
        batch.add_url(site.root_url + reverse("sitemap"))
    _purge_on_commit(batch)


def purge_everything(**kwargs):
    """Every live page and the site-wide addresses, after commit."""
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().filter(depth__gt=1))
    for site in Site.objects.all():
        batch.add_urls(site.root_url + path for path in site_wide_paths())
    _purge_on_commit(batch)


# A new photo is shown nowhere until a page that uses it is published (and purged then); a
# settings row is made with its defaults the first time a page reads it.
SHOWN_ONLY_ONCE_CHANGED = {
    "images.CustomImage",
    "site_settings.BusinessSettings",
    "site_settings.SearchEngineSettings",
}
# Wagtail records a photo's size and hash on first use; that changes nothing a visitor sees.
BOOKKEEPING_FIELDS = {"file_size", "file_hash"}


def purge_everything_on_change(sender, created=False, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and set(update_fields) <= BOOKKEEPING_FIELDS):
        return
    if created and sender._meta.label in SHOWN_ONLY_ONCE_CHANGED:
        return
    forget_chrome()
    purge_everything()


def purge_everything_on_page_delete(sender, instance, **kwargs):
    # Deleting takes the pages below too, and moving changes their addresses: purge it all.
    if isinstance(instance, Page):
        forget_chrome()
        purge_everything()


CHROME_VERSION = "lm:chrome-version"


def chrome(name, make):
    """What every page shows and seldom changes, from the cache; `make()` when it is not there.
    Entries carry the current version, so `forget_chrome` drops them all at once."""
    if not settings.CHROME_CACHE_SECONDS:
        return make()
    version = cache.get_or_set(CHROME_VERSION, time.time_ns, None)
    key = f"lm:chrome:{version}:{name}"
    value = cache.get(key)
    if value is None:
        value = make()
        cache.set(key, value, settings.CHROME_CACHE_SECONDS)
    return value


def forget_chrome(**kwargs):
    # Now, for the rest of this request, and again after commit: a page rendered in between
    # could have cached what the transaction was about to replace.
    cache.delete(CHROME_VERSION)
    transaction.on_commit(lambda: cache.delete(CHROME_VERSION))


def forget_chrome_on_page_change(sender, instance, raw=False, **kwargs):
    if not raw and isinstance(instance, Page | PageViewRestriction | Site):
        forget_chrome()


def site_wide_paths():
    return [reverse("sitemap"), reverse("robots_txt"), reverse("search")]


def _purge_on_commit(batch):
    if settings.WAGTAILFRONTENDCACHE:
        transaction.on_commit(batch.purge)
