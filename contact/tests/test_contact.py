import datetime
import re
import socket

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from config.settings.base import redis_caches
from conftest import sign_in
from contact.models import REPLAYED_TOKEN, ContactFormField, EstimateRequest
from core.ratelimit import client_address
from materials.models import Material
from staff.roles import EDITORS

from .conftest import run_mail_queue, token

pytestmark = pytest.mark.django_db


def test_form_renders_labels_honeypot_and_token(client, contact, prices):
    html = client.get("/contact/").content.decode()

    assert '<label for="id_your_name">Your name <span class="required">(required)</span>' in html
    assert 'type="tel"' in html and 'autocomplete="tel"' in html
    assert 'accept="image/jpeg,image/png,image/webp" multiple' in html
    assert '<option value="granite">Granite</option>' in html
    assert 'class="honeypot" aria-hidden="true"' in html
    assert 'name="lm_started" value="' in html
    # The builder: shapes, measurements, the edges and cutouts from the price list, and the
    # endpoint the page's script asks.
    assert 'name="runs-0-shape" value="l"' in html and 'name="runs-0-legs-0"' in html
    assert re.search(r'name="edge" value="eased"[^>]* checked', html)
    assert 'name="cutouts-undermount-sink"' in html
    assert 'data-price-url="/estimate/price/"' in html
    assert "Skip to your details" in html  # the way without measurements


def test_estimate_buttons_across_the_site_lead_here(client, contact):
    assert 'href="/contact/"' in client.get("/").content.decode()


# A straight counter of 120 in at the standard depth of 25.5 in, in granite at $40–90 a sq ft:
# 21.25 sq ft of stone ($850–1,913), a cutting allowance of 2.13 sq ft ($85–192) and 10 ft of
# the eased edge (included): $935–2,105, rounded out to $900–2,150.
STRAIGHT_120 = {"stone": "granite", "runs-0-shape": "straight", "runs-0-legs-0": "120"}


def test_a_measured_request_is_stored_with_its_quote_and_thanked(
    client, contact, prices, valid_post
):
    response = client.post("/contact/", valid_post(**STRAIGHT_120))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Thank you, we have your request" in html
    assert "$900 – $2,150" in html and "Granite countertops" in html
    estimate = EstimateRequest.objects.get()
    assert (estimate.name, estimate.email, estimate.phone, estimate.zip_code) == (
        "Ana Díaz",
        "ana@example.com",
        "(404) 555-0123",
        "30301",
    )
    assert (estimate.material, estimate.project_type) == (prices_stone(), "Kitchen")
    assert (estimate.quote_low, estimate.quote_high) == (900, 2150)
    assert estimate.job["runs"] == [
        {"shape": "straight", "legs": ["120"], "exposed_ends": 0, "backsplash": "0"}
    ]
    assert [line["label"] for line in estimate.quote["lines"]] == [
        "Granite countertops",
        "Cutting allowance (10%)",
        "Eased edge",
    ]
    assert estimate.quote["stone_sqft"] == 21.25
    assert estimate.status == "new" and not estimate.is_spam
    assert "lm_homepage" not in estimate.form_data
    assert estimate.quote_path in html  # the printable copy


def prices_stone():
    return Material.objects.get(slug="granite")


def test_emails_go_out_from_the_queue_not_the_request(client, contact, prices, valid_post):
    client.post("/contact/", valid_post(**STRAIGHT_120))

    assert mail.outbox == []  # the visitor's request did not wait for the mail server
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    run_mail_queue()

    staff, visitor = mail.outbox
    assert staff.to == ["office@example.com"]
    assert staff.subject == "New estimate request"
    assert staff.reply_to == ["ana@example.com"]
    assert "Straight: length 120 in; depth 25.5 in" in staff.body
    assert "Estimated total: $900 – $2,150" in staff.body and "Island and two runs." in staff.body
    assert "ZIP code of the project: 30301" in staff.body
    assert visitor.to == ["ana@example.com"]
    assert "Estimated total: $900 – $2,150" in visitor.body
    estimate = EstimateRequest.objects.get()
    assert f"http://localhost{estimate.quote_path}" in visitor.body
    assert visitor.alternatives[0].mimetype == "text/html"
    assert "Granite countertops" in visitor.alternatives[0].content
    assert estimate.staff_notified_at and estimate.visitor_confirmed_at

    run_mail_queue()
    assert len(mail.outbox) == 2  # each email goes out once


