"""Every public page of the demo site renders in at most ten queries once the process is warm,
and makes no photo size: the demo loader, like publishing, made them all before.

Each listing also pins its own count and shows it stays flat as content grows (the apps'
tests); this walks everything else a visitor can reach, so no page type slips past the budget.
"""

import re
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from images.models import CustomRendition
from tools.pages import slab_path

from .demo_snapshot import load_demo

QUERY_BUDGET = 10
# Addresses that are not pages of their own: routes inside pages and site-wide views. A slab's
# address is looked up once the demo is loaded (it holds the slab's id).
ROUTES = ["/blog/feed/", "/blog/tags/granite/", "/gallery/?material=granite", "/search/?q=granite",
          "/slabs/?kind=remnant&fits=60x22", slab_path("R-0171"), slab_path("R-0171", hold=True),
          "/sitemap.xml", "/robots.txt", "/no-such-page/"]  # fmt: skip


@pytest.fixture
def demo(db, home):
    load_demo()


def test_every_public_page_stays_within_the_query_budget(client, demo):
    paths = [page.url for page in Page.objects.live().public().filter(depth__gt=1)] + ROUTES
    prepared = set(CustomRendition.objects.values_list("image_id", "filter_spec"))
    counts = {}
    for path in paths:
        client.get(path)  # the first visit fills the cache: menu, settings, restrictions
        with CaptureQueriesContext(connection) as queries:
            status = client.get(path).status_code
        assert status in (200, 404), path
        counts[path] = len(queries)

    assert len(paths) > 20
    assert max(counts.values()) <= QUERY_BUDGET, {
        p: n for p, n in counts.items() if n > QUERY_BUDGET
    }
    # The demo loader prepared every photo size these pages show: no visitor waited for one.
    made = set(CustomRendition.objects.values_list("image_id", "filter_spec")) - prepared
    assert not made, sorted(made)


def unordered_listings(queries):
    """SELECTs that may return several rows with no stated order. Not counted: lookups of one
    row, counts, and fetches of rows by their ids, which are put in the order of the ids."""
    return [
        query["sql"]
        for query in queries
        if query["sql"].startswith("SELECT")
        and "ORDER BY" not in query["sql"]
        and not re.search(r'LIMIT (1|21)\b|COUNT\(|SELECT 1 AS "a"', query["sql"])
        and not re.search(r'WHERE "\w+"\."id" IN \([^)]*\)$', query["sql"])
    ]


def test_every_listing_has_an_explicit_order(client, demo):
    """A listing in no stated order may change between two renders of the same page (as the
    blog's tags once did), which a cache or a reader then sees as a change."""
    paths = [page.url for page in Page.objects.live().public().filter(depth__gt=1)] + ROUTES
    unordered = {}
    for path in paths:
        client.get(path)  # warm, as above
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        for sql in unordered_listings(queries.captured_queries):
            unordered.setdefault(sql[:200], path)

    assert unordered == {}


# Control characters in each place a query string can hold them.
CONTROL_VALUES = ["\x00", "granite\x00", "\x1b[31m", "\x7f", "\r\nSet-Cookie: x=1"]


def test_control_characters_in_any_parameter_never_break_a_page(client, demo):
    paths = [page.url for page in Page.objects.live().public().filter(depth__gt=1)] + ROUTES
    failures = []
    for path in paths:
        base, _, query = path.partition("?")
        for name in ["tag", "page", "material", "room", "q", "stone"]:
            for value in CONTROL_VALUES:
                url = f"{base}?{urlencode({name: value})}" + (f"&{query}" if query else "")
                status = client.get(url).status_code
                if status not in (200, 404):
                    failures.append((url, status))
        status = client.get(f"{base}?%00=1").status_code  # in a parameter's name
        if status not in (200, 404):
            failures.append((f"{base}?%00=1", status))

    assert failures == []


def test_a_filter_with_a_control_character_shows_the_unfiltered_page(client, demo):
    unfiltered = client.get("/blog/").content
    assert client.get("/blog/?tag=%00").content == unfiltered
    assert client.get("/gallery/?material=granite%00").content == client.get("/gallery/").content
