"""Navigation and links that every page template needs."""

from django import template
from wagtail.models import Site

register = template.Library()


def _site_root(request):
    if not hasattr(request, "_site_root"):
        site = Site.find_for_request(request)
        request._site_root = site.root_page if site else None
    return request._site_root


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Pages directly under the home page that editors ticked 'Show in menus' for."""
    request = context["request"]
    if not hasattr(request, "_main_menu"):
        root = _site_root(request)
        request._main_menu = list(root.get_children().live().in_menu()) if root else []
    return request._main_menu


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
