"""What a shared cache may keep (Cache-Control, ETag) and what is purged when content changes."""

import socket

import pytest
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from blog.factories import ArticlePageFactory, BlogIndexPageFactory
from config.settings.base import redis_caches
from conftest import sign_in
from contact.factories import make_contact_page
from core import cache as core_cache
from core.tests.purge_backend import PURGED
from home.models import StandardPage
from images.factories import ImageFactory
from materials.factories import MaterialFactory
from services.factories import ServiceIndexPageFactory, ServicePageFactory
from site_settings.models import BusinessSettings
from staff.roles import EDITORS

pytestmark = pytest.mark.django_db

SHARED = {"public", "max-age=0", "s-maxage=3600"}
PRIVATE = {"private", "no-cache"}


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what waits for the commit (the purges), as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def blog(home, business):
    blog = BlogIndexPageFactory(parent=home)
    article = ArticlePageFactory(parent=blog, title="Carrara", slug="carrara")
    article.tags.add("marble")
    article.save_revision().publish()
    return blog


def test_public_pages_are_shared_and_revalidated_by_browsers(client, blog):
    for url in ["/", "/blog/", "/blog/carrara/", "/blog/feed/", "/blog/tags/marble/", "/search/"]:
        response = client.get(url)
        assert cache_control(response) == SHARED, url
        assert "ETag" in response, url
        assert not response.cookies, url


