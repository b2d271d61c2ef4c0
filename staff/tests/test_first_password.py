"""An account made by create_staff_user: its one-time password must be changed at the first
sign-in, and signs no one in after 72 hours."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from staff.models import OneTimePassword

pytestmark = pytest.mark.django_db

LOGIN = reverse("wagtailadmin_login")
ACCOUNT = reverse("wagtailadmin_account")


@pytest.fixture
def new_editor(capsys):
    call_command("create_staff_user", "nell", email="nell@example.com", role="editors")
    return re.search(r"One-time password: (\S+)", capsys.readouterr().out)[1]


def account_form(html):
    """The account page's other settings as they stand: text inputs' values and the chosen
    option of each list."""
    values = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html))
    for name, options in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', options)
        values[name] = chosen[1] if chosen else ""
    return {name: value for name, value in values.items() if name != "csrfmiddlewaretoken"}


def sign_in(password):
    client = Client()
    response = client.post(LOGIN, {"username": "nell", "password": password})
    return client, response


def test_the_first_sign_in_leads_to_choosing_a_password_before_anything_else(new_editor):
    client, response = sign_in(new_editor)
    assert response.status_code == 302

    for path in [reverse("wagtailadmin_home"), reverse("wagtailadmin_explore_root")]:
        blocked = client.get(path)
        assert (blocked.status_code, blocked["Location"]) == (302, ACCOUNT + "#password"), path
    assert "choose a password of your own" in client.get(ACCOUNT).content.decode()

    changed = client.post(ACCOUNT, {
        **account_form(client.get(ACCOUNT).content.decode()),
        "name_email-first_name": "Nell",
        "name_email-last_name": "Ward",
        "password-old_password": new_editor,
        "password-new_password1": "a long one of her own 42",
        "password-new_password2": "a long one of her own 42",
    })  # fmt: skip

    assert changed.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert not OneTimePassword.objects.exists()


def test_a_one_time_password_unused_for_72_hours_signs_no_one_in(new_editor):
    OneTimePassword.objects.update(given_at=timezone.now() - datetime.timedelta(hours=73))

    client, response = sign_in(new_editor)

    assert response.status_code == 200  # the sign-in form again
    assert client.get(reverse("wagtailadmin_home")).status_code == 302  # to the sign-in page


def test_accounts_with_their_own_password_are_not_held_up(admin_client):
    assert admin_client.get(reverse("wagtailadmin_home")).status_code == 200
