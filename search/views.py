"""Site search at /search/: every live public page, with editors' pinned results first."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from core import navigation
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
        results = (
            navigation.public(Page.objects.live()).exclude(pk__in=pinned).specific().search(query)
        )
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
    """Every result's photo in one query, whatever types the pages are."""
    with_photo = [page for page in pages if getattr(page, "hero_image_id", None)]
    photos = get_image_model().objects.in_bulk({page.hero_image_id for page in with_photo})
    for page in with_photo:
        page.hero_image = photos.get(page.hero_image_id)


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
    public_pages = navigation.public(Page.objects.live())
    return list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .filter(Q(page__in=public_pages) | Q(page__isnull=True, external_link_url__gt=""))
        .select_related("page")
    )
