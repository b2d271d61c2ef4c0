import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.template import loader
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction, get_page_models

from services.factories import ServiceIndexPageFactory, ServicePageFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_live_pages_with_absolute_urls(client, home, business):
    services = ServiceIndexPageFactory(parent=home)
    ServicePageFactory(parent=services, slug="vanities").save_revision().publish()
    ServicePageFactory(parent=services, slug="hidden", live=False)

    body = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://localhost/services/vanities/</loc>" in body
    assert "<lastmod>" in body
    assert "hidden" not in body


def test_sitemap_leaves_out_pages_behind_a_password(client, home, business):
    services = ServiceIndexPageFactory(parent=home)
    ServicePageFactory(parent=services, slug="vanities")
    PageViewRestriction.objects.create(page=services, restriction_type="password", password="x")

    body = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://localhost/</loc>" in body
    assert "/services/" not in body


def test_no_page_type_lists_extra_sitemap_addresses():
    # The sitemap reads pages as plain pages (site_settings.views.PublicPagesSitemap): a
    # type's own get_sitemap_urls would be skipped. Adding one means changing the sitemap.
    for model in get_page_models():
        assert model.get_sitemap_urls is Page.get_sitemap_urls, model


def test_unknown_page_gets_a_branded_404_with_the_phone(client, business):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html
    assert 'href="tel:+16783725976"' in html


def test_every_page_has_one_h1_a_skip_link_and_landmarks(client, home, business):
    html = client.get("/").content.decode()

    assert html.count("<h1") == 1
    assert '<a class="skip-link" href="#main">' in html
    for landmark in ['<main id="main"', "<header", "<footer", '<nav class="main-nav"']:
        assert landmark in html
    assert '<html lang="en">' in html


def test_500_page_needs_no_database_or_context_and_shows_the_phone(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = loader.get_template("500.html").render()

    assert "Sorry, something went wrong on our side" in html
    assert 'href="tel:+16783725976"' in html
    assert "{{" not in (settings.BASE_DIR / "templates" / "errors" / "static_page.html").read_text()


def run_settings(module, code="", **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        env={**clean, "DJANGO_SETTINGS_MODULE": module, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings("config.settings.production")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_secret_and_hosts_from_the_environment():
    result = run_settings(
        "config.settings.production", SECRET_KEY="x" * 50, ALLOWED_HOSTS="lmgranite.example"
    )

    assert result.returncode == 0, result.stderr


def test_purges_go_to_varnish_and_cloudflare_as_the_environment_says():
    result = run_settings(
        "config.settings.production",
        "from django.conf import settings\n"
        "for name, backend in settings.WAGTAILFRONTENDCACHE.items():\n"
        "    print(name, backend.get('LOCATION') or backend['ZONEID'])",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="lmgranite.example",
        FRONTEND_CACHE_URL="http://127.0.0.1:6082",
        CLOUDFLARE_ZONE_ID="zone-1",
        CLOUDFLARE_API_TOKEN="token",
    )

    assert result.stdout.split("\n")[:2] == ["varnish http://127.0.0.1:6082", "cloudflare zone-1"]


def test_404_offers_search_sections_and_the_phone(client, home, business):
    ServiceIndexPageFactory(parent=home)

    html = client.get("/old-site/granite.html").content.decode()

    assert '<form class="search-form" action="/search/" method="get" role="search"' in html
    assert '<a class="chip" href="/services/">Services</a>' in html
    assert '<meta name="robots" content="noindex">' in html


# Run in a fresh process on production settings: hashed static files, DEBUG off.
PRODUCTION_ERRORS = """
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from django.urls import path
from config import urls

call_command("migrate", verbosity=0)
call_command("collectstatic", verbosity=0, interactive=False)

def broken(request):
    raise RuntimeError("a bug")

urls.urlpatterns.insert(0, path("broken/", broken))
client = Client(
    raise_request_exception=False, HTTP_HOST="lmgranite.example", HTTP_X_FORWARDED_PROTO="https"
)
for url in ["/no-such-page/", "/broken/"]:
    response = client.get(url)
    print(url, response.status_code, response.content.decode().replace("\\n", " "))
"""


def test_error_pages_keep_their_status_codes_in_production(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_ERRORS],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "production-check",
            "ALLOWED_HOSTS": "lmgranite.example",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "STATIC_ROOT": str(tmp_path / "static"),
            "MEDIA_ROOT": str(tmp_path / "media"),
        },
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    not_found, server_error = result.stdout.splitlines()[-2:]
    assert not_found.startswith("/no-such-page/ 404 ")
    assert "We could not find that page" in not_found and "/static/css/site." in not_found
    assert server_error.startswith("/broken/ 500 ")
    assert "Sorry, something went wrong" in server_error and "tel:+16783725976" in server_error
    # Static files are stored compressed both ways, for browsers that take brotli and the rest.
    stylesheet = next((tmp_path / "static" / "css").glob("site.*.css"))
    assert stylesheet.with_name(stylesheet.name + ".br").exists()
    assert stylesheet.with_name(stylesheet.name + ".gz").exists()


def test_an_old_site_address_redirects_to_its_new_page(client, home, business):
    services = ServiceIndexPageFactory(parent=home)
    Redirect.add_redirect("/granite-countertops.html", services, is_permanent=True)

    response = client.get("/granite-countertops.html")

    assert response.status_code == 301
    assert response["Location"] == "/services/"
