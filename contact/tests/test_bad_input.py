"""A table of hostile and odd input: never a 500, a clear answer, valid rows stored once."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from contact.models import EstimateRequest

from .conftest import run_mail_queue, token

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"

MEASURED = {"stone": "granite", "runs-0-shape": "straight", "runs-0-legs-0": "120"}
L_SHAPE = {**MEASURED, "runs-0-shape": "l", "runs-0-legs-1": "96"}

# (description, changes to a valid post, expected status, text on the page, rows stored)
CASES = [
    ("script in name", {"your_name": SCRIPT}, 200, "Thank you", 1),
    ("script shown back", {"your_name": SCRIPT, "email": "x"}, 200, "&lt;script&gt;", 0),
    ("html in message", {"message": '<img src=x onerror="alert(1)">'}, 200, "Thank you", 1),
    ("javascript url in message", {"message": "javascript:alert(1)"}, 200, "Thank you", 1),
    ("sql-looking name", {"your_name": "Robert'); DROP TABLE contact;--"}, 200, "Thank you", 1),
    ("emoji name", {"your_name": "Zoë 🙂 Ørsted"}, 200, "Thank you", 1),
    ("right-to-left text", {"your_name": "مريم", "message": "שלום עולם"}, 200, "Thank you", 1),
    ("unicode email domain", {"email": "ana@exämple.com"}, 200, "Thank you", 1),
    ("repeated name key", {"your_name": ["First", "Second"]}, 200, "Thank you", 1),
    ("NUL in name", {"your_name": "Ana\x00Díaz"}, 200, "Remove the special characters", 0),
    ("NUL in message", {"message": "hi\x00there"}, 200, "Remove the special characters", 0),
    ("escape in name", {"your_name": "Ana\x1b[31m"}, 200, "Remove the special characters", 0),
    ("CRLF in email", {"email": "a@example.com\r\nBcc: b@example.com"}, 200, "valid email", 0),
    ("LF in email", {"email": "a@example.com\nTo: b@example.com"}, 200, "valid email", 0),
    ("not an email", {"email": "ana at example"}, 200, "valid email", 0),
    ("letters for phone", {"phone": "CALL-ME-NOW"}, 200, "ten-digit phone", 0),
    ("short phone", {"phone": "555-0123"}, 200, "ten-digit phone", 0),
    ("phone too long", {"phone": "6" * 40}, 200, "ten-digit phone", 0),
    ("name too long", {"your_name": "a" * 300}, 200, "at most 200 characters", 0),
    ("email too long", {"email": "a" * 250 + "@example.com"}, 200, "at most 254", 0),
    ("message too long", {"message": "m" * 5001}, 200, "at most 5000 characters", 0),
    ("bad zip", {"zip_code": "3030"}, 200, "five-digit ZIP", 0),
    ("zip in letters", {"zip_code": "ABCDE"}, 200, "five-digit ZIP", 0),
    # The estimate builder's fields (contact/builder.py): measured with granite.
    ("length in words", {**MEASURED, "runs-0-legs-0": "forty"}, 200, "number of inches", 0),
    ("length huge", {**MEASURED, "runs-0-legs-0": "9" * 20}, 200, "number of inches", 0),
    ("length negative", {**MEASURED, "runs-0-legs-0": "-3"}, 200, "number of inches", 0),
    ("length exponent", {**MEASURED, "runs-0-legs-0": "1e9"}, 200, "number of inches", 0),
    ("length over 600", {**MEASURED, "runs-0-legs-0": "601"}, 200, "at most 600 inches", 0),
    ("depth zero", {**MEASURED, "runs-0-depth": "0"}, 200, "more than 0 inches", 0),
    (
        "L leg inside the corner",
        {**L_SHAPE, "runs-0-legs-1": "20"},
        200,
        "longer than the depth",
        0,
    ),
    ("L leg missing", {**L_SHAPE, "runs-0-legs-1": ""}, 200, "Leg B needs a number", 0),
    ("unknown edge", {**MEASURED, "edge": "../x"}, 200, "Choose an edge from the list", 0),
    ("cutouts in words", {**MEASURED, "cutouts-cooktop": "two"}, 200, "whole number", 0),
    ("cutouts negative", {**MEASURED, "cutouts-cooktop": "-1"}, 200, "whole number", 0),
    ("unknown tear-out", {**MEASURED, "tear_out": "asbestos"}, 200, "old tops are made of", 0),
    ("ends 7", {**MEASURED, "runs-0-exposed_ends": "7"}, 200, "from 0 to 2", 0),
    ("made-up shape", {**MEASURED, "runs-0-shape": "hexagon"}, 200, "Thank you", 1),
    ("runs count forged", {**MEASURED, "runs": "99999"}, 200, "Thank you", 1),
    ("runs count in words", {**MEASURED, "runs": "many"}, 200, "Thank you", 1),
    ("builder button forged", {**MEASURED, "builder": "explode"}, 200, "Your price range", 0),
    ("remove a counter not there", {"builder": "remove-99"}, 200, "Your price range", 0),
    ("path in stone", {"stone": "../../etc/passwd"}, 200, "Select a valid choice", 0),
    ("unknown project type", {"project_type": "Spaceship"}, 200, "Select a valid choice", 0),
    ("everything empty", {"your_name": "", "phone": "", "email": ""}, 200, "required", 0),
    ("honeypot filled", {"lm_homepage": "http://spam.example"}, 200, "Thank you", 1),
    ("forged token", {"lm_started": "abc:def"}, 200, "Thank you", 1),
    ("too fast", {"lm_started": lambda: token(seconds_ago=0)}, 200, "Thank you", 1),
    ("html renamed jpg", {"photos": "html"}, 200, "could not be read as a photo", 0),
    ("svg upload", {"photos": "svg"}, 200, "could not be read as a photo", 0),
]

UPLOADS = {
    "html": ("photo.jpg", b"<html><script>alert(1)</script></html>"),
    "svg": ("photo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
}


@pytest.mark.parametrize(
    "description, changes, status, text, rows", CASES, ids=[case[0] for case in CASES]
)
def test_bad_input_table(
    client, contact, prices, valid_post, description, changes, status, text, rows
):
    changes = dict(changes)
    if "photos" in changes:
        name, content = UPLOADS[changes.pop("photos")]
        changes["photos"] = SimpleUploadedFile(name, content, content_type="image/jpeg")

    response = client.post("/contact/", valid_post(**changes))

    assert response.status_code == status
    assert text in response.content.decode()
    assert EstimateRequest.objects.count() == rows
    if rows and not changes.get("lm_homepage"):
        stored = EstimateRequest.objects.get()
        for field, value in changes.items():
            if field in ("your_name", "message") and isinstance(value, str):
                assert stored.form_data[field] == value  # kept exactly as typed
    if SCRIPT in str(changes):
        assert SCRIPT not in response.content.decode()


def test_no_csrf_token_is_refused_with_a_clear_page(contact, valid_post):
    strict = Client(enforce_csrf_checks=True)

    response = strict.post("/contact/", valid_post())

    assert response.status_code == 403
    assert "Please send the form again" in response.content.decode()
    assert EstimateRequest.objects.count() == 0


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_wrong_method_is_not_allowed(client, contact, method):
    response = getattr(client, method)("/contact/")

    assert response.status_code == 405
    assert "POST" in response["Allow"]


def test_a_3_mb_body_gets_a_clear_400(client, contact, valid_post):
    response = client.post("/contact/", valid_post(message="x" * 3_000_000))

    assert response.status_code == 400
    assert "could not read what was sent" in response.content.decode()
    assert EstimateRequest.objects.count() == 0


def test_thousands_of_fields_get_a_clear_400(client, contact, valid_post):
    data = valid_post()
    data.update({f"extra{n}": "x" for n in range(12_000)})

    response = client.post("/contact/", data)

    assert response.status_code == 400
    assert EstimateRequest.objects.count() == 0


def test_a_very_long_query_string_is_harmless(client, contact):
    assert client.get("/contact/?" + "x=1&" * 5000).status_code == 200


def test_payloads_are_escaped_in_the_admin_and_in_emails(client, contact, valid_post, admin_client):
    client.post("/contact/", valid_post(your_name=SCRIPT, message="<b>bold</b>"))
    run_mail_queue()

    listing = admin_client.get(reverse("estimate_requests:index")).content.decode()
    assert SCRIPT not in listing and "&lt;script&gt;" in listing
    lead = EstimateRequest.objects.get()
    detail = admin_client.get(
        reverse("estimate_requests:inspect", args=(lead.pk,))
    ).content.decode()
    assert SCRIPT not in detail
    staff, visitor = mail.outbox
    html = staff.alternatives[0].content
    assert SCRIPT not in html and "&lt;script&gt;" in html
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert SCRIPT in staff.body  # plain text shows it as typed: it is only text there
    # The visitor's copy goes to an unverified address, so it carries none of the free text.
    assert "script" not in visitor.body + visitor.alternatives[0].content
    assert "bold" not in visitor.body