def test_failing_mail_server_loses_nothing_and_retries_later(client, contact, valid_post, settings):
    settings.EMAIL_BACKEND = "contact.tests.backends.FailingBackend"

    response = client.post("/contact/", valid_post())
    run_mail_queue()

    assert response.status_code == 200
    assert "Thank you, we have your request" in response.content.decode()
    estimate = EstimateRequest.objects.get()
    assert estimate.mail_attempts == 1 and estimate.staff_notified_at is None
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=25)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_mail_queue()
    assert len(mail.outbox) == 2
    assert EstimateRequest.objects.get().staff_notified_at is not None


def test_the_request_never_touches_the_mail_server(client, contact, valid_post, settings):
    # A mail server that hangs would hold the visitor up; the request must not call it at all.
    settings.EMAIL_BACKEND = "contact.tests.backends.ExplodingBackend"

    response = client.post("/contact/", valid_post())

    assert response.status_code == 200
    assert EstimateRequest.objects.count() == 1


@pytest.mark.parametrize("atomic", [True, False])
def test_request_is_kept_with_atomic_requests_either_way(
    client, contact, valid_post, settings, atomic
):
    settings.DATABASES["default"]["ATOMIC_REQUESTS"] = atomic
    settings.EMAIL_BACKEND = "contact.tests.backends.FailingBackend"
    try:
        client.post("/contact/", valid_post())
        run_mail_queue()
    finally:
        settings.DATABASES["default"]["ATOMIC_REQUESTS"] = False

    assert EstimateRequest.objects.count() == 1


@pytest.mark.parametrize(
    "changes, reason",
    [
        ({"lm_homepage": "http://spam.example"}, "Filled in the hidden field."),
        ({"lm_started": lambda: token(seconds_ago=1)}, "Sent within a few seconds"),
        ({"lm_started": "forged"}, "Missing or altered form token."),
        ({"lm_started": None}, "Missing or altered form token."),
    ],
)
def test_spam_is_stored_and_marked_but_sends_nothing(client, contact, valid_post, changes, reason):
    response = client.post("/contact/", valid_post(**changes))
    run_mail_queue()

    assert response.status_code == 200
    assert "Thank you, we have your request" in response.content.decode()
    estimate = EstimateRequest.objects.get()
    assert estimate.is_spam and estimate.spam_reason.startswith(reason)
    assert mail.outbox == []


def test_a_form_left_open_for_days_is_not_spam(client, contact, valid_post):
    client.post("/contact/", valid_post(started=token(seconds_ago=30 * 24 * 3600)))

    assert not EstimateRequest.objects.get().is_spam


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"email": "ana@example.com\r\nBcc: x@example.com"}, "email", "Enter a valid email"),
        ({"phone": "555-0123"}, "phone", "Enter a ten-digit phone number"),
        ({"your_name": ""}, "your_name", "This field is required."),
        ({"message": "x" * 5001}, "message", "at most 5000 characters"),
        ({"your_name": "x" * 201}, "your_name", "at most 200 characters"),
        ({"zip_code": "3030"}, "zip_code", "five-digit ZIP code"),
        ({"project_type": ""}, "project_type", "This field is required."),
        ({"stone": "unobtainium"}, "stone", "Select a valid choice."),
        ({"your_name": "Ana\x00"}, "your_name", "Remove the special characters"),
    ],
)
def test_bad_input_gets_a_clear_error_and_keeps_what_was_typed(
    client, contact, granite, valid_post, changes, field, message
):
    response = client.post("/contact/", valid_post(**changes))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Please check" in html
    assert message in html
    assert response.context["form"].errors[field]
    kept = "ana@example.com" if field != "email" else "(404) 555-0123"
    assert f'value="{kept}"' in html  # what the visitor typed is still there
    assert EstimateRequest.objects.count() == 0


