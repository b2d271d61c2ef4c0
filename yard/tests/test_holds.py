"""A visitor holds a slab: the request is stored, the slab is held for SLAB_HOLD_HOURS, the
office and the visitor are emailed; a second visitor joins the waiting list; holds end by
themselves and pass to the next person waiting."""

import datetime

import pytest
from django.core.management import call_command
from django.db import IntegrityError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from contact.models import EstimateRequest
from contact.tests.conftest import run_mail_queue, token
from yard import holds
from yard.factories import SlabFactory
from yard.models import Slab, SlabHold

from .conftest import hold_path, hold_post, slab_path

pytestmark = pytest.mark.django_db


def test_a_visitor_holds_a_slab_and_both_sides_are_emailed(client, slab, mailoutbox):
    page = client.get(hold_path(slab))
    assert page.status_code == 200
    assert "Hold this slab for me" in page.content.decode()

    response = client.post(hold_path(slab), hold_post())

    assert response.status_code == 200
    assert "It is held for you" in response.content.decode()
    lead = EstimateRequest.objects.get()
    assert (lead.kind, lead.name, lead.phone, lead.material) == (
        "hold", "Ana Díaz", "(404) 555-0123", slab.material,
    )  # fmt: skip
    assert lead.form_data["note"] == "A vanity top, 60 x 22."
    slab.refresh_from_db()
    hold = SlabHold.objects.get()
    assert (slab.status, hold.state, hold.lead) == (Slab.Status.ON_HOLD, "holding", lead)
    expected_end = timezone.now() + datetime.timedelta(hours=48)
    assert abs(hold.ends_at - expected_end) < datetime.timedelta(minutes=1)
    assert slab.held_until == hold.ends_at

    run_mail_queue()
    office, visitor = sorted(mailoutbox, key=lambda message: message.to[0] != "office@example.com")
    assert office.to == ["office@example.com"] and office.reply_to == ["ana@example.com"]
    assert "Rack 1" not in office.body  # a reply quoting it would tell the visitor
    assert visitor.to == ["ana@example.com"]
    assert holds.when(hold.ends_at) in visitor.subject + visitor.body
    assert "Rack 1" not in visitor.body
    assert "How to come and see it" in visitor.body


def test_the_slab_page_shows_the_hold(client, slab):
    holds.ask(slab, EstimateRequest.objects.create(kind="hold", name="Bo", form_data={}))
    slab.refresh_from_db()
    page = client.get(slab_path(slab)).content.decode()
    assert "On hold until" in page
    assert "Join the waiting list" in page
    listing = client.get("/slabs/").content.decode()
    assert f"On hold until {timezone.localtime(slab.held_until):%a} " in listing


