"""Odd input to the estimate builder and the form around it: a clear message or a sensible
default, never a 500; and what is stored reads well wherever it is shown."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client

from contact.models import ContactFormField, EstimateRequest

from .conftest import run_mail_queue
from .test_builder import KITCHEN

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    """A client that answers a server error with a 500 page rather than raising it."""
    return Client(raise_request_exception=False)


# str.isdigit() is true for "²", which int() cannot read.
@pytest.mark.parametrize("field", ["cutouts-undermount-sink", "waterfalls", "runs-0-exposed_ends"])
@pytest.mark.parametrize("value", ["²", "³", "١"])
def test_a_count_in_other_digits_gets_a_message(visitor, contact, prices, field, value):
    response = visitor.post("/contact/", {**KITCHEN, field: value, "builder": "price"})

    assert response.status_code == 200
    assert "Give a whole number" in response.content.decode()


# int() refuses more than 4300 digits.
@pytest.mark.parametrize("action", ["remove-²", "remove-" + "9" * 5000, "remove--1"])
def test_an_odd_remove_button_value_is_ignored(visitor, contact, prices, action):
    response = visitor.post("/contact/", {**KITCHEN, "builder": action})

    assert response.status_code == 200
    assert 'name="runs" value="2"' in response.content.decode()


# An edge or tear-out the office deleted while the page was open.
@pytest.mark.parametrize("field", ["edge", "tear_out"])
def test_an_edge_or_tear_out_no_longer_offered_is_marked_where_the_summary_points(
    client, contact, prices, valid_post, field
):
    html = client.post("/contact/", valid_post(**{**KITCHEN, field: "gone"})).content.decode()

    assert EstimateRequest.objects.count() == 0
    targets = re.findall(r'<li><a href="#([^"]*)"', html)
    assert targets
    for target in targets:
        assert f'id="{target}"' in html, f"the summary links to #{target}, not on the page"
    assert re.search(
        r'<p class="field__error">Choose (an edge|what the old tops are made of) from', html
    )


def test_a_bad_full_height_is_marked_on_its_own_field(client, contact, prices):
    posted = {
        **KITCHEN,
        "runs-0-backsplash": "full",
        "runs-0-full_height": "tall",
        "builder": "price",
    }
    html = client.post("/contact/", posted).content.decode()

    assert re.search(
        r'field--full-height field--error[^>]*>\s*<label for="id_runs-0-full_height">', html
    )


@pytest.mark.parametrize("label", ["Edge", "Waterfalls", "Tear out", "Runs", "Builder"])
def test_a_question_named_like_a_builder_field_is_refused(contact, label):
    contact.form_fields.add(ContactFormField(label=label, field_type="singleline"))

    with pytest.raises(ValidationError, match="The form always asks"):
        contact.full_clean()


def test_an_old_revision_with_retired_field_types_still_renders(contact):
    """A revision saved before the core fields were fixed in code still has the old types."""
    contact.form_fields.add(ContactFormField(label="Kind of stone", field_type="material"))
    contact.form_fields.add(ContactFormField(label="Approximate area", field_type="area"))
    old = contact.save_revision(clean=False).as_object()

    form = old.get_form(page=old, user=None)

    assert "kind_of_stone" not in form.fields and "your_name" in form.fields


def test_a_zip_code_in_other_digits_is_refused(client, contact, valid_post):
    html = client.post("/contact/", valid_post(zip_code="٣٠٣٠١")).content.decode()

    assert EstimateRequest.objects.count() == 0
    assert "Enter a five-digit ZIP code" in html


@pytest.mark.parametrize("typed", ["72 in", '72"', "72  inches", " 72 "])
def test_a_measurement_is_kept_without_its_unit_and_described_once(
    client, contact, prices, valid_post, typed
):
    client.post("/contact/", valid_post(**{**KITCHEN, "runs-1-legs-0": typed}))
    estimate = EstimateRequest.objects.get()

    assert estimate.job["runs"][1]["legs"] == ["72"]
    assert "Island: length 72 in; width 36 in" in estimate.runs_described


def test_a_line_without_a_price_reads_included_everywhere(client, contact, prices, valid_post):
    client.post("/contact/", valid_post(**{**KITCHEN, "edge": "eased"}))
    run_mail_queue()

    for message in mail.outbox:
        for text in (message.body, message.alternatives[0][0]):
            assert "$0 – $0" not in text and "Eased edge" in text
            assert "included" in text.lower()
