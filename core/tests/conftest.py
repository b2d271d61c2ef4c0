"""A real browser, the real Varnish and a live demo site for the browser, accessibility and
cache tests.

Playwright drives Debian's Chromium (/usr/bin/chromium) and Debian's varnishd runs
deploy/varnish/default.vcl; nothing is downloaded. Where a tool is missing the test is skipped
with the reason, except in CI (CI=true), where it fails instead.
"""

import shutil

import pytest
from django.db import connections

from conftest import ensure_base_tree, require
from staff.roles import sync_roles
from tools import servers
from tools.browser import CHECKERS, CHROMIUM, launch

from .demo_snapshot import load_demo


@pytest.fixture
def sync_api():
    try:
        from playwright import sync_api
    except ImportError:
        sync_api = None
    require(
        sync_api, "Playwright for Python is not installed (pip install -r requirements-dev.txt)"
    )
    return sync_api


@pytest.fixture
def chromium():
    require(
        shutil.which(CHROMIUM), f"needs Debian's Chromium at {CHROMIUM} (apt-get install chromium)"
    )
    return CHROMIUM


@pytest.fixture
def browser(sync_api, chromium, monkeypatch):
    # Playwright runs an event loop in this thread; Django's ORM calls from the test are safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # CI runs on 2 busy cores: an admin action can take longer than Playwright's 5 s default.
    sync_api.expect.set_options(timeout=15_000)
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright)
        violations = watch_content_security_policy(browser)
        yield browser
        browser.close()
        # The test's own ORM calls while Playwright ran went through a database connection
        # of that context, which pytest-django never closes: left open, it kept PostgreSQL
        # from dropping the test database at the end of the run.
        connections.close_all()
    # Every page any browser test opened, public or admin, ran within its policy.
    assert violations == [], "Content-Security-Policy violations:\n" + "\n".join(violations)


def watch_content_security_policy(browser):
    """Chromium reports each thing a page's Content-Security-Policy refused as a console
    error; collect them from every page the test opens."""
    violations, new_page = [], browser.new_page

    def watched_page(**options):
        page = new_page(**options)

        def note(message):
            if message.type == "error" and "Content Security Policy" in message.text:
                violations.append(f"{page.url}: {message.text}")

        page.on("console", note)
        return page

    browser.new_page = watched_page
    return violations


@pytest.fixture
def checkers():
    """axe-core, the Nu HTML Checker and Lighthouse from npm (tools/a11y)."""
    require(
        (CHECKERS / "axe-core" / "axe.min.js").exists(),
        "needs the npm checkers: make checkers (npm ci --ignore-scripts --prefix tools/a11y)",
    )
    require(shutil.which("node"), "Lighthouse needs Node.js (apt-get install nodejs)")
    require(shutil.which("java"), "the Nu HTML Checker needs Java (apt-get install default-jre)")
    return CHECKERS


@pytest.fixture
def varnish(live_server, settings, tmp_path):
    """Varnish with the production VCL in front of the live server, purged by the app through
    its own listener as in production. Gives the visitors' address."""
    require(shutil.which("varnishd"), "needs Debian's varnish (apt-get install varnish)")
    try:
        server = servers.varnish(int(live_server.url.rsplit(":", 1)[1]), tmp_path, memory="32m")
    except servers.ServerError as error:
        pytest.fail(str(error))
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": server.purge_url,
        }
    }
    yield server.url
    server.stop()


@pytest.fixture
def demo_site(varnish, settings, tmp_path):
    """The demo site as visitors and staff reach it in production: through Varnish, which is
    also the address its absolute links (canonical, feed, sitemap) are made with."""
    # A live server needs a transactional test, which empties the database when it ends (the
    # home page and root collection from migrations included), so they are made again here.
    settings.MEDIA_ROOT = tmp_path
    settings.ROOT_URLCONF = "core.tests.urls"  # the photos are served too, as nginx would
    settings.WAGTAILADMIN_BASE_URL = varnish  # the demo loader gives the site this address
    # Autosave (every half second in Wagtail 8) re-renders the editor's footer; a script
    # clicks faster than a person and would race it, so the journeys save explicitly.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    ensure_base_tree()
    sync_roles()  # the flush ran it before the page tree existed: give the roles their pages
    load_demo()
    return varnish
