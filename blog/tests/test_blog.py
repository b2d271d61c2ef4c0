import datetime
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.factories import ArticlePageFactory, ArticleSourceFactory, BlogIndexPageFactory
from blog.models import ArticlePage, BlogIndexPage
from home.models import HomePage

pytestmark = pytest.mark.django_db

# Warm process: settings, menu and breadcrumbs come from the cache (core/cache.py `chrome`).
# Routing, view restrictions, count, articles, images, renditions, tags, tag list.
BLOG_INDEX_QUERIES = 7
TAG_LISTING_QUERIES = 8
FEED_QUERIES = 5
ARTICLE_QUERIES = 6


@pytest.fixture
def blog(home, business):
    return BlogIndexPageFactory(parent=home)


def make_articles(blog, count, start=datetime.date(2026, 1, 1), prefix="Article"):
    return [
        ArticlePageFactory(
            parent=blog, title=f"{prefix} {i:02d}", date=start + datetime.timedelta(i)
        )
        for i in range(count)
    ]


def titles(response):
    return [article.title for article in response.context["articles"]]


def test_index_lists_newest_first_ten_per_page(client, blog):
    make_articles(blog, 12)

    first = client.get("/blog/")
    second = client.get("/blog/?page=2")

    assert titles(first) == [f"Article {i:02d}" for i in range(11, 1, -1)]
    assert titles(second) == ["Article 01", "Article 00"]
    assert 'rel="next"' in first.content.decode()


@pytest.mark.parametrize(
    "junk, shown",
    [("abc", 1), ("1.5", 1), ("%00", 1), ("", 1), ("0", 2), ("-3", 2), ("999", 2)],
)
def test_junk_page_numbers_fall_back_to_a_real_page(client, blog, junk, shown):
    make_articles(blog, 12)

    response = client.get(f"/blog/?page={junk}")

    assert response.status_code == 200
    assert response.context["articles"].number == shown
    assert len(titles(response)) == {1: 10, 2: 2}[shown]


def test_unpublished_articles_are_not_listed(client, blog):
    ArticlePageFactory(parent=blog, title="Draft piece", live=False)
    ArticlePageFactory(parent=blog, title="Published piece")

    assert titles(client.get("/blog/")) == ["Published piece"]


def test_tag_filter_by_query_and_by_path(client, blog):
    marble = ArticlePageFactory(parent=blog, title="Carrara")
    marble.tags.add("marble")
    marble.save()
    granite = ArticlePageFactory(parent=blog, title="Granite kitchens")
    granite.tags.add("granite")
    granite.save()

    assert titles(client.get("/blog/?tag=marble")) == ["Carrara"]
    by_path = client.get("/blog/tags/granite/")
    assert titles(by_path) == ["Granite kitchens"]
    assert "Articles tagged <strong>granite</strong>" in by_path.content.decode()


def test_unknown_tag_is_not_found(client, blog):
    make_articles(blog, 1)

    assert client.get("/blog/tags/no-such-tag/").status_code == 404
    assert client.get("/blog/?tag=no-such-tag").status_code == 404


def test_tags_of_unpublished_articles_stay_private(client, blog):
    draft = ArticlePageFactory(parent=blog, title="Draft", live=False)
    draft.tags.add("secret-project")
    draft.save()
    public = ArticlePageFactory(parent=blog, title="Public")
    public.tags.add("marble")
    public.save()

    html = client.get("/blog/").content.decode()

    assert "secret-project" not in html
    assert 'href="/blog/tags/marble/"' in html
    assert client.get("/blog/tags/secret-project/").status_code == 404


def test_article_shows_body_sources_review_date_and_reading_time(client, blog):
    article = ArticlePageFactory(
        parent=blog,
        title="The Treaty of Moscow",
        slug="treaty-of-moscow",
        author="Office staff",
        date=datetime.date(2026, 3, 16),
        last_reviewed=datetime.date(2026, 11, 2),
        body=[
            {"type": "heading", "value": {"text": "Signed in March 1921", "level": "h2"}},
            {"type": "paragraph", "value": "<p>" + "word " * 500 + "</p>"},
            {"type": "footnote", "value": {"text": "<p>Dates are New Style.</p>", "source": 2}},
        ],
        source=None,
    )
    ArticleSourceFactory(page=article, title="First source", sort_order=0)
    ArticleSourceFactory(page=article, title="Second source", url="", sort_order=1)
    article.save()

    html = client.get("/blog/treaty-of-moscow/").content.decode()

    assert "<h1>The Treaty of Moscow</h1>" in html
    assert "By Office staff" in html
    assert "3 min read" in html
    assert '<a href="#source-2">(source 2)</a>' in html
    assert '<li id="source-2">' in html and "<cite>Second source</cite>" in html
    assert "Facts last checked on" in html and "November 2, 2026" in html


