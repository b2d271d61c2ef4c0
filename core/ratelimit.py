"""Per-address limits on what visitors may send (estimate posts, password resets), counted in
the cache (Redis in production). The cache is an accelerator: when it is down nothing is
counted, a warning is logged, and the request goes through."""

import ipaddress
import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def visitor_ip(request):
    """The visitor's IP address as sent. Behind a proxy, set TRUSTED_PROXY_HEADER to the header
    it fills; of a list such as X-Forwarded-For only the last entry, the one the proxy added,
    can be trusted."""
    header = getattr(settings, "TRUSTED_PROXY_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_address(request):
    """The visitor's address, as a key: IPv6 by its /64 network, which one person controls."""
    address = visitor_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def over_limit(key, limit, window_seconds):
    """Count one more for `key`; True once it has been counted more than `limit` times within
    a window of `window_seconds` that starts with its first count."""
    # add() sets the window only when the key is new; incr() is atomic in Redis and locmem.
    cache.add(key, 0, timeout=window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # the window expired between add() and incr()
        cache.add(key, 1, timeout=window_seconds)
        count = 1
    if count is None:  # the cache is down (its failures read as misses): let it through
        logger.warning("Cache unavailable: %s was not counted", key)
        return False
    return count > limit
