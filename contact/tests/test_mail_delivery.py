"""Estimate emails when the mail server fails: tried again on a schedule, never sent twice,
and marked for the office when they could not be delivered at all."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from contact.models import EstimateRequest
from contact.tasks import resend
from contact.tests.backends import FailingBackend
from contact.tests.conftest import run_mail_queue

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_mail(settings):
    settings.EMAIL_BACKEND = "contact.tests.backends.FailingBackend"
    FailingBackend.calls = 0
    return settings


def run_due_retries():
    """Bring every queued retry forward to now, then run the queue once."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_mail_queue()


def test_after_the_last_try_the_request_is_marked_undelivered(
    client, contact, valid_post, failing_mail
):
    failing_mail.MAIL_RETRY_SECONDS = [60, 60]
    client.post("/contact/", valid_post())

    run_mail_queue()
    run_due_retries()
    assert EstimateRequest.objects.get().mail_failed_at is None  # one more try to come
    run_due_retries()

    estimate = EstimateRequest.objects.get()
    assert (estimate.mail_attempts, FailingBackend.calls) == (3, 3)
    assert estimate.mail_failed_at is not None
    assert not DBTaskResult.objects.filter(status="READY").exists()  # no more tries


def test_a_failed_server_is_left_alone_for_a_while_not_tried_for_every_request(
    client, contact, valid_post, failing_mail
):
    failing_mail.MAIL_PAUSE_SECONDS = 30
    for n in range(3):
        client.post("/contact/", valid_post(email=f"visitor{n}@example.com"))

    run_mail_queue()

    # One request found the server down; the other two were put off without a connection.
    assert FailingBackend.calls == 1
    assert DBTaskResult.objects.filter(status="READY").count() == 3
    assert all(e.mail_attempts == 1 for e in EstimateRequest.objects.all())


def test_a_lead_handler_resends_undelivered_emails(client, contact, valid_post, failing_mail):
    failing_mail.MAIL_RETRY_SECONDS = []
    client.post("/contact/", valid_post())
    run_mail_queue()
    estimate = EstimateRequest.objects.get()
    assert estimate.mail_failed_at is not None

    failing_mail.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    resend(estimate)
    run_mail_queue()

    estimate.refresh_from_db()
    assert estimate.mail_failed_at is None and estimate.visitor_confirmed_at is not None
    assert [message.to for message in mail.outbox] == [["office@example.com"], ["ana@example.com"]]


def test_each_email_has_a_message_id_of_its_own_that_a_second_copy_repeats(
    client, contact, valid_post
):
    client.post("/contact/", valid_post())
    run_mail_queue()
    estimate = EstimateRequest.objects.get()

    ids = [message.extra_headers["Message-ID"] for message in mail.outbox]

    assert ids == [f"<estimate-{estimate.pk}-office@localhost>",
                   f"<estimate-{estimate.pk}-visitor@localhost>"]  # fmt: skip
    assert all(message.message()["Message-ID"] == ids[n] for n, message in enumerate(mail.outbox))


def test_the_office_gets_one_summary_a_day_of_undelivered_requests(
    client, contact, valid_post, failing_mail
):
    failing_mail.MAIL_RETRY_SECONDS = []
    for n in range(2):
        client.post("/contact/", valid_post(your_name=f"Caller {n}", email=f"c{n}@example.com"))
    run_mail_queue()  # both fail for good
    failing_mail.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    call_command("send_undelivered_summary")
    call_command("send_undelivered_summary")  # later the same day: nothing more
    run_mail_queue()

    [summary] = mail.outbox
    assert summary.to == ["office@example.com"]
    assert "2 estimate request(s) whose emails could not be sent" in summary.subject
    assert "Caller 0" in summary.body and "Caller 1" in summary.body
    assert "http://testserver/admin/estimate_requests/?undelivered=true" in summary.body


def test_no_summary_when_every_email_went_out(client, contact, valid_post):
    client.post("/contact/", valid_post())
    run_mail_queue()

    call_command("send_undelivered_summary")
    run_mail_queue()

    assert len(mail.outbox) == 2  # the request's own two emails only