def test_too_many_posts_from_one_address_get_a_friendly_429(client, contact, valid_post):
    for _ in range(5):
        assert client.post("/contact/", valid_post()).status_code == 200

    response = client.post("/contact/", valid_post(your_name="Sixth Try"))

    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait a minute and send again" in html
    assert 'href="tel:+16783725976"' in html
    assert 'value="Sixth Try"' in html
    assert EstimateRequest.objects.count() == 5
    # Another address is not affected.
    other = client.post("/contact/", valid_post(), REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 200


def test_a_quick_correction_after_an_error_is_not_spam(client, contact, valid_post):
    first = client.post("/contact/", valid_post(email="oops", lm_started=lambda: token(60)))
    kept_token = first.context["form"].token

    client.post("/contact/", valid_post(lm_started=kept_token))

    assert not EstimateRequest.objects.get().is_spam


def test_leads_outlive_their_form_page(client, contact, valid_post):
    client.post("/contact/", valid_post())

    contact.delete()

    assert EstimateRequest.objects.get().page is None


def test_an_editor_field_named_like_ours_does_not_break_the_form(client, contact, valid_post):
    ContactFormField.objects.create(page=contact, label="Website", field_type="url")
    ContactFormField.objects.create(
        page=contact, label="Keep my name private", field_type="checkbox", required=False
    )

    response = client.post(
        "/contact/", valid_post(website="https://example.com", keep_my_name_private="on")
    )

    assert "Thank you" in response.content.decode()
    estimate = EstimateRequest.objects.get()
    assert not estimate.is_spam and estimate.name == "Ana Díaz"


def test_lead_staff_only_see_leads_in_wagtails_forms_screen(client, contact, staff_user):
    sign_in(client, staff_user(EDITORS, "editor"))

    assert client.get(f"/admin/forms/submissions/{contact.pk}/").status_code in (302, 403)
    assert "Request a free estimate" not in client.get("/admin/forms/").content.decode()


def test_rate_limit_keys_cannot_be_dodged(rf, settings):
    settings.TRUSTED_PROXY_HEADER = "HTTP_X_FORWARDED_FOR"
    spoofed = rf.post("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7")
    assert client_address(spoofed) == "198.51.100.7"  # the entry our proxy added

    settings.TRUSTED_PROXY_HEADER = ""
    one = rf.post("/", REMOTE_ADDR="2001:db8:1:2::1")
    other = rf.post("/", REMOTE_ADDR="2001:db8:1:2:ffff::9")
    assert client_address(one) == client_address(other) == "2001:db8:1:2::/64"


def test_a_request_is_stored_while_the_cache_is_down(client, contact, valid_post, settings):
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{port}/0")  # what production uses

    for _ in range(6):  # uncounted: nobody is turned away for the cache's failure
        assert client.post("/contact/", valid_post()).status_code == 200

    assert EstimateRequest.objects.count() == 6


def test_a_form_token_sends_one_request_a_replay_is_kept_as_spam(client, contact, valid_post):
    post = valid_post()

    first = client.post("/contact/", post)
    replay = client.post("/contact/", {**post, "email": "someone-else@example.com"})

    assert first.status_code == replay.status_code == 200  # the sender is not told
    original, replayed = EstimateRequest.objects.order_by("pk")
    assert not original.is_spam
    assert replayed.is_spam and replayed.spam_reason == REPLAYED_TOKEN
    assert replayed.email == "someone-else@example.com"  # stored all the same
    assert DBTaskResult.objects.count() == 1  # emails for the first only


def test_each_opened_form_has_a_token_of_its_own(client, contact):
    tokens = {
        re.search(r'name="lm_started" value="([^"]+)"', client.get("/contact/").content.decode())[1]
        for _ in range(3)
    }
    assert len(tokens) == 3
