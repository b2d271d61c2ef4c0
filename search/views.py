"""Site search at /search/: every live public page, with editors' pinned results first."""

from collections import defaultdict

from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from core.cache import mark_private

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    """One search over every live, public page, with the results editors pinned on top.

    Services, articles, gallery captions, the stones on the materials page and plain pages
    are all pages, so one query ranks them together. Nothing is written on a search.
    """
    query = clean_query(request.GET.get("q", ""))
    promotions, results = [], []
    if query:
        promotions = promoted_results(query)
        pinned = [promotion.page_id for promotion in promotions if promotion.page_id]
        results = Page.objects.live().public().exclude(pk__in=pinned).specific().search(query)
    results = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    results.object_list = list(results.object_list)
    prefetch_photos(results.object_list)
    result_count = len(promotions) + results.paginator.count
    if results.number > 1:
        promotions = []  # pinned results open the first page only
    # A hit can list what matched inside it, e.g. the stones on the materials page.
    for promotion in promotions:
        promotion.matches = matches_inside(
            promotion.page and promotion.page.specific_deferred, query
        )
    for page in results.object_list:
        page.matches = matches_inside(page, query)
    response = TemplateResponse(
        request,
        "search/search.html",
        {
            "query": query,
            "promotions": promotions,
            "results": results,
            "result_count": result_count,
        },
    )
    # Endless query variants would crowd real pages out of a shared cache.
    return mark_private(response) if query else response


def matches_inside(page, query):
    search_matches = getattr(page, "search_matches", None)  # pages of every type may be hits
    return search_matches(query) if search_matches else []


def prefetch_photos(pages):
    """Each result's photo and its sizes in one query per page type, not one per result."""
    by_type = defaultdict(list)
    for page in pages:
        if hasattr(page, "hero_image_id"):
            by_type[type(page)].append(page)
    for group in by_type.values():
        prefetch_related_objects(group, "hero_image__renditions")


def clean_query(raw):
    """Printable words only, at most MAX_QUERY_LENGTH characters, no double quotes.

    Control characters (NUL breaks PostgreSQL) become spaces. Double quotes too: the search
    does not do phrases, and an unpaired one breaks SQLite's full-text search.
    """
    text = raw[: MAX_QUERY_LENGTH * 4].replace('"', " ")
    text = "".join(char if char.isprintable() else " " for char in text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def promoted_results(query):
    """Editors' picks for this exact query (Settings > Promoted search results), live only."""
    promotions = list(
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query)
        ).select_related("page")
    )
    live = set(
        Page.objects.live()
        .public()
        .filter(pk__in=[p.page_id for p in promotions if p.page_id])
        .values_list("pk", flat=True)
    )
    return [p for p in promotions if p.page_id in live or (not p.page_id and p.external_link_url)]
