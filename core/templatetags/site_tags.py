"""Navigation, links and search-engine data that every page template needs.

Page types answer for themselves (their feed, their JSON-LD, whether they take estimate
requests); these tags ask, so this file names no page type.
"""

import json

from django import template
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

from core import security, seo
from core.navigation import top_pages

register = template.Library()


@register.simple_tag
def early_script():
    """The one inline script, which the Content-Security-Policy allows by its hash."""
    return security.early_script()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level pages that editors ticked 'Show in menus' for."""
    return [page for page in top_pages(context["request"]) if page.show_in_menus]


@register.simple_tag(takes_context=True)
def footer_links(context):
    """Every top-level page, in the order of the page tree."""
    return top_pages(context["request"])


@register.simple_tag(takes_context=True)
def top_page(context, page_type):
    """The live top-level page of a type ("materials.MaterialIndexPage"), or None."""
    for page in top_pages(context["request"]):
        if page.specific_class._meta.label_lower == page_type.lower():
            return page
    return None


@register.simple_tag(takes_context=True)
def feed_link(context):
    """(title, URL) of the first RSS feed a top-level page offers, for the autodiscovery link."""
    request = context["request"]
    for page in top_pages(request):
        if feed_path := getattr(page.specific_class, "feed_path", ""):
            return page.title, page.get_url(request) + feed_path
    return None


@register.simple_tag(takes_context=True)
def estimate_url(context):
    """Where 'Request an estimate' buttons go: the live page that takes the requests."""
    request = context["request"]
    if not hasattr(request, "_estimate_url"):
        request._estimate_url = "/contact/"
        for page in top_pages(request):
            if getattr(page.specific_class, "takes_estimate_requests", False):
                request._estimate_url = page.get_url(request)
                break
    return request._estimate_url


@register.simple_tag(takes_context=True)
def is_active(context, menu_page):
    """True when the current page is the menu page or lies below it."""
    page = context.get("page")
    if page is None:
        return False
    return page.url_path.startswith(menu_page.url_path)


@register.simple_tag(takes_context=True)
def breadcrumb_pages(context):
    page = context.get("page")
    return page.breadcrumb_pages(context["request"]) if hasattr(page, "breadcrumb_pages") else []


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's address without query strings (filters and page numbers)."""
    request = context["request"]
    return seo.root_url(request) + request.path


@register.simple_tag(takes_context=True)
def share_image_url(context, default_image=None):
    """A wide rendition of the page's photo, else of `default_image` (from Settings), else ""."""
    request, page = context["request"], context.get("page")
    image = page.share_photo(request) if hasattr(page, "share_photo") else None
    return seo.image_url(request, image) if image else _share_image_url(request, default_image)


def _share_image_url(request, image):
    """The wide rendition of the default share image, "" without one. Worked out on the first
    call of a request: base.html hands the same image to both tags that need it."""
    if not hasattr(request, "_default_share_image_url"):
        request._default_share_image_url = seo.image_url(request, image) if image else ""
    return request._default_share_image_url


@register.simple_tag(takes_context=True)
def structured_data(context, default_image=None):
    """JSON-LD: the business on every page, plus whatever the page says about itself."""
    request, page, business = context["request"], context.get("page"), context.get("business")
    blocks = []
    if business:
        blocks.append(business.structured_data(request, _share_image_url(request, default_image)))
    if hasattr(page, "structured_data"):
        blocks += page.structured_data(request)
    return mark_safe(
        "".join(
            '<script type="application/ld+json">'
            + json.dumps(block, ensure_ascii=False).translate(_json_script_escapes)
            + "</script>"
            for block in blocks
        )
    )
