"""What visitors and staff do, step by step in a real browser, against the demo site behind
Varnish, as in production: what staff change must reach visitors through the cache.

Each journey asserts what a person would see. With GUIDE_SCREENSHOTS=1 (`make guide`) the
steps are saved at phone and desktop width into docs/editor-guide/ for the editor guide.
Fixtures (Chromium, Varnish, live demo site) are in conftest.py; these never skip in CI.
"""

import base64
import datetime
import os
import re
import time
from unittest import mock

import openpyxl
import pytest
from django import forms
from django.conf import settings
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image

from blog.models import ArticlePage, BlogIndexPage, FactCheckForm
from conftest import current_code
from contact.models import ContactPage, EstimateRequest
from gallery.models import GalleryPage
from pricing.models import EdgeProfile
from services.models import ServicePage
from staff import second_factor
from yard.forms import HoldForm
from yard.models import Slab, SlabHold

pytestmark = pytest.mark.django_db(transaction=True)

GUIDE = settings.BASE_DIR / "docs" / "editor-guide"
SCRATCH = settings.TEST_RUN_DIR / "editor-guide"
PHONE, DESKTOP = {"width": 375, "height": 812}, {"width": 1366, "height": 900}
NARROW_PHONE = {"width": 390, "height": 844}
PASSWORD = "journey-password-only-in-tests"
CLOSE_DATE_PICKERS = """() => document.querySelectorAll('.xdsoft_datetimepicker')
    .forEach((picker) => { picker.style.display = 'none'; })"""


def shot(page, name):
    """Save this step at desktop and phone width: into the guide with GUIDE_SCREENSHOTS=1,
    else into a scratch folder, so that CI takes them too."""
    folder = GUIDE if os.environ.get("GUIDE_SCREENSHOTS") else SCRATCH
    folder.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    # An open date picker would follow the resize and cover what the next step clicks.
    page.evaluate(CLOSE_DATE_PICKERS)
    for label, viewport in [("desktop", DESKTOP), ("phone", PHONE)]:
        page.set_viewport_size(viewport)
        page.wait_for_timeout(500)  # let the admin's sidebar and menus finish moving
        page.screenshot(path=folder / f"{name}-{label}.png")
    page.set_viewport_size(size)
    page.wait_for_timeout(500)


@pytest.fixture
def staff(django_user_model, staff_user):
    """Log a person with one role into the admin in a fresh browser page."""

    def log_in(browser, site_url, role, name):
        if role == "owner":
            user = django_user_model.objects.create_superuser(name, f"{name}@example.com", PASSWORD)
        else:
            user = staff_user(role, name, PASSWORD)
        # Their phone, already paired: signing in asks for its code.
        phone = None
        if second_factor.required_for(user):
            phone = TOTPDevice.objects.create(user=user, name="Phone app", confirmed=True)
        page = browser.new_page(viewport=DESKTOP)
        page.goto(f"{site_url}/admin/login/")
        page.get_by_label("Username").fill(name)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        if phone:
            page.get_by_role("textbox", name="Code").fill(current_code(phone))
            page.get_by_role("button", name="Continue").click()
        page.wait_for_url(f"{site_url}/admin/")
        return page

    return log_in