def test_a_revalidation_costs_a_304(client, blog):
    etag = client.get("/blog/carrara/")["ETag"]

    assert client.get("/blog/carrara/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_html_is_compressed_for_clients_that_ask(client, blog):
    response = client.get("/blog/", HTTP_ACCEPT_ENCODING="gzip")

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


def test_unknown_addresses_are_kept_only_briefly(client, home, business):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert cache_control(response) == {"public", "max-age=0", "s-maxage=60"}


def test_personal_and_one_off_responses_are_never_shared(client, blog, staff_user):
    make_contact_page(blog.get_parent())

    assert cache_control(client.get("/contact/")) == PRIVATE  # the form's token
    assert cache_control(client.get("/search/", {"q": "marble"})) == PRIVATE
    sign_in(client, staff_user(EDITORS))
    assert cache_control(client.get("/blog/carrara/")) == PRIVATE  # the userbar
    assert "public" not in cache_control(client.get("/admin/"))


def test_publishing_an_article_purges_it_and_every_page_that_lists_it(blog, purged, committed):
    article = blog.get_children().get().specific
    article.title = "Carrara marble"
    with committed():
        article.save_revision().publish()

    assert set(purged) == {
        "http://localhost/",
        "http://localhost/blog/",
        "http://localhost/blog/feed/",
        "http://localhost/blog/tags/marble/",
        "http://localhost/blog/carrara/",
        "http://localhost/sitemap.xml",
    }


def test_unpublishing_purges_the_same_pages(blog, purged, committed):
    with committed():
        blog.get_children().get().specific.unpublish()

    assert "http://localhost/blog/carrara/" in purged and "http://localhost/blog/" in purged


def test_a_service_purge_leaves_the_blog_alone(home, business, purged, committed):
    services = ServiceIndexPageFactory(parent=home)
    service = ServicePageFactory(parent=services, slug="kitchens")

    with committed():
        service.save_revision().publish()

    assert set(purged) == {
        "http://localhost/",
        "http://localhost/services/",
        "http://localhost/services/kitchens/",
        "http://localhost/sitemap.xml",
    }


@pytest.mark.parametrize(
    "change",
    [
        lambda: BusinessSettings.objects.get().save(),
        lambda: MaterialFactory(name="Onyx"),
    ],
    ids=["business details", "a stone"],
)
def test_site_wide_changes_purge_every_page(blog, purged, committed, change):
    live = {page.full_url for page in Page.objects.live().filter(depth__gt=1)}

    with committed():
        change()

    assert live | {
        "http://localhost/sitemap.xml",
        "http://localhost/robots.txt",
        "http://localhost/search/",
    } <= set(purged)


def test_nothing_is_purged_when_the_change_is_rolled_back(blog, purged, committed):
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        MaterialFactory(name="Onyx")
        raise RuntimeError("the save fails")

    assert purged == []


def test_a_photos_first_use_purges_nothing(blog, purged, committed):
    image = blog.get_children().get().specific.hero_image
    image.file_size, image.file_hash = None, ""
    image.save()
    PURGED.clear()

    with committed():
        image.get_file_size()
        image.get_file_hash()

    assert purged == []


def test_the_menu_follows_publishing_and_view_restrictions(client, blog):
    home = blog.get_parent()
    client.get("/")  # the menu is now in the cache
    about = StandardPage(title="About us", slug="about", show_in_menus=True, live=False)
    home.add_child(instance=about)
    assert 'href="/about/"' not in client.get("/").content.decode()

    about.save_revision().publish()
    assert 'href="/about/"' in client.get("/").content.decode()

    PageViewRestriction.objects.create(page=about, restriction_type="password", password="x")
    assert 'href="/about/"' not in client.get("/").content.decode()


def test_business_details_are_read_once_then_kept_until_changed(client, blog, business):
    client.get("/")
    business.phone = "404.555.0100"
    business.save()

    assert "(404) 555-0100" in client.get("/").content.decode()


def test_without_a_shared_cache_nothing_is_kept(client, blog, settings):
    settings.CHROME_CACHE_SECONDS = 0
    client.get("/blog/carrara/")
    BusinessSettings.objects.filter(pk=BusinessSettings.objects.get().pk).update(
        business_name="Changed without signals"
    )

    assert "Changed without signals" in client.get("/blog/carrara/").content.decode()


def test_a_top_level_page_is_in_every_menu_so_publishing_it_purges_everything(
    blog, purged, committed
):
    with committed():
        blog.save_revision().publish()

    assert "http://localhost/blog/carrara/" in purged  # a page that only shows it in the menu


def test_a_new_password_takes_the_page_out_of_the_cache(blog, purged, committed):
    article = blog.get_children().get()

    with committed():
        PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")

    assert "http://localhost/blog/carrara/" in purged


def test_a_redirect_purges_its_old_address(home, business, purged, committed):
    with committed():
        Redirect.objects.create(old_path="/old-prices", redirect_link="/materials/", site=None)

    assert purged == ["http://localhost/old-prices"]


class CountingCache:
    """The Django cache, noting each key read."""

    def __init__(self, real):
        self.real, self.read = real, []

    def get(self, key, *args, **kwargs):
        self.read.append(key)
        return self.real.get(key, *args, **kwargs)

    def get_or_set(self, key, *args, **kwargs):
        self.read.append(key)
        return self.real.get_or_set(key, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_a_page_reads_each_cached_entry_once(client, blog, monkeypatch):
    counting = CountingCache(core_cache.cache)
    monkeypatch.setattr(core_cache, "cache", counting)
    client.get("/")
    counting.read.clear()

    client.get("/")

    assert counting.read, "the menu and settings come from the cache"
    assert len(counting.read) == len(set(counting.read)), counting.read


def test_a_password_on_a_section_covers_its_pages_at_once(client, blog):
    assert "Carrara" in client.get("/blog/carrara/").content.decode()  # now in the cache

    PageViewRestriction.objects.create(page=blog, restriction_type="password", password="x")
    response = client.get("/blog/carrara/")

    assert 'name="password"' in response.content.decode()
    assert "PRIVATE" not in response  # Wagtail's own never-cache headers
    assert "no-cache" in response["Cache-Control"]


def test_a_change_made_by_another_process_is_seen_on_the_next_request(client, blog, business):
    client.get("/")  # this process now keeps the business details
    BusinessSettings.objects.filter(pk=business.pk).update(phone="404.555.0199")
    core_cache.cache.delete(core_cache.CHROME_VERSION)  # what that process's save did

    assert "(404) 555-0199" in client.get("/").content.decode()


def test_pages_are_served_without_redis(client, blog, settings):
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{port}/0")  # what production uses
    blog.get_children().get().specific.hero_image = ImageFactory()

    for path in ["/", "/blog/", "/blog/carrara/", "/blog/feed/", "/sitemap.xml", "/search/?q=x"]:
        assert client.get(path).status_code == 200, path


def test_publishing_goes_on_while_varnish_is_down(client, blog, settings, committed, caplog):
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }
    article = blog.get_children().get().specific
    article.title = "Carrara, revised"

    with committed():
        article.save_revision().publish()

    assert "Carrara, revised" in client.get("/blog/carrara/").content.decode()
    assert "Connection refused" in caplog.text  # said where someone will see it
