"""Navigation, links and search-engine data that every page template needs."""

import json

from django import template
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe
from wagtail.models import Site

from core import seo
from site_settings.models import SearchEngineSettings

register = template.Library()


def _site_root(request):
    if not hasattr(request, "_site_root"):
        site = Site.find_for_request(request)
        request._site_root = site.root_page if site else None
    return request._site_root


def _top_pages(request):
    """Public pages directly under the home page, fetched once per request."""
    if not hasattr(request, "_top_pages"):
        root = _site_root(request)
        request._top_pages = list(root.get_children().live().public()) if root else []
    return request._top_pages


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level pages that editors ticked 'Show in menus' for."""
    return [page for page in _top_pages(context["request"]) if page.show_in_menus]


@register.simple_tag(takes_context=True)
def footer_links(context):
    """Every top-level page, in the order of the page tree."""
    return _top_pages(context["request"])


@register.simple_tag(takes_context=True)
def blog_feed(context):
    """(title, URL) of the blog's RSS feed for the autodiscovery link on every page."""
    from blog.models import BlogIndexPage

    request = context["request"]
    for page in _top_pages(request):
        if page.specific_class is BlogIndexPage:
            return page.title, page.get_url(request) + BlogIndexPage.get_resolver().reverse("feed")
    return None


@register.simple_tag(takes_context=True)
def estimate_url(context):
    """Where 'Request an estimate' buttons go: the live contact page, else the contact URL."""
    from contact.models import ContactPage

    request = context["request"]
    if not hasattr(request, "_estimate_url"):
        page = ContactPage.objects.live().public().only("url_path").first()
        request._estimate_url = page.get_url(request) if page else "/contact/"
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
    """The pages above this one, below the site root; fetched once per request."""
    request, page = context["request"], context.get("page")
    if page is None or page.depth <= 2:
        return []
    if getattr(request, "_breadcrumbs_for", None) != page.pk:
        request._breadcrumbs = list(page.get_ancestors().filter(depth__gte=2))
        request._breadcrumbs_for = page.pk
    return request._breadcrumbs


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's address without query strings (filters and page numbers)."""
    request = context["request"]
    return seo.root_url(request) + request.path


@register.simple_tag(takes_context=True)
def share_image_url(context):
    """A wide rendition of the page's photo, else the default from Settings, else nothing."""
    request, page = context["request"], context.get("page")
    image = getattr(page, "hero_image", None) if page else None
    return seo.image_url(request, image) if image else default_share_image_url(request)


def default_share_image_url(request):
    """The default share image's wide rendition, looked up once per request (or "")."""
    if not hasattr(request, "_default_share_image_url"):
        image = SearchEngineSettings.for_request(request).share_image
        request._default_share_image_url = seo.image_url(request, image) if image else ""
    return request._default_share_image_url


@register.simple_tag(takes_context=True)
def structured_data(context):
    """JSON-LD: the business on every page, plus breadcrumbs and the article, service or gallery."""
    from blog.models import ArticlePage
    from gallery.models import GalleryPage
    from services.models import ServicePage

    request, page, business = context["request"], context.get("page"), context.get("business")
    blocks = []
    if business:
        blocks.append(seo.business_data(request, business, default_share_image_url(request)))
    if page is not None:
        ancestors = breadcrumb_pages(context)
        if ancestors:
            blocks.append(seo.breadcrumb_data(request, page, ancestors))
        if isinstance(page, ArticlePage):
            blocks.append(seo.article_data(request, page, business))
        elif isinstance(page, ServicePage):
            blocks.append(seo.service_data(request, page, business))
        elif isinstance(page, GalleryPage):
            blocks.append(seo.gallery_data(request, page, context.get("photos", [])))
    return mark_safe(
        "".join(
            '<script type="application/ld+json">'
            + json.dumps(block, ensure_ascii=False).translate(_json_script_escapes)
            + "</script>"
            for block in blocks
        )
    )
