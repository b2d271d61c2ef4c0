"""A per-address limit on form posts, counted in the cache (Redis in production)."""

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60


def client_address(request):
    """The visitor's address. Behind a proxy, set TRUSTED_PROXY_HEADER to the header it fills."""
    header = getattr(settings, "TRUSTED_PROXY_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(request):
    """Count this post; True once an address has posted more than the limit in a minute."""
    key = f"contact-posts:{client_address(request)}"
    # add() sets the window only when the key is new; incr() is atomic in Redis and locmem.
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # the window expired between add() and incr()
        cache.add(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count > getattr(settings, "CONTACT_POSTS_PER_MINUTE", 5)
