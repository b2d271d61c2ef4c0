"""Every public page of the demo site renders in at most ten queries once the process is warm,
and makes no photo size: the demo loader, like publishing, made them all before.

Each listing also pins its own count and shows it stays flat as content grows (the apps'
tests); this walks everything else a visitor can reach, so no page type slips past the budget.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from images.models import CustomRendition

QUERY_BUDGET = 10
# Addresses that are not pages of their own: routes inside pages and site-wide views.
ROUTES = ["/blog/feed/", "/blog/tags/granite/", "/gallery/?material=granite", "/search/?q=granite",
          "/sitemap.xml", "/robots.txt", "/no-such-page/"]  # fmt: skip


@pytest.fixture
def demo(db, home):
    call_command("load_demo_content", small_images=True, verbosity=0)


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
