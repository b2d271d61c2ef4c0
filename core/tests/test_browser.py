"""In a real browser: the gallery lightbox and the phone menu work from the keyboard.

Playwright drives Debian's Chromium (/usr/bin/chromium); nothing is downloaded. Without that
browser these tests are skipped with a reason, except in CI, where they must run.
"""

import os
import re
import shutil

import pytest
from django.core.management import call_command

from conftest import ensure_base_tree
from core.browser import CHROMIUM, launch

if not shutil.which(CHROMIUM) and not os.environ.get("CI"):
    pytest.skip(
        f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)",
        allow_module_level=True,
    )

sync_api = pytest.importorskip("playwright.sync_api")
# A live server needs a transactional test, which empties the database when it ends (the
# home page and root collection from migrations included), so the journeys share one test.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def browser():
    # Playwright runs an event loop in this thread; Django's ORM calls from the test are safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def demo_site(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ensure_base_tree()
    call_command("load_demo_content", small_images=True, verbosity=0)
    return live_server.url


def test_visitor_journeys(browser, demo_site):
    gallery_filter_and_lightbox_by_keyboard(browser, demo_site)
    phone_menu_opens_and_closes(browser, demo_site)


def gallery_filter_and_lightbox_by_keyboard(browser, demo_site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{demo_site}/gallery/")

    page.get_by_role("link", name="Marble", exact=True).click()
    sync_api.expect(page).to_have_url(re.compile(r"\?material=marble$"))
    captions = page.locator(".photo-meta").all_inner_texts()
    assert captions and all(text.startswith("Marble") for text in captions)

    first = page.locator(".gallery__link").first
    first.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.lightbox")
    sync_api.expect(dialog).to_be_visible()
    caption = dialog.locator("figcaption")
    sync_api.expect(caption).to_contain_text("(1 of ")
    page.keyboard.press("ArrowRight")
    sync_api.expect(caption).to_contain_text("(2 of ")
    page.keyboard.press("Escape")
    sync_api.expect(dialog).to_be_hidden()
    assert page.evaluate("document.activeElement.classList.contains('gallery__link')")
    page.close()


def phone_menu_opens_and_closes(browser, demo_site):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(f"{demo_site}/")

    toggle = page.get_by_role("button", name="Menu")
    menu_link = page.locator("#main-nav-list").get_by_role("link", name="Services")
    sync_api.expect(menu_link).to_be_hidden()
    toggle.click()
    sync_api.expect(toggle).to_have_attribute("aria-expanded", "true")
    sync_api.expect(menu_link).to_be_visible()
    page.keyboard.press("Escape")
    sync_api.expect(menu_link).to_be_hidden()

    call = page.locator(".call-bar a[href^='tel:']")
    sync_api.expect(call).to_be_visible()
    assert call.get_attribute("href") == "tel:+16783725976"
    page.close()