def test_rss_feed_is_valid_and_autodiscovered(client, blog):
    make_articles(blog, 3)
    article = ArticlePage.objects.get(title="Article 02")
    article.tags.add("history")
    article.save()

    response = client.get("/blog/feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    rss = ET.fromstring(response.content)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("link") == "http://localhost/blog/"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Article 02", "Article 01", "Article 00"]
    first = items[0]
    assert first.findtext("link") == "http://localhost/blog/article-02/"
    assert first.findtext("description") == "Introduction to Article 02."
    assert parsedate_to_datetime(first.findtext("pubDate")).date() == datetime.date(2026, 1, 3)
    assert first.findtext("category") == "history"

    for url in ["/blog/", "/blog/article-02/"]:
        html = client.get(url).content.decode()
        assert '<link rel="alternate" type="application/rss+xml"' in html
        assert 'href="/blog/feed/"' in html


def test_feed_readers_accept_the_feed_as_rss_2(client, blog):
    make_articles(blog, 2)

    feed = feedparser.parse(client.get("/blog/feed/").content)

    assert feed.bozo is False, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert feed.feed.links[0].href == "http://localhost/blog/"
    assert {link.rel: link.href for link in feed.feed.links}["self"].endswith("/blog/feed/")
    entry = feed.entries[0]
    assert entry.link == "http://localhost/blog/article-01/"
    assert entry.summary == "Introduction to Article 01."
    assert entry.published_parsed[:3] == (2026, 1, 2)
    assert entry.author


def test_index_query_count_is_pinned_and_flat(client, blog):
    for article in make_articles(blog, 3):
        article.tags.add("history")
        article.save()
    client.get("/blog/")
    with CaptureQueriesContext(connection) as before:
        client.get("/blog/")

    for article in make_articles(blog, 5, start=datetime.date(2026, 6, 1), prefix="Later"):
        article.tags.add("marble", "history")
        article.save()
    client.get("/blog/")
    with CaptureQueriesContext(connection) as after:
        response = client.get("/blog/")

    assert len(titles(response)) == 8
    assert len(before) == len(after) == BLOG_INDEX_QUERIES, [q["sql"][:120] for q in after]


def test_tag_listing_feed_and_article_query_counts_are_flat(client, blog):
    def counts():
        counted = []
        for url in ["/blog/tags/history/", "/blog/feed/", "/blog/article-00/"]:
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counted.append(len(queries))
        return counted

    for article in make_articles(blog, 3):
        article.tags.add("history")
        article.save()
    before = counts()
    for article in make_articles(blog, 5, start=datetime.date(2026, 6, 1), prefix="Later"):
        article.tags.add("history", "marble")
        article.save()

    assert counts() == before == [TAG_LISTING_QUERIES, FEED_QUERIES, ARTICLE_QUERIES]


def test_tree_rules():
    assert BlogIndexPage.allowed_parent_page_models() == [HomePage]
    assert BlogIndexPage.allowed_subpage_models() == [ArticlePage]
    assert ArticlePage.allowed_parent_page_models() == [BlogIndexPage]
    assert ArticlePage.allowed_subpage_models() == []


def test_an_unknown_article_or_route_under_the_blog_is_a_404(client, home, business):
    BlogIndexPageFactory(parent=home)

    assert client.get("/blog/no-such-article/").status_code == 404
    assert client.get("/blog/no-such-article/extra/").status_code == 404
    assert client.get("/blog/feed/").status_code == 200


def test_an_articles_tags_are_listed_by_name_on_every_render(client, blog):
    # Unordered, the listing and the article changed tag order between renders: two cached
    # copies, or a site and its restored backup, then differ.
    article = make_articles(blog, 1)[0]
    article.tags.add("quartz", "Design", "history")
    article.save_revision().publish()

    for path in (article.url, "/blog/"):
        html = client.get(path).content.decode()
        assert html.index(">Design<") < html.index(">history<") < html.index(">quartz<"), path
