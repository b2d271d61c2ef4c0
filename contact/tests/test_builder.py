"""The estimate builder on /contact/ without JavaScript, the quote each lead keeps, the
service area and the printable copy (contact/builder.py, contact/printable.py)."""

import json
import re
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from contact.models import ContactFormField, CoreFieldWording, EstimateRequest
from contact.views import estimate_request_viewset
from materials.factories import MaterialFactory
from pricing.models import EdgeProfile

from .conftest import run_mail_queue

pytestmark = pytest.mark.django_db

# An L of 120 and 96 in with a 4 in backsplash, and a 72 x 36 in island; bullnose, one sink.
KITCHEN = {
    "stone": "granite",
    "edge": "bullnose",
    "runs": "2",
    "runs-0-shape": "l",
    "runs-0-legs-0": "120",
    "runs-0-legs-1": "96",
    "runs-0-depth": "",
    "runs-0-exposed_ends": "0",
    "runs-0-backsplash": "4",
    "runs-1-shape": "island",
    "runs-1-legs-0": "72",
    "runs-1-depth": "36",
    "cutouts-undermount-sink": "1",
    "tear_out": "laminate",
}
# The same kitchen as the price endpoint takes it.
KITCHEN_JSON = {
    "stone": "granite",
    "edge": "bullnose",
    "runs": [
        {"shape": "l", "legs": [120, 96], "exposed_ends": 0, "backsplash": 4},
        {"shape": "island", "legs": [72], "depth": 36},
    ],
    "cutouts": {"undermount-sink": 1},
    "tear_out": "laminate",
}


def endpoint_quote(client, job=KITCHEN_JSON):
    response = client.post("/estimate/price/", json.dumps(job), content_type="application/json")
    assert response.status_code == 200
    return response.json()


def money(value):
    return f"${value:,}"


def test_update_the_price_shows_the_endpoints_itemised_range_and_sends_nothing(
    client, contact, prices
):
    response = client.post("/contact/", {**KITCHEN, "builder": "price", "your_name": "Ana"})

    assert response.status_code == 200
    html = response.content.decode()
    expected = endpoint_quote(client)
    for line in expected["lines"]:
        assert f'<th scope="row">{line["label"]}</th>' in html
    assert f"{money(expected['total_low'])} – {money(expected['total_high'])}" in html
    # What was typed is all still there, and the details not yet filled are not called wrong.
    assert 'name="runs-0-legs-1" id="id_runs-0-legs-1" value="96"' in html
    assert 'value="Ana"' in html
    assert 'name="runs-1-shape" value="island" checked' in html
    assert "Please check" not in html and "field--error" not in html
    assert EstimateRequest.objects.count() == 0


def test_enter_in_a_field_updates_the_price_rather_than_sending(client, contact, prices):
    html = client.get("/contact/").content.decode()
    form = html[html.index("data-estimate-form") :]

    # A form's first submit button is the one Enter presses.
    first_button = re.search(r"<button[^>]*type=\"submit\"[^>]*>", form)[0]
    assert 'name="builder" value="price"' in first_button


def test_a_measurement_that_cannot_be_read_is_marked_and_kept(client, contact, prices):
    response = client.post("/contact/", {**KITCHEN, "runs-0-legs-1": "9 6/0", "builder": "price"})

    html = response.content.decode()
    assert "Leg B needs a number of inches" in html
    assert 'value="9 6/0"' in html
    assert "Check the measurements marked above" in html


def test_a_counter_is_added_and_taken_away_keeping_the_others(client, contact, prices):
    added = client.post("/contact/", {**KITCHEN, "builder": "add"}).content.decode()
    assert 'name="runs" value="3"' in added and 'id="run-2"' in added

    removed = client.post("/contact/", {**KITCHEN, "builder": "remove-0"}).content.decode()

    assert 'name="runs" value="1"' in removed
    # The island moved up to be the first counter.
    assert 'name="runs-0-shape" value="island" checked' in removed
    assert 'name="runs-0-legs-0" id="id_runs-0-legs-0" value="72"' in removed