def test_what_was_typed_comes_back_with_each_error(client, slab):
    response = client.post(hold_path(slab), hold_post(phone="12", email="not-an-email"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter a ten-digit phone number" in page
    assert "Enter a valid email address" in page
    assert 'value="Ana Díaz"' in page and 'value="12"' in page and "A vanity top" in page
    assert not EstimateRequest.objects.exists()
    slab.refresh_from_db()
    assert slab.status == Slab.Status.AVAILABLE


def test_spam_is_stored_flagged_and_holds_nothing(client, slab, mailoutbox):
    response = client.post(hold_path(slab), hold_post(lm_homepage="http://spam.example"))

    assert response.status_code == 200
    lead = EstimateRequest.objects.get()
    assert lead.is_spam and lead.spam_reason == "Filled in the hidden field."
    slab.refresh_from_db()
    assert slab.status == Slab.Status.AVAILABLE and not SlabHold.objects.exists()
    run_mail_queue()
    assert mailoutbox == []


@pytest.mark.parametrize(
    "seconds, is_spam",
    [(2, False), (0.2, True)],  # a phone's autofill and one tap; a script
)
def test_a_hold_sent_seconds_after_opening_holds_and_an_instant_one_is_flagged(
    client, slab, seconds, is_spam
):
    client.post(hold_path(slab), hold_post(lm_started=token(seconds_ago=seconds)))

    lead = EstimateRequest.objects.get()
    assert lead.is_spam is is_spam
    assert SlabHold.objects.filter(lead=lead).exists() is not is_spam


def test_a_replayed_form_is_stored_as_spam(client, slab):
    data = hold_post()
    client.post(hold_path(slab), data)
    client.post(hold_path(slab), data)
    assert list(EstimateRequest.objects.order_by("pk").values_list("is_spam", flat=True)) == [
        False,
        True,
    ]


def test_hold_posts_are_rate_limited_and_keep_what_was_typed(client, slab, settings):
    settings.CONTACT_POSTS_PER_MINUTE = 2
    for _ in range(2):
        client.post(hold_path(slab), hold_post(email="bad"))
    response = client.post(hold_path(slab), hold_post(email="bad"))
    assert response.status_code == 429
    assert "Please wait a minute" in response.content.decode()
    assert 'value="Ana Díaz"' in response.content.decode()


def test_a_second_visitor_joins_the_waiting_list(client, slab, mailoutbox):
    client.post(hold_path(slab), hold_post())
    slab.refresh_from_db()
    page = client.get(hold_path(slab)).content.decode()
    assert "Join the waiting list" in page and f"{timezone.localtime(slab.held_until):%B}" in page

    response = client.post(
        hold_path(slab), hold_post(your_name="Cy", email="cy@example.com", phone="(404) 555-0199")
    )

    assert "You are on the waiting list" in response.content.decode()
    assert "number 1" in response.content.decode()
    second = EstimateRequest.objects.get(name="Cy")
    assert second.kind == "waiting"
    assert SlabHold.objects.filter(state="holding").count() == 1
    assert SlabHold.objects.get(lead=second).state == "waiting"
    run_mail_queue()
    to_cy = [m for m in mailoutbox if m.to == ["cy@example.com"]]
    assert len(to_cy) == 1 and "waiting list" in to_cy[0].subject


def test_one_hold_per_slab_is_a_database_rule(slab):
    lead = EstimateRequest.objects.create(name="A", form_data={})
    SlabHold.objects.create(slab=slab, lead=lead, state="holding")
    with pytest.raises(IntegrityError):
        SlabHold.objects.create(slab=slab, lead=lead, state="holding")


def lead(name):
    return EstimateRequest.objects.create(
        kind="hold", name=name, email=f"{name.lower()}@example.com", form_data={}
    )


def test_an_expired_hold_passes_to_the_next_person_waiting(slab, yard, mailoutbox):
    first, second, third = lead("First"), lead("Second"), lead("Third")
    holds.ask(slab, first)
    holds.ask(slab, second)
    holds.ask(slab, third)
    SlabHold.objects.filter(lead=first).update(ends_at=timezone.now() - datetime.timedelta(1))

    call_command("release_expired_holds", stdout=open("/dev/null", "w"))  # noqa: SIM115

    states = dict(SlabHold.objects.values_list("lead__name", "state"))
    assert states == {"First": "ended", "Second": "holding", "Third": "waiting"}
    slab.refresh_from_db()
    passed = SlabHold.objects.get(lead=second)
    assert slab.status == Slab.Status.ON_HOLD and slab.held_until == passed.ends_at
    assert passed.ends_at > timezone.now() + datetime.timedelta(hours=47)
    run_mail_queue()
    run_mail_queue()
    yours = [m for m in mailoutbox if m.to == ["second@example.com"]]
    assert len(yours) == 1 and "held for you" in yours[0].subject
    assert holds.when(passed.ends_at) in yours[0].body
    notes = list(
        ModelLogEntry.objects.filter(object_id=str(slab.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert notes == ["yard.held", "yard.waiting", "yard.waiting", "yard.expired", "yard.passed_on"]


def test_an_expired_hold_with_nobody_waiting_makes_the_slab_available(slab):
    holds.ask(slab, lead("Only"))
    assert holds.release_expired(now=timezone.now() + datetime.timedelta(hours=49)) == 1
    slab.refresh_from_db()
    assert (slab.status, slab.held_until) == (Slab.Status.AVAILABLE, None)


def test_a_hold_not_yet_due_is_left_alone(slab):
    holds.ask(slab, lead("Only"))
    assert holds.release_expired() == 0
    assert SlabHold.objects.get().state == "holding"


def test_a_sold_slab_is_gone_from_the_site(client, slab):
    other = SlabFactory(colour="Steel Grey")
    holds.ask(slab, lead("Buyer"))
    holds.mark_sold(slab, None)

    assert client.get(slab_path(slab)).status_code == 410
    assert client.get(hold_path(slab)).status_code == 410
    listing = client.get("/slabs/").content.decode()
    assert "Steel Grey" in listing and "Absolute Black" not in listing
    assert other.pk and SlabHold.objects.get().end_reason == "sold"


def test_an_unknown_slab_is_not_found(client, yard):
    assert client.get("/slabs/999-nothing/").status_code == 404
    assert client.get("/slabs/999-nothing/hold/").status_code == 404


def test_an_old_name_in_the_address_redirects(client, slab):
    response = client.get(f"/slabs/{slab.pk}-old-name/")
    assert response.status_code == 301 and response["Location"] == slab_path(slab)


@pytest.mark.parametrize("method", ["put", "delete", "options", "trace"])
def test_the_hold_form_answers_get_head_and_post_only(client, slab, method):
    assert getattr(client, method)(hold_path(slab)).status_code == 405


def test_asking_twice_keeps_one_place(client, slab):
    client.post(hold_path(slab), hold_post())
    bea = {"your_name": "Bea", "phone": "(404) 555-0177"}
    client.post(hold_path(slab), hold_post(email="bea@example.com", **bea))
    again = client.post(hold_path(slab), hold_post(email="BEA@example.com", **bea))

    assert "You are on the waiting list" in again.content.decode()
    assert EstimateRequest.objects.count() == 3  # every request is kept
    assert SlabHold.objects.filter(state="waiting").count() == 1


def test_a_slab_sold_while_the_form_was_open(client, slab, mailoutbox):
    form = client.get(hold_path(slab))
    assert form.status_code == 200
    holds.mark_sold(slab, None)

    response = client.post(hold_path(slab), hold_post())

    assert "it has just been sold" in response.content.decode()
    assert EstimateRequest.objects.get().name == "Ana Díaz"
    assert not SlabHold.objects.exists()
    run_mail_queue()  # the office is told, to call them
    (office,) = mailoutbox
    assert office.to == ["office@example.com"] and "not held" in office.body


def test_deleting_the_holders_request_passes_the_slab_on(slab):
    first, second = lead("First"), lead("Second")
    holds.ask(slab, first)
    holds.ask(slab, second)

    first.delete()

    slab.refresh_from_db()
    assert SlabHold.objects.get().state == "holding" and SlabHold.objects.get().lead == second
    assert slab.status == Slab.Status.ON_HOLD
    second.delete()
    slab.refresh_from_db()
    assert (slab.status, slab.held_until) == (Slab.Status.AVAILABLE, None)


def test_one_visitor_cannot_hold_the_whole_yard(client, yard):
    slabs = [SlabFactory(colour=f"Colour {n}") for n in range(holds.MAX_HOLDS_PER_VISITOR + 1)]
    for slab in slabs:
        response = client.post(hold_path(slab), hold_post())
    assert "which is as many as we keep for one person" in response.content.decode()
    assert SlabHold.objects.count() == holds.MAX_HOLDS_PER_VISITOR
    assert EstimateRequest.objects.count() == len(slabs)  # the last is stored, for a call
    slabs[-1].refresh_from_db()
    assert slabs[-1].status == Slab.Status.AVAILABLE


def test_a_name_with_a_line_break_cannot_break_the_email(client, slab, mailoutbox):
    client.post(hold_path(slab), hold_post(your_name="Ana\nBcc: x@example.com"))
    run_mail_queue()
    assert len(mailoutbox) == 2 and all("\n" not in m.subject for m in mailoutbox)


def test_a_hold_that_ended_before_the_email_went_tells_only_the_office(client, slab, mailoutbox):
    client.post(hold_path(slab), hold_post())
    holds.mark_sold(slab, None)
    run_mail_queue()
    (office,) = mailoutbox
    assert "has ended since (sold)" in office.body


def test_the_passed_on_email_is_not_sent_once_the_slab_is_sold(slab, yard, mailoutbox):
    holds.ask(slab, lead("First"))
    holds.ask(slab, lead("Second"))
    holds.release(slab, None)
    holds.mark_sold(slab, None)
    run_mail_queue()
    assert not [m for m in mailoutbox if m.to == ["second@example.com"]]
