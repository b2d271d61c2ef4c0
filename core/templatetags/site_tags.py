"""Navigation and links that every page template needs."""

from django import template
from wagtail.models import Site

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
