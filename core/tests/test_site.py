import os
import subprocess
import sys

import pytest
from django.conf import settings

from services.factories import ServiceIndexPageFactory, ServicePageFactory

pytestmark = pytest.mark.django_db


def test_robots_txt_names_the_sitemap_and_keeps_out_of_the_admin(client, site):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_live_pages_with_absolute_urls(client, home, business):
    services = ServiceIndexPageFactory(parent=home)
    ServicePageFactory(parent=services, slug="vanities").save_revision().publish()
    ServicePageFactory(parent=services, slug="hidden", live=False)

    body = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://localhost/services/vanities/</loc>" in body
    assert "<lastmod>" in body
    assert "hidden" not in body


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
    from django.template import loader

    with django_assert_num_queries(0):
        html = loader.get_template("500.html").render()

    assert "Sorry, something went wrong on our side" in html
    assert 'href="tel:+16783725976"' in html
    assert "{{" not in (settings.BASE_DIR / "templates" / "errors" / "static_page.html").read_text()


def run_settings(module, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
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
