"""Staff's forgotten-password mail: queued, the same answer for any address, throttled."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from contact.tests.conftest import run_mail_queue
from staff.roles import EDITORS

pytestmark = pytest.mark.django_db

RESET = reverse("wagtailadmin_password_reset")
DONE = reverse("wagtailadmin_password_reset_done")


@pytest.fixture
def editor(staff_user):
    user = staff_user(EDITORS, "ed")
    user.email = "ed@lm-granite.test"
    user.save()
    return user


def ask(client, email, address="198.51.100.7"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def test_the_link_is_sent_by_the_worker_not_the_request(client, editor, settings):
    settings.EMAIL_BACKEND = "contact.tests.backends.ExplodingBackend"  # a request must not send

    response = ask(client, "ed@lm-granite.test")

    assert (response.status_code, response["Location"]) == (302, DONE)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_mail_queue()
    [message] = mail.outbox
    assert message.to == ["ed@lm-granite.test"]
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+)", message.body)[1]
    assert client.get(link).status_code == 302  # to the form that sets the new password
    assert message.extra_headers["Message-ID"].startswith("<password-reset-")


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, editor):
    known, unknown = ask(client, "ed@lm-granite.test"), ask(client, "nobody@example.com")

    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert DBTaskResult.objects.count() == 2  # the same work either way
    run_mail_queue()
    assert [message.to for message in mail.outbox] == [["ed@lm-granite.test"]]


def test_asks_are_limited_per_email_address_and_per_network_address(client, editor):
    for n in range(5):
        assert ask(client, "ed@lm-granite.test", address=f"198.51.100.{n}")["Location"] == DONE
    assert DBTaskResult.objects.count() == 3  # three an hour for one email address

    for n in range(12):
        assert ask(client, f"someone{n}@example.com", address="203.0.113.9")["Location"] == DONE
    assert DBTaskResult.objects.count() == 3 + 10  # ten an hour from one network address
