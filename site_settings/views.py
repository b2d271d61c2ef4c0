from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from core import seo
from site_settings.models import SearchEngineSettings


@require_GET
def robots_txt(request):
    """The admin is always disallowed; editors add rules in Settings; staging hides it all."""
    if settings.ROBOTS_DISALLOW_ALL:
        rules = ["Disallow: /"]  # nothing an editor adds may open a staging copy up
    else:
        rules = ["Disallow: /admin/", "Disallow: /django-admin/"]
        rules += SearchEngineSettings.for_request(request).robots_rules
    lines = [
        "User-agent: *",
        *rules,
        "",
        f"Sitemap: {seo.root_url(request)}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
