"""In a real browser: the gallery lightbox and the phone menu work from the keyboard."""

import re

import pytest

# A live server needs a transactional test; the journeys share one to load the demo once.
pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_journeys(browser, demo_site, sync_api):
    gallery_filter_and_lightbox_by_keyboard(browser, demo_site, sync_api)
    phone_menu_opens_and_closes(browser, demo_site, sync_api)


def gallery_filter_and_lightbox_by_keyboard(browser, demo_site, sync_api):
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


def phone_menu_opens_and_closes(browser, demo_site, sync_api):
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