def test_a_sent_request_keeps_the_quote_it_was_shown(client, contact, prices, valid_post):
    response = client.post("/contact/", valid_post(**KITCHEN))

    estimate = EstimateRequest.objects.get()
    assert estimate.quote == endpoint_quote(client)
    assert (estimate.quote_low, estimate.quote_high) == (
        estimate.quote["total_low"],
        estimate.quote["total_high"],
    )
    assert estimate.job["runs"][1] == {
        "shape": "island",
        "legs": ["72"],
        "exposed_ends": 0,
        "depth": "36",
        "backsplash": "0",
    }
    assert estimate.quote_path in response.content.decode()


def test_a_later_price_change_does_not_change_a_leads_quote(client, contact, prices, valid_post):
    client.post("/contact/", valid_post(**KITCHEN))
    estimate = EstimateRequest.objects.get()
    sent = estimate.quote

    EdgeProfile.objects.filter(slug="bullnose").update(price_low=40, price_high=60)
    prices_now = endpoint_quote(client)

    estimate.refresh_from_db()
    assert prices_now["total_high"] > sent["total_high"]  # the price did change for new visitors
    assert estimate.quote == sent
    printable = client.get(estimate.quote_path).content.decode()
    assert f"{money(sent['total_low'])} – {money(sent['total_high'])}" in printable


def test_without_measurements_the_request_goes_with_photos_and_no_price(
    client, contact, prices, valid_post
):
    response = client.post("/contact/", valid_post())

    html = response.content.decode()
    assert "Thank you, we have your request" in html
    assert "Your price range" not in html
    estimate = EstimateRequest.objects.get()
    assert (estimate.job, estimate.quote, estimate.quote_low) == (None, None, None)
    assert estimate.quote_path == ""


def test_a_stone_without_a_price_still_sends_the_measurements(client, contact, prices, valid_post):
    MaterialFactory(name="Onyx", slug="onyx", price_low=None, price_high=None)
    measured = {**KITCHEN, "stone": "onyx"}

    page = client.post("/contact/", {**measured, "builder": "price"}).content.decode()
    assert "Choose a stone with a price" in page

    client.post("/contact/", valid_post(**measured))
    estimate = EstimateRequest.objects.get()
    assert estimate.material.slug == "onyx" and estimate.quote is None
    assert estimate.job["runs"][0]["legs"] == ["120", "96"]


@pytest.mark.parametrize(
    "served, zip_code, outside",
    [
        ("303, 301 30518", "30301", False),
        ("303, 301 30518", "30518", False),
        ("303, 301 30518", "30519", True),
        ("303, 301 30518", "90210", True),
        ("", "90210", False),  # no list: every ZIP code is served
    ],
)
def test_a_zip_code_outside_the_area_is_stored_marked_and_told_kindly(
    client, contact, business, valid_post, admin_client, served, zip_code, outside
):
    business.service_zip_codes = served
    business.save()

    response = client.post("/contact/", valid_post(zip_code=zip_code))

    estimate = EstimateRequest.objects.get()
    assert estimate.outside_area is outside
    listing = admin_client.get(reverse(estimate_request_viewset.get_url_name("index")))
    assert bool(re.search(r">\s*Outside\s*<", listing.content.decode())) is outside
    html = response.content.decode()
    assert ("may be outside the area we usually serve" in html) is outside
    run_mail_queue()
    staff, visitor = mail.outbox
    assert ("outside the service area" in staff.body) is outside
    assert ("may be outside the area we usually serve" in visitor.body) is outside
    assert "Thank you, we have your request" in html


def test_the_service_area_list_takes_digits_only(business):
    business.service_zip_codes = "300, Atlanta"
    with pytest.raises(ValidationError, match="Atlanta"):
        business.full_clean()


def test_the_printable_quote_is_reached_only_through_its_signed_link(
    client, contact, prices, valid_post
):
    client.post("/contact/", valid_post(**KITCHEN))
    estimate = EstimateRequest.objects.get()

    response = client.get(estimate.quote_path)
    html = response.content.decode()
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex" and "no-store" in response["Cache-Control"]
    assert "L-shape: leg A 120 in, leg B 96 in; depth 25.5 in; backsplash 4 in high" in html
    assert 'href="/static/css/print.css" media="print"' in html
    assert "ana@example.com" not in html and "555-0123" not in html  # no contact details

    token = estimate.quote_path.rstrip("/").rsplit("/", 1)[1]
    other = token.replace(token.split(":")[0], str(estimate.pk + 1), 1)
    assert client.get(reverse("estimate_quote", args=[other])).status_code == 404
    assert client.get(reverse("estimate_quote", args=[str(estimate.pk)])).status_code == 404