def test_visitor_finds_work_and_asks_for_an_estimate(browser, demo_site, sync_api, tmp_path):
    expect = sync_api.expect
    page = browser.new_page(viewport=DESKTOP)
    page.goto(demo_site + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stone countertops")

    page.locator("#main-nav-list").get_by_role("link", name="Services").click()
    page.get_by_role("link", name="Kitchen countertops").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kitchen countertops")

    page.locator("#main-nav-list").get_by_role("link", name="Our work").click()
    page.get_by_role("link", name="Marble", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?material=marble$"))
    captions = page.locator(".photo-meta").all_inner_texts()
    assert captions and all(text.startswith("Marble") for text in captions)
    page.locator(".gallery__link").first.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.lightbox")
    expect(dialog).to_be_visible()
    expect(dialog.locator("figcaption")).to_contain_text("(1 of ")
    page.keyboard.press("ArrowRight")
    expect(dialog.locator("figcaption")).to_contain_text("(2 of ")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert page.evaluate("document.activeElement.classList.contains('gallery__link')")

    page.locator("#main-nav-list").get_by_role("link", name="Stone history").click()
    page.get_by_role("link", name=re.compile("Treaty of Moscow")).first.click()
    expect(page.get_by_role("heading", name="Sources")).to_be_visible()

    page.get_by_role("link", name="Free estimate").first.click()
    asked = watch_price_requests(page)
    page.locator("#run-0").get_by_role("textbox", name=re.compile("^Length")).fill("110")
    page.get_by_label("Stone", exact=True).select_option(label="Granite")
    job = {
        "stone": "granite",
        "edge": "eased",  # the first edge, none chosen
        "runs": [{"shape": "straight", "legs": ["110"], "exposed_ends": 0, "backsplash": "0"}],
        "cutouts": {},
        "tear_out": None,
        "waterfalls": 0,
    }
    quote, total = shows_the_endpoints_total(page, expect, asked, job)
    # "Update the price" asks the endpoint again; the page is not reloaded.
    page.evaluate("window.stillThisPage = true")
    with page.expect_response("**/estimate/price/") as answer:
        page.locator(".quote-box").get_by_role("button", name="Update the price").click()
    assert answer.value.json() == quote
    expect(page.locator("[data-quote] tfoot")).to_contain_text(total)
    assert page.evaluate("window.stillThisPage")

    photo = tmp_path / "kitchen.jpg"
    Image.new("RGB", (800, 600), (180, 170, 160)).save(photo)
    page.get_by_label("Your name").fill("Pat Visitor")
    page.get_by_label("Phone").fill("(404) 555-0147")
    page.get_by_label("Email").fill("pat@example.com")
    page.get_by_label("ZIP code").fill("30301")
    page.get_by_label("Project type").select_option("Kitchen")
    page.get_by_label("Photos of the space").set_input_files(photo)
    page.wait_for_timeout(3200)  # a person takes longer than the spam check's few seconds
    page.get_by_role("button", name="Send my request").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, we have your request")
    expect(page.locator(".quote-box--sent tfoot")).to_contain_text(total)
    lead = EstimateRequest.objects.get(name="Pat Visitor")  # the demo has leads of its own
    assert (lead.is_spam, lead.photos.count()) == (False, 1)
    assert (lead.job, lead.quote) == (job, quote)
    page.close()


def watch_price_requests(page):
    """The JSON of each request the page's script sends to the price endpoint, in order."""
    asked = []

    def note(request):
        if request.url.endswith("/estimate/price/"):
            asked.append(request.post_data_json)

    page.on("request", note)
    return asked


def priced_by_the_endpoint(job):
    response = Client().post("/estimate/price/", job, content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


def shows_the_endpoints_total(page, expect, asked, job):
    """The page asked for `job` last and shows the total the endpoint gives for it."""
    quote = priced_by_the_endpoint(job)
    total = f"${quote['total_low']:,} – ${quote['total_high']:,}"
    expect(page.locator("[data-quote] tfoot")).to_contain_text(total)
    assert asked[-1] == job
    return quote, total


# Each cell of a quote table, as a visitor reads it.
QUOTE_CELLS = """(html) => {
    const holder = document.createElement("template");
    holder.innerHTML = html;
    return [...holder.content.querySelectorAll("th, td, p")].map((cell) => cell.textContent.trim());
}"""


def test_visitor_builds_an_estimate_for_an_l_shaped_kitchen_and_island_on_a_phone(
    browser, demo_site, sync_api
):
    expect = sync_api.expect
    started = time.monotonic()
    page = browser.new_page(viewport=NARROW_PHONE)
    asked = watch_price_requests(page)
    page.goto(demo_site + "/contact/")
    opened = time.monotonic()

    kitchen = page.locator("#run-0")
    kitchen.get_by_role("radio", name=re.compile("^L-shape")).check()
    kitchen.get_by_role("textbox", name=re.compile("^Leg A")).fill("120")
    kitchen.get_by_role("textbox", name=re.compile("^Leg B")).fill("96")
    kitchen.get_by_label("Stone backsplash").select_option(label="4 in")
    # The script draws it as typed: leg A down the left wall, leg B along the back.
    expect(kitchen.get_by_role("img", name=re.compile("^Counter 1 from above"))).to_have_attribute(
        "aria-label",
        "Counter 1 from above: L-shape, leg A 120 in, leg B 96 in, depth 25 1/2 in.",
    )
    page.get_by_role("button", name="Add another counter").click()  # the page comes back
    island = page.locator("#run-1")
    island.get_by_role("radio", name=re.compile("^Island")).check()
    island.get_by_role("textbox", name=re.compile("^Length")).fill("72")
    island.get_by_role("textbox", name=re.compile("^Width")).fill("36")
    expect(kitchen.get_by_role("textbox", name=re.compile("^Leg A"))).to_have_value("120")
    page.get_by_label("Stone", exact=True).select_option(label="Granite")
    page.locator(".choice", has=page.get_by_text("Bullnose", exact=True)).click()
    page.get_by_label("Undermount kitchen sink").fill("1")

    # What the script sends is what contact/builder.py reads from the same fields, and what it
    # shows is the endpoint's answer in the page's own table.
    job = {
        "stone": "granite",
        "edge": "bullnose",
        "runs": [
            {"shape": "l", "legs": ["120", "96"], "exposed_ends": 0, "backsplash": "4"},
            {
                "shape": "island",
                "legs": ["72"],
                "exposed_ends": 0,
                "depth": "36",
                "backsplash": "0",
            },
        ],
        "cutouts": {"undermount-sink": 1},
        "tear_out": None,
        "waterfalls": 0,
    }
    quote, total = shows_the_endpoints_total(page, expect, asked, job)
    shown = page.locator("[data-quote]").evaluate("(box) => box.innerHTML")
    template = render_to_string("contact/quote_table.html", {"quote": quote})
    assert page.evaluate(QUOTE_CELLS, shown) == page.evaluate(QUOTE_CELLS, template)
    assert [line["label"] for line in quote["lines"]] == [
        "Granite countertops",
        "Granite backsplash",
        "Cutting allowance (10%)",
        "Bullnose edge",
        "Undermount kitchen sink",
    ]
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW_PHONE["width"]

    page.get_by_label("Your name").fill("Robin Phone")
    page.get_by_label("Phone").fill("678 555 0123")
    page.get_by_label("Email").fill("robin@example.com")
    page.get_by_label("ZIP code").fill("30301")
    page.get_by_label("Project type").select_option("Kitchen")
    # A person takes longer than the spam check's few seconds; a script may not.
    page.wait_for_timeout(max(0, 3500 - (time.monotonic() - opened) * 1000))
    page.get_by_role("button", name="Send my request").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, we have your request")
    expect(page.locator(".quote-box--sent tfoot")).to_contain_text(total)
    lead = EstimateRequest.objects.get(name="Robin Phone")
    assert (lead.is_spam, lead.zip_code) == (False, "30301"), lead.spam_reason
    assert (lead.job, lead.quote) == (job, quote)
    assert (lead.quote_low, lead.quote_high) == (quote["total_low"], quote["total_high"])
    assert time.monotonic() - started < 120
    page.close()


def test_without_javascript_a_visitor_prices_a_vanity_and_sends_it(browser, demo_site, sync_api):
    """The builder as a browser without JavaScript has it: "Update the price" posts the form
    and the page comes back priced, with everything typed still there."""
    expect = sync_api.expect
    page = browser.new_page(viewport=NARROW_PHONE, java_script_enabled=False)
    page.goto(demo_site + "/contact/")
    opened = time.monotonic()

    vanity = page.locator("#run-0")
    vanity.get_by_role("radio", name=re.compile("^Vanity")).check()
    vanity.get_by_role("textbox", name=re.compile("^Length")).fill("60 1/2")
    vanity.get_by_label("Exposed ends").select_option("1")
    page.get_by_label("Stone", exact=True).select_option(label="Marble")
    page.get_by_label("Bathroom sink").fill("2")
    page.get_by_label("Your name").fill("Sam Noscript")
    page.locator(".quote-box").get_by_role("button", name="Update the price").click()

    job = {
        "stone": "marble",
        "edge": "eased",
        "runs": [{"shape": "vanity", "legs": ["60 1/2"], "exposed_ends": 1, "backsplash": "0"}],
        "cutouts": {"bathroom-sink": 2},
        "tear_out": None,
        "waterfalls": 0,
    }
    quote = priced_by_the_endpoint(job)
    total = f"${quote['total_low']:,} – ${quote['total_high']:,}"
    expect(page.locator("[data-quote] tfoot")).to_contain_text(total)
    assert page.url.endswith("/contact/#price")
    expect(vanity.get_by_role("textbox", name=re.compile("^Length"))).to_have_value("60 1/2")
    expect(page.get_by_label("Your name")).to_have_value("Sam Noscript")
    assert not page.locator(".form__summary").count()  # nothing is called wrong yet

    page.get_by_label("Phone").fill("678 555 0199")
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("ZIP code").fill("30062")
    page.get_by_label("Project type").select_option("Bathroom")
    page.wait_for_timeout(max(0, 3500 - (time.monotonic() - opened) * 1000))
    page.get_by_role("button", name="Send my request").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, we have your request")
    lead = EstimateRequest.objects.get(name="Sam Noscript")
    assert (lead.quote, lead.is_spam) == (quote, False), lead.spam_reason
    page.get_by_role("link", name="Printable copy of this estimate").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Countertop estimate")
    expect(page.locator("tfoot")).to_contain_text(total)
    page.close()


# A card's size as shown: "64 × 26 in · 3 cm · Polished".
CARD_SIZE = re.compile(r"^(\d+) × (\d+) in ·")


def test_visitor_finds_a_remnant_for_a_vanity_and_holds_it_on_a_phone(browser, demo_site, sync_api):
    expect = sync_api.expect
    started = time.monotonic()
    page = browser.new_page(viewport=NARROW_PHONE)
    widths = []  # each step's: wider than the phone means scrolling sideways

    def scroll_width():
        widths.append((page.url, page.evaluate("document.documentElement.scrollWidth")))

    page.goto(demo_site + "/slabs/")  # Varnish keeps the list: the hold must purge it
    expect(page.get_by_role("heading", level=1)).to_have_text("Slab yard")
    scroll_width()
    # On a phone each filter is a pill that opens to show its choices.
    page.locator("summary", has_text="Kind").click()
    page.get_by_role("link", name="Remnants", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?kind=remnant$"))
    page.locator("summary", has_text="Fits my piece").click()
    page.get_by_label("Size of the piece you need, in inches").fill("60 x 22")
    page.get_by_role("button", name="Show what fits").click()
    expect(page).to_have_url(re.compile(r"\?kind=remnant&fits=60\+x\+22$"))
    scroll_width()

    fitting = Slab.objects.in_stock().filter(kind="remnant").fitting(60, 22)
    cards = page.locator(".slab-card")
    expect(cards).to_have_count(fitting.count())
    expect(page.locator(".result-count")).to_contain_text(f"{fitting.count()} in stock")
    for card in cards.all():
        assert card.locator(".card__meta").inner_text().endswith("Remnant")
        size = card.locator(".slab-card__size").inner_text()
        length, width = map(int, CARD_SIZE.match(size).groups())
        assert min(length, width) >= 22 and max(length, width) >= 60, (length, width)

    available = page.locator(".slab-card:not(.slab-card--held)").first
    link = available.locator(".card__title a")
    slab_url = link.get_attribute("href")
    slab = Slab.objects.get(pk=re.match(r"/slabs/(\d+)-", slab_url).group(1))
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(slab.colour)
    expect(page.locator(".slab__status")).to_contain_text("Available")
    scroll_width()
    page.get_by_role("link", name="Hold this remnant for me").click()
    opened = time.monotonic()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hold this remnant for me")
    page.get_by_label("Your name").fill("Dana Vanity")
    page.get_by_label("Phone").fill("(770) 555-0142")
    page.get_by_label("Email").fill("dana.vanity@example.com")
    scroll_width()
    # A person takes longer than the spam check's second; a script may not.
    wait = HoldForm.min_seconds_to_fill + 0.5 - (time.monotonic() - opened)
    page.wait_for_timeout(max(0, wait * 1000))
    page.get_by_role("button", name="Hold it for me").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("It is held for you")
    scroll_width()
    lead = EstimateRequest.objects.get(email="dana.vanity@example.com")
    assert (lead.kind, lead.name, lead.phone) == ("hold", "Dana Vanity", "(770) 555-0142")
    assert not lead.is_spam, lead.spam_reason
    slab.refresh_from_db()
    hold = SlabHold.objects.get(lead=lead)
    assert (slab.status, hold.slab, hold.state) == ("on_hold", slab, "holding")
    ahead = slab.held_until - timezone.now()
    assert datetime.timedelta(hours=47, minutes=55) < ahead <= datetime.timedelta(hours=48)
    assert hold.ends_at == slab.held_until

    page.get_by_role("link", name="Back to the slab yard").click()
    card = page.locator(".slab-card", has=page.locator(f".card__title a[href='{slab_url}']"))
    expect(card.locator(".badge--held")).to_contain_text("On hold until")
    scroll_width()
    assert [(url, width) for url, width in widths if width > NARROW_PHONE["width"]] == []
    assert time.monotonic() - started < 60
    page.close()


def test_phone_menu_opens_and_closes_by_keyboard(browser, demo_site, sync_api):
    page = browser.new_page(viewport=PHONE)
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


def test_moderator_changes_the_phone_number_everywhere(browser, demo_site, staff, sync_api):
    visitor = browser.new_page(viewport=PHONE)
    kept = ["/", "/services/", "/gallery/", "/blog/"]
    for path in kept:
        visitor.goto(demo_site + path)
        # Varnish now holds the old number: only a purge can bring the new one.
        assert visitor.goto(demo_site + path).headers["x-cache"] == "HIT", path

    page = staff(browser, demo_site, "Moderators", "morgan")
    page.get_by_role("button", name="Settings").click()
    page.get_by_role("link", name="Business settings").click()
    shot(page, "business-settings")
    page.get_by_role("textbox", name="Phone").fill("770.555.0199")
    page.get_by_role("button", name="Save").click()
    sync_api.expect(page.get_by_text("Business settings updated")).to_be_visible()
    assert page.reload().headers["x-cache"] == "MISS"  # the admin is never kept

    # The form is never kept and an unknown address only for a minute: checked after only.
    for path in [*kept, "/contact/", "/no-such-page/"]:
        visitor.goto(demo_site + path)
        assert "(770) 555-0199" in visitor.locator(".topbar__phone").inner_text(), path
        assert visitor.locator(".call-bar a[href^='tel:']").get_attribute("href") == (
            "tel:+17705550199"
        )
        assert "(678) 372-5976" not in visitor.content(), path
    visitor.close()
    page.close()


def test_lead_handler_updates_and_exports_the_newest_request(
    browser, demo_site, staff, sync_api, tmp_path
):

    contact = ContactPage.objects.get()
    for name in ["Earlier Customer", "Newest Customer"]:
        EstimateRequest.objects.create(
            page=contact, form_data={}, name=name, email="c@example.com", phone="4045550100"
        )
    page = staff(browser, demo_site, "Lead handlers", "lee")

    page.get_by_role("link", name="Estimate requests").first.click()
    first_row = page.locator("table tbody tr").first
    sync_api.expect(first_row).to_contain_text("Newest Customer")
    shot(page, "estimate-requests")
    first_row.get_by_role("link", name="Newest Customer").click()
    page.get_by_role("combobox", name="Status").select_option(label="Contacted")
    page.get_by_role("textbox", name="Notes").fill("Called, visit booked for Tuesday.")
    shot(page, "estimate-request")
    page.get_by_role("button", name="Save").click()
    sync_api.expect(page.get_by_text("updated")).to_be_visible()

    lead = EstimateRequest.objects.get(name="Newest Customer")
    assert (lead.status, lead.notes) == ("contacted", "Called, visit booked for Tuesday.")
    page.get_by_role("link", name="Estimate requests").first.click()
    page.get_by_role("button", name="Actions").first.click()
    page.get_by_role("link", name="Download XLSX").wait_for()
    shot(page, "export-requests")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download XLSX").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    download.save_as(tmp_path / download.suggested_filename)
    workbook = openpyxl.load_workbook(tmp_path / download.suggested_filename)
    rows = [[str(cell.value) for cell in row] for row in workbook.active.iter_rows()]
    newest = next(row for row in rows if "Newest Customer" in row)
    assert "contacted" in [value.lower() for value in newest]
    page.close()


def test_moderator_restores_an_earlier_version_of_a_service(browser, demo_site, staff, sync_api):
    service = ServicePage.objects.get(slug="kitchen-countertops")
    original = service.summary
    service.summary = "A summary that was changed by mistake."
    service.save_revision().publish()
    visitor = browser.new_page()
    visitor.goto(demo_site + "/services/")
    assert "changed by mistake" in visitor.content()

    page = staff(browser, demo_site, "Moderators", "mona")
    page.goto(f"{demo_site}/admin/pages/{service.pk}/history/")
    shot(page, "page-history")
    earlier = service.revisions.order_by("created_at").first()
    page.goto(f"{demo_site}/admin/pages/{service.pk}/revisions/{earlier.pk}/revert/")
    sync_api.expect(page.get_by_role("textbox", name="Summary")).to_have_value(original)
    shot(page, "restore-version")
    # The preview beside the editor runs the public page inside the admin's policy.
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    sync_api.expect(preview.get_by_role("heading", level=1)).to_have_text("Kitchen countertops")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    sync_api.expect(page.get_by_text("has been published")).to_be_visible()

    visitor.goto(demo_site + "/services/")
    assert original in visitor.content()
    assert "changed by mistake" not in visitor.content()
    visitor.close()
    page.close()


def test_editor_schedules_an_article_that_appears_after_its_time(
    browser, demo_site, staff, sync_api
):

    go_live = (timezone.localtime() + timezone.timedelta(days=2)).replace(second=0, microsecond=0)
    editor = staff(browser, demo_site, "Editors", "ellis")
    write_article(editor, demo_site, BlogIndexPage.objects.get())
    editor.get_by_role("button", name="Status").click()
    editor.get_by_role("button", name="Set schedule").click()
    dialog = editor.get_by_role("dialog")
    dialog.locator("input[name='go_live_at']").fill(go_live.strftime("%Y-%m-%d %H:%M"))
    dialog.get_by_role("heading").first.click()  # closes the date picker
    shot(editor, "article-schedule")
    dialog.get_by_role("heading").first.click()
    dialog.get_by_role("button", name="Save schedule").click()
    footer_action(editor, "Submit to Article review")
    sync_api.expect(editor.locator(".messages")).to_contain_text("submitted")

    article = ArticlePage.objects.get(title="Granite quarries of Elberton")
    moderator = staff(browser, demo_site, "Moderators", "mick")
    approve_after_fact_check(moderator, f"{demo_site}/admin/pages/{article.pk}/edit/", sync_api)

    article.refresh_from_db()
    assert not article.live and article.scheduled_revision
    assert article.scheduled_revision.approved_go_live_at == go_live
    visitor = browser.new_page()
    visitor.goto(f"{demo_site}/blog/")
    url = f"{demo_site}/blog/granite-quarries-of-elberton/"
    assert visitor.goto(url).status == 404
    call_command("publish_scheduled")  # before its time: still hidden
    assert visitor.goto(url).status == 404

    after = go_live + timezone.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=after):
        call_command("publish_scheduled")

    assert visitor.goto(url).status == 200
    visitor.goto(f"{demo_site}/blog/")
    assert "Granite quarries of Elberton" in visitor.content()
    visitor.close()


def test_editor_adds_a_gallery_photo_that_appears_under_its_filter(
    browser, demo_site, staff, sync_api
):

    gallery = GalleryPage.objects.get()
    page = staff(browser, demo_site, "Editors", "eddie")
    page.goto(f"{demo_site}/admin/pages/{gallery.pk}/edit/")
    page.get_by_role("tab", name="Photos").click()
    page.get_by_role("button", name="Add Photo").click()
    new = page.locator("[data-inline-panel-child]").last
    new.get_by_role("button", name="Choose an image").first.click()
    # The chooser lists the newest photos first (the demo's slab photos): search for it.
    page.get_by_role("textbox", name="Search term").fill("Quartzite close-up")
    page.get_by_role("link", name="Quartzite close-up").click()
    new.locator("input[id$='-caption']").fill("Leathered quartzite grill island")
    new.get_by_role("button", name="Choose material").click()
    page.get_by_role("link", name="Quartzite", exact=True).click()
    new.locator("select[id$='-room']").select_option(label="Outdoor kitchen")
    shot(page, "gallery-add-photo")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Moderators approval").click()
    sync_api.expect(page.get_by_text("has been submitted for moderation")).to_be_visible()
    filtered = f"{demo_site}/gallery/?material=quartzite&room=outdoor"
    visitor = browser.new_page()
    visitor.goto(filtered)
    assert "Leathered quartzite grill island" not in visitor.content()  # not approved yet
    page.close()

    moderator = staff(browser, demo_site, "Moderators", "maude")
    moderator.goto(f"{demo_site}/admin/pages/{gallery.pk}/edit/")
    moderator.get_by_role("button", name="More actions").click()
    moderator.get_by_role("button", name="Approve and Publish", exact=True).click()
    sync_api.expect(moderator.locator(".messages")).to_contain_text("has been updated")

    visitor.goto(filtered)
    captions = visitor.locator(".gallery figcaption").all_inner_texts()
    assert any(text.startswith("Leathered quartzite grill island") for text in captions)
    visitor.goto(f"{demo_site}/gallery/?material=marble")
    assert "Leathered quartzite grill island" not in visitor.content()
    visitor.close()
    moderator.close()


def write_article(page, site_url, blog):
    page.goto(f"{site_url}/admin/pages/add/blog/articlepage/{blog.pk}/")
    page.locator("#id_title").fill("Granite quarries of Elberton")
    page.locator("#id_introduction").fill("How a Georgia town became a granite capital.")
    page.locator("#id_date").fill("2026-11-20")
    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Paragraph").click()
    page.locator("#panel-child-content-body-section [contenteditable=true]").first.click()
    page.keyboard.type("Quarrying at Elberton began in the 1880s.")
    page.locator("#id_sources-0-title").fill("Elberton Granite Association history")
    page.locator("#id_last_reviewed").fill("2026-11-21")
    page.locator("#id_title").click()  # closes the date picker
    page.get_by_role("tab", name="Promote").click()
    assert (
        page.locator("#id_slug").input_value() == "granite-quarries-of-elberton"
    )  # made from the title
    shot(page, "article-promote")
    page.get_by_role("tab", name="Content").click()
    shot(page, "article-write")


def approve_after_fact_check(moderator, edit_url, sync_api, screenshot=None):
    """Open the article, tick every box of the fact check (as the form lists them), approve."""
    moderator.goto(edit_url)
    footer_action(moderator, "Approve after checking")
    dialog = moderator.get_by_role("dialog")
    for field in FactCheckForm.base_fields.values():
        if isinstance(field, forms.BooleanField):
            dialog.get_by_label(field.label).check()
    if screenshot:
        shot(moderator, screenshot)
    dialog.get_by_role("button", name="Approve after checking").click()
    sync_api.expect(moderator.locator(".messages")).to_contain_text("has been")


def footer_action(page, name):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=name).click()


def test_article_is_reviewed_sent_back_fixed_and_approved(browser, demo_site, staff, sync_api):
    visitor = browser.new_page()
    for path in ["/blog/", "/blog/feed/"]:
        visitor.goto(demo_site + path)
    blog = BlogIndexPage.objects.get()
    editor = staff(browser, demo_site, "Editors", "erin")
    write_article(editor, demo_site, blog)
    footer_action(editor, "Submit to Article review")
    sync_api.expect(editor.locator(".messages")).to_contain_text("submitted")
    article = ArticlePage.objects.get(title="Granite quarries of Elberton")
    assert not article.live

    moderator = staff(browser, demo_site, "Moderators", "max")
    moderator.goto(f"{demo_site}/admin/pages/{article.pk}/edit/")
    footer_action(moderator, "Request changes")
    dialog = moderator.get_by_role("dialog")
    dialog.get_by_label("Comment").fill("Give the year quarrying began, with a source.")
    shot(moderator, "review-request-changes")
    dialog.get_by_role("button", name="Request changes").click()
    sync_api.expect(moderator.locator(".messages")).to_contain_text("has been updated")
    state = article.workflow_states.get()
    assert state.status == state.STATUS_NEEDS_CHANGES

    editor.goto(f"{demo_site}/admin/pages/{article.pk}/edit/")
    assert "Give the year quarrying began, with a source." in editor.content()
    shot(editor, "review-changes-requested")
    editor.locator("#id_introduction").fill("Elberton, Georgia, has quarried granite since 1889.")
    footer_action(editor, "Resubmit to Fact check")
    sync_api.expect(editor.locator(".messages")).to_contain_text("submitted")

    approve_after_fact_check(
        moderator, f"{demo_site}/admin/pages/{article.pk}/edit/", sync_api, "review-approve"
    )
    article.refresh_from_db()
    assert article.live

    visitor.goto(f"{demo_site}/blog/")
    sync_api.expect(
        visitor.get_by_role("link", name="Granite quarries of Elberton")
    ).to_be_visible()
    visitor.goto(f"{demo_site}/blog/feed/")
    assert "Granite quarries of Elberton" in visitor.content()
    assert "since 1889" in visitor.content()
    visitor.close()


def test_new_moderator_pairs_a_phone_and_signs_in_with_its_code(
    browser, demo_site, staff_user, sync_api
):
    expect = sync_api.expect
    staff_user("Moderators", "nora", PASSWORD)

    def sign_in_with_password(page):
        page.goto(f"{demo_site}/admin/login/")
        page.get_by_label("Username").fill("nora")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()

    page = browser.new_page(viewport=DESKTOP)
    sign_in_with_password(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your second factor")
    page.goto(f"{demo_site}/admin/pages/")  # nothing else opens before it is done
    expect(page).to_have_url(re.compile(r"/admin/second-factor/set-up/"))
    shot(page, "second-factor-set-up")
    # What a phone app does with the key it scans or is typed.
    key = base64.b32decode(page.locator(".second-factor__key").inner_text().replace(" ", ""))
    page.get_by_role("textbox", name="Code").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Turn on the second factor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    codes = page.locator(".second-factor__codes code").all_inner_texts()
    assert len(codes) == 10
    shot(page, "second-factor-recovery-codes")
    page.get_by_role("link", name="I have kept them").click()
    expect(page).to_have_url(f"{demo_site}/admin/")
    page.get_by_role("button", name="nora").click()
    page.get_by_role("button", name="Log out").click()

    sign_in_with_password(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("the code from your phone")
    shot(page, "second-factor-code")
    page.get_by_role("textbox", name="Code").fill(codes[0])  # the phone is in another room
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("signed in with a recovery code; 9 are left")).to_be_visible()
    page.close()


def test_moderator_changes_an_edge_price_that_visitors_see_at_once(
    browser, demo_site, staff, sync_api
):
    expect = sync_api.expect
    visitor = browser.new_page(viewport=PHONE)
    visitor.goto(demo_site + "/edge-profiles/")
    assert visitor.goto(demo_site + "/edge-profiles/").headers["x-cache"] == "HIT"
    assert "$20–$30 per linear foot" in visitor.locator("#ogee").inner_text()

    page = staff(browser, demo_site, "Moderators", "milo")
    page.get_by_role("button", name="Prices").click()
    page.get_by_role("link", name="Edge profiles").click()
    page.get_by_role("link", name="Ogee").click()
    page.get_by_label("Price from ($)").fill("22")
    page.get_by_label("Price to ($)").fill("34")
    shot(page, "edge-price")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("updated")).to_be_visible()
    page.goto(
        f"{demo_site}/admin/snippets/pricing/edgeprofile/history/"
        f"{EdgeProfile.objects.get(slug='ogee').pk}/"
    )
    expect(page.locator("main")).to_contain_text("milo")

    visitor.goto(demo_site + "/edge-profiles/")
    assert "$22–$34 per linear foot" in visitor.locator("#ogee").inner_text()
    visitor.close()
    page.close()
