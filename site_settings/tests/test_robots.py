"""/robots.txt: the admin always kept out, editors' extra rules checked, staging hidden."""

import pytest
from django.core.exceptions import ValidationError

from site_settings.models import SearchEngineSettings

pytestmark = pytest.mark.django_db


def test_robots_txt_names_the_sitemap_and_keeps_out_of_the_admin(client, site):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        "Sitemap: http://localhost/sitemap.xml",
    ]


def test_editors_add_robots_rules_in_settings(client, site):
    rules = SearchEngineSettings.for_site(site)
    rules.robots_txt_extra = "Disallow: /old-prices/\r\n\r\n# keep the staff page out\n"
    rules.full_clean()
    rules.save()

    lines = client.get("/robots.txt").content.decode().splitlines()

    assert lines[:4] == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /old-prices/",
        "# keep the staff page out",
    ]
    assert lines[-1] == "Sitemap: http://localhost/sitemap.xml"


@pytest.mark.parametrize(
    "line",
    [
        "please keep out of /b/",
        "User-agent: Googlebot",
        "Allow: /admin/",
        "Sitemap: https://elsewhere.example/sitemap.xml",
    ],
)
def test_robots_lines_that_could_open_the_admin_or_confuse_crawlers_are_refused(client, site, line):
    rules = SearchEngineSettings.for_site(site)
    rules.robots_txt_extra = f"Disallow: /a/\n{line}"

    with pytest.raises(ValidationError) as error:
        rules.full_clean()
    assert f"“{line}” cannot be used here" in str(error.value)

    rules.save()  # saved some other way: still left out of robots.txt
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /a/" in body and line not in body


def test_a_staging_copy_hides_everything_from_search_engines(client, site, settings):
    settings.ROBOTS_DISALLOW_ALL = True
    rules = SearchEngineSettings.for_site(site)
    rules.robots_txt_extra = "Allow: /blog/"
    rules.save()

    lines = client.get("/robots.txt").content.decode().splitlines()

    assert lines == ["User-agent: *", "Disallow: /", "", "Sitemap: http://localhost/sitemap.xml"]
