"""The Content-Security-Policy of every response (django-csp), and the one inline script the
public pages carry.

Public pages run only this site's own scripts: files under /static/, and `EARLY_SCRIPT`, the
one line that must run before the page paints, allowed by its hash (so no nonce is needed and
Varnish may keep the page for everyone). JSON-LD and the estimate figures are data blocks,
which browsers never run. No inline styles: a style attribute is refused; the one style block
allowed, by its hash, is the error pages' (templates/errors/static_page.html), which must look
right even when static files cannot be reached. The signed-in admin gets the looser policy
Wagtail works under (ADMIN_CONTENT_SECURITY_POLICY in the settings).
"""

import base64
import functools
import hashlib
import re

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.template import loader
from django.utils.safestring import mark_safe

# Marks the page as scripted before the first paint: the menu's collapsed styles apply at once.
EARLY_SCRIPT = 'document.documentElement.classList.add("js")'


def script_hash(source):
    """The Content-Security-Policy source that allows this inline script or style block."""
    digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
    return f"'sha256-{digest}'"


@functools.cache
def error_page_style_hash():
    """The hash of the error pages' style block, read from their template."""
    source = loader.get_template("errors/static_page.html").template.source
    return script_hash(re.search(r"<style>(.*?)</style>", source, re.S)[1])


def early_script():
    return mark_safe(f"<script>{EARLY_SCRIPT}</script>")  # a constant, not input


# What a visitor's browser sends to the public site; the admin keeps whatever Wagtail uses.
PUBLIC_METHODS = {"GET", "HEAD", "POST"}


class PublicMethodsMiddleware:
    """Any other method (TRACE, OPTIONS, PUT...) on a public address gets 405, not the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in PUBLIC_METHODS and not request.path_info.startswith(
            settings.ADMIN_PATH_PREFIXES
        ):
            return HttpResponseNotAllowed(sorted(PUBLIC_METHODS))
        return self.get_response(request)


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's policy and the early script's hash, which also
    keeps this site's files from being embedded by other sites (Cross-Origin-Resource-Policy)."""

    def process_response(self, request, response):
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        staff = getattr(request, "user", None) is not None and request.user.is_authenticated
        if staff and request.path_info.startswith(settings.ADMIN_PATH_PREFIXES):
            parts.config = parts.config or settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        else:
            parts.update = {
                **(parts.update or {}),
                "script-src": [script_hash(EARLY_SCRIPT)],
                "style-src": [error_page_style_hash()],
            }
        return parts
