from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Page


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    """One search over every live, public page: services, articles, gallery captions, pages."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = Page.objects.live().public().specific().search(query) if query else []
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": query,
            "results": Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page")),
        },
    )
