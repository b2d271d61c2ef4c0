from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap

from core import navigation, seo
from site_settings.models import SearchEngineSettings


@require_GET
def robots_txt(request):
    """The admin is always disallowed; editors add rules in Settings; staging hides it all."""
    if settings.ROBOTS_DISALLOW_ALL:
        rules = ["Disallow: /"]  # nothing an editor adds may open a staging copy up
    else:
        rules = ["Disallow: /admin/"]
        rules += SearchEngineSettings.for_request(request).robots_rules
    lines = [
        "User-agent: *",
        *rules,
        "",
        f"Sitemap: {seo.root_url(request)}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def security_txt(request):
    """/.well-known/security.txt (RFC 9116): whom to tell about a security problem, and until
    when that holds (SECURITY_CONTACT, SECURITY_TXT_EXPIRES)."""
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {settings.SECURITY_TXT_EXPIRES:%Y-%m-%dT%H:%M:%SZ}",
        "Preferred-Languages: en",
        f"Canonical: {seo.root_url(request)}{reverse('security_txt')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


class PublicPagesSitemap(Sitemap):
    """Every live, public page's address and date. Wagtail's own loads each page as its type
    (a query per page type) so that a type can list extra addresses; none of ours does."""

    def items(self):
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True).live()
        return navigation.public(pages).order_by("path")


def sitemap_xml(request):
    return sitemap(request, sitemaps={"pages": PublicPagesSitemap})
