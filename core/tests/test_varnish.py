"""The real Varnish (Debian's package) with deploy/varnish/default.vcl in front of a live site:
pages are kept, publishing purges them, staff and forms are never served from the cache."""

import re
import urllib.error
import urllib.request
from http.cookiejar import CookieJar

import pytest

from blog.factories import ArticlePageFactory, BlogIndexPageFactory
from conftest import sign_in
from contact.factories import make_contact_page
from staff.roles import EDITORS

pytestmark = pytest.mark.django_db(transaction=True)


def fetch(url, cookie=None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers, response.read().decode()


@pytest.fixture
def blog(live_server, home, business):
    blog = BlogIndexPageFactory(parent=home, title="Stone history")
    article = ArticlePageFactory(parent=blog, title="Carrara quarries", slug="carrara")
    article.tags.add("marble")
    article.save_revision().publish()
    return blog


LISTINGS = ["/", "/blog/", "/blog/carrara/", "/blog/feed/", "/blog/tags/marble/"]


def test_publishing_reaches_visitors_through_the_cache_at_once(varnish, blog):
    for path in LISTINGS:
        assert fetch(varnish + path)[0]["X-Cache"] == "MISS", path
        assert fetch(varnish + path)[0]["X-Cache"] == "HIT", path

    article = blog.get_children().get().specific
    article.title = "Carrara: two thousand years of quarrying"
    article.save_revision().publish()

    for path in LISTINGS:
        headers, body = fetch(varnish + path)
        assert headers["X-Cache"] == "MISS", path
        assert "two thousand years" in body, path


def test_visitors_cannot_purge(varnish, blog):
    fetch(varnish + "/blog/")
    request = urllib.request.Request(varnish + "/blog/", method="PURGE")

    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)

    assert refused.value.code == 405
    assert fetch(varnish + "/blog/")[0]["X-Cache"] == "HIT"


def test_http_and_https_are_kept_apart(varnish, blog):
    fetch(varnish + "/blog/")
    request = urllib.request.Request(varnish + "/blog/", headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["X-Cache"] == "MISS"


def test_a_filtered_listing_goes_with_its_page(varnish, blog):
    fetch(varnish + "/blog/?tag=marble")
    assert fetch(varnish + "/blog/?tag=marble")[0]["X-Cache"] == "HIT"

    blog.get_children().get().specific.save_revision().publish()

    assert fetch(varnish + "/blog/?tag=marble")[0]["X-Cache"] == "MISS"


def test_staff_get_fresh_pages_and_visitors_never_get_theirs(varnish, blog, staff_user, client):
    sign_in(client, staff_user(EDITORS))
    session = f"sessionid={client.cookies['sessionid'].value}"

    for _ in range(2):
        headers, body = fetch(varnish + "/blog/carrara/", cookie=session)
        assert headers["X-Cache"] == "MISS"
        assert "wagtail-userbar" in body
    # A visitor who opened the estimate form once carries its token cookie everywhere.
    visitor = f"csrftoken={'a1' * 16}; _ga=GA1.1.5"
    headers, body = fetch(varnish + "/blog/carrara/", cookie=visitor)
    assert "wagtail-userbar" not in body and "Set-Cookie" not in headers
    assert "Cookie" not in headers.get("Vary", "")
    assert fetch(varnish + "/blog/carrara/")[0]["X-Cache"] == "HIT"


def test_forms_and_searches_are_never_served_from_the_cache(varnish, blog):
    make_contact_page(blog.get_parent())
    tokens = set()
    for _ in range(2):
        headers, body = fetch(varnish + "/contact/")
        assert headers["X-Cache"] == "MISS" and "csrftoken=" in headers["Set-Cookie"]
        tokens.add(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)[1])
        assert fetch(varnish + "/search/?q=marble")[0]["X-Cache"] == "MISS"
    assert len(tokens) == 2


def test_the_form_posts_through_the_cache_even_from_a_second_tab(varnish, blog):
    make_contact_page(blog.get_parent())
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    first_tab = opener.open(varnish + "/contact/", timeout=10).read().decode()
    opener.open(varnish + "/contact/", timeout=10).read()  # the same form opened again
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', first_tab)[1]

    response = opener.open(
        varnish + "/contact/", data=f"csrfmiddlewaretoken={token}".encode(), timeout=10
    )

    # The form comes back with what is missing, not Django's CSRF failure page.
    assert response.status == 200
    assert "Please check" in response.read().decode()