def test_the_printable_link_expires_a_month_after_the_request(
    client, contact, prices, valid_post, settings
):
    client.post("/contact/", valid_post(**KITCHEN))
    estimate = EstimateRequest.objects.get()
    days = settings.QUOTE_LINK_DAYS

    sent = estimate.submit_time
    EstimateRequest.objects.update(submit_time=sent - timedelta(days=days - 1))
    assert client.get(estimate.quote_path).status_code == 200
    EstimateRequest.objects.update(submit_time=sent - timedelta(days=days, minutes=1))
    # However often the link is written out again (an email retry, the inbox), it has expired.
    response = client.get(EstimateRequest.objects.get().quote_path)

    assert response.status_code == 410
    assert "This estimate link has expired" in response.content.decode()


def test_the_inbox_shows_the_measurements_and_the_quote(
    client, contact, prices, valid_post, admin_client
):
    client.post("/contact/", valid_post(**KITCHEN))
    estimate = EstimateRequest.objects.get()

    html = admin_client.get(
        reverse(estimate_request_viewset.get_url_name("inspect"), args=(estimate.pk,))
    ).content.decode()

    assert "Island: length 72 in; width 36 in" in html
    assert "Bullnose edge" in html
    assert money(estimate.quote_high) in html
    assert estimate.quote_path in html
    listing = admin_client.get(reverse(estimate_request_viewset.get_url_name("index")))
    assert f"{money(estimate.quote_low)} – {money(estimate.quote_high)}" in listing.content.decode()


def test_editors_reword_the_core_fields_and_add_their_own_questions(client, contact, valid_post):
    CoreFieldWording.objects.create(
        page=contact, field="zip_code", label="Where is the house? (ZIP)", help_text="5 digits"
    )
    ContactFormField.objects.create(
        page=contact, label="Best time to call", field_type="singleline", required=False
    )

    html = client.get("/contact/").content.decode()
    assert '<label for="id_zip_code">Where is the house? (ZIP)' in html
    assert "5 digits" in html and 'name="best_time_to_call"' in html

    client.post("/contact/", valid_post(best_time_to_call="Evenings"))
    estimate = EstimateRequest.objects.get()
    assert estimate.zip_code == "30301" and estimate.form_data["best_time_to_call"] == "Evenings"


@pytest.mark.parametrize("label", ["Phone", "Your name", "ZIP code", "Stone"])
def test_a_question_named_like_a_core_field_is_refused_with_a_reason(contact, label):
    contact.form_fields.add(ContactFormField(label=label, field_type="singleline"))

    with pytest.raises(ValidationError, match="The form always asks"):
        contact.full_clean()


def hidden_fields(html):
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))


def test_without_javascript_a_visitor_prices_then_sends(contact, prices):
    """As a browser without JavaScript does it: open, update the price, send the same form."""
    visitor = Client(enforce_csrf_checks=True)
    opened = hidden_fields(visitor.get("/contact/").content.decode())
    details = {"your_name": "Ana Díaz", "phone": "404 555 0123", "email": "ana@example.com",
               "zip_code": "30301", "project_type": "Kitchen"}  # fmt: skip

    priced = visitor.post("/contact/", {**opened, **KITCHEN, **details, "builder": "price"})
    shown = priced.content.decode()
    quote = endpoint_quote(visitor)
    assert f"{money(quote['total_low'])} – {money(quote['total_high'])}" in shown
    kept = hidden_fields(shown)
    assert kept["lm_started"] == opened["lm_started"]  # still the form first opened

    with mock.patch("contact.forms.time.time", return_value=time.time() + 60):
        sent = visitor.post("/contact/", {**kept, **KITCHEN, **details})

    assert "Thank you, we have your request" in sent.content.decode()
    estimate = EstimateRequest.objects.get()
    assert estimate.quote == quote and not estimate.is_spam
