"""Password guessing at the admin's sign-in: throttled per address, then locked per account
and per address, explained, released by a Moderator or by time."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import conftest
from staff.roles import EDITORS, MODERATORS

pytestmark = pytest.mark.django_db

LOGIN = reverse("wagtailadmin_login")


@pytest.fixture
def editor(staff_user):
    return staff_user(EDITORS, "ed", password="the-right-one")


def sign_in(username, password, address="198.51.100.7"):
    return Client(REMOTE_ADDR=address).post(LOGIN, {"username": username, "password": password})


def signed_in(response):
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def a_minute_passes():
    """The throttle counts tries a minute at a time, in the cache; the lock counts failures
    for an hour, in the database."""
    cache.clear()


def wrong_passwords(count, username="ed"):
    """As a patient guesser sends them: five a minute, what the throttle lets through."""
    answers = []
    for n in range(count):
        if n % 5 == 0:
            a_minute_passes()
        answers.append(sign_in(username, f"guess-{n}").status_code)
    a_minute_passes()
    return answers


def test_a_sixth_try_within_a_minute_waits_whatever_the_account(editor, staff_user):
    staff_user(EDITORS, "other", password="also-right")
    assert [sign_in("ed", f"guess-{n}").status_code for n in range(5)] == [200] * 5

    for username, password in [("ed", "the-right-one"), ("other", "also-right")]:
        waiting = sign_in(username, password)
        assert waiting.status_code == 429 and not signed_in(waiting)
        assert waiting["Retry-After"] == "60"
        assert "Please wait a minute before trying again" in waiting.content.decode()
    assert signed_in(sign_in("other", "also-right", address="203.0.113.5"))

    a_minute_passes()
    assert signed_in(sign_in("ed", "the-right-one"))  # five wrong ones do not lock


def test_twenty_wrong_passwords_lock_the_account_and_the_address(editor, staff_user):
    staff_user(EDITORS, "other", password="also-right")
    assert signed_in(sign_in("ed", "the-right-one"))

    answers = wrong_passwords(20)
    refused = sign_in("ed", "the-right-one")

    assert answers[:9] == [200] * 9  # the form again, "wrong password"
    assert set(answers[10:]) == {429}
    assert refused.status_code == 429 and not signed_in(refused)
    page = refused.content.decode()
    assert "too many wrong passwords" in page and "ask a Moderator" in page
    # The address is locked for every account, and the account from every address.
    assert sign_in("other", "also-right").status_code == 429
    assert sign_in("ed", "the-right-one", address="203.0.113.5").status_code == 429
    assert signed_in(sign_in("other", "also-right", address="203.0.113.5"))


def test_a_moderator_releases_a_lock(editor, staff_user):
    wrong_passwords(10)
    assert sign_in("ed", "the-right-one").status_code == 429
    moderator = Client()
    conftest.sign_in(moderator, staff_user(MODERATORS, "mo"))

    listing = moderator.get(reverse("locked_sign_ins:index")).content.decode()
    assert "198.51.100.7" in listing
    for attempt in AccessAttempt.objects.all():
        response = moderator.post(reverse("locked_sign_ins:delete", args=(attempt.pk,)))
        assert response.status_code == 302

    assert signed_in(sign_in("ed", "the-right-one"))


def test_a_lock_lifts_after_an_hour(editor):
    wrong_passwords(10)
    assert sign_in("ed", "the-right-one").status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=61))

    assert signed_in(sign_in("ed", "the-right-one"))


def test_editors_cannot_see_or_release_locks(client, editor):
    conftest.sign_in(client, editor)

    assert client.get(reverse("locked_sign_ins:index")).status_code in (302, 403)
