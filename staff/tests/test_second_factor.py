"""The second factor: required for Moderators, Lead handlers and superusers, optional for
Editors; set up with a phone app, asked after the password, recovery codes good once."""

import itertools
import re
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from conftest import current_code, sign_in
from staff.roles import EDITORS, LEAD_HANDLERS, MODERATORS
from staff.tests.test_first_password import account_form

pytestmark = pytest.mark.django_db

ADDRESSES = itertools.count(1)
LOGIN = reverse("wagtailadmin_login")
HOME = reverse("wagtailadmin_home")
SET_UP = reverse("second_factor_set_up")
CODE = reverse("second_factor_sign_in")
MANAGE = reverse("second_factor_manage")
PASSWORD = "pw-for-tests"
# The dashboard and the estimate requests, which every role here may see once signed in.
ADMIN_PAGES = [HOME, reverse("estimate_requests:index")]


def password_step(username, password=PASSWORD):
    """A fresh browser, each from its own address: sign-in tries are throttled per address."""
    client = Client(REMOTE_ADDR=f"198.51.100.{next(ADDRESSES)}")
    response = client.post(LOGIN, {"username": username, "password": password})
    assert response.status_code == 302, "the password was refused"
    return client


def set_up_phone(client):
    """What a person does on the set-up page: scan, then type the app's first code."""
    page = client.get(SET_UP)
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=page.wsgi_request.user, confirmed=False)
    return client.post(SET_UP, {"code": current_code(device)}), device


def codes_on(page):
    return re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page.content.decode())


@pytest.mark.parametrize("role", [MODERATORS, LEAD_HANDLERS, "superuser"])
def test_whoever_must_have_one_is_sent_to_set_it_up_and_reaches_nothing_before(
    role, staff_user, django_user_model
):
    if role == "superuser":
        django_user_model.objects.create_superuser("owner", "owner@example.com", PASSWORD)
        username = "owner"
    else:
        username = staff_user(role).username
    client = password_step(username)

    for path in ADMIN_PAGES:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(SET_UP), path
    page = client.get(SET_UP).content.decode()
    assert "Your role lets you publish pages or read visitors' requests" in page
    assert "<svg" in page and "QR code to scan" in page

    refused = client.post(SET_UP, {"code": "000000"})
    assert "That code is not right" in refused.content.decode()
    assert client.get(HOME).status_code == 302
    TOTPDevice.objects.update(throttling_failure_count=0)  # no wait before the next try

    done, device = set_up_phone(client)
    codes = codes_on(done)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "shown only now" in done.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    for path in ADMIN_PAGES:
        assert client.get(path).status_code == 200, path


def test_after_the_password_the_code_is_asked_and_a_wrong_one_refused(staff_user):
    moderator = staff_user(MODERATORS, "mo")
    device = TOTPDevice.objects.create(user=moderator, name="Phone app", confirmed=True)
    client = password_step("mo")

    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{CODE}?next=%2Fadmin%2Fpages%2F"
    # The set-up page cannot be used to pair another phone before the code is given.
    assert client.get(SET_UP)["Location"].startswith(CODE)
    assert client.get(MANAGE)["Location"].startswith(CODE)

    wrong = client.post(CODE, {"code": "123 456", "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    assert client.get(HOME).status_code == 302

    TOTPDevice.objects.update(throttling_failure_count=0)  # no wait before the next try
    device.refresh_from_db()
    right = client.post(CODE, {"code": current_code(device), "next": "/admin/pages/"})
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_wrong_codes_in_a_row_make_each_next_try_wait(staff_user):
    device = TOTPDevice.objects.create(
        user=staff_user(MODERATORS, "mo"), name="Phone app", confirmed=True
    )
    client = password_step("mo")
    now = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=now):  # no second passes
        client.post(CODE, {"code": "111111"})

        # Even the right code is refused while the wait lasts.
        response = client.post(CODE, {"code": current_code(device)})

    assert "Too many wrong codes" in response.content.decode()
    assert client.get(HOME).status_code == 302


def test_recovery_codes_sign_in_once_each(staff_user):
    staff_user(LEAD_HANDLERS, "lee")
    codes = codes_on(set_up_phone(password_step("lee"))[0])

    client = password_step("lee")
    used = client.post(CODE, {"code": codes[0].upper()})
    assert used.status_code == 302 and used["Location"] == MANAGE
    page = client.get(MANAGE).content.decode()
    assert "signed in with a recovery code; 9 are left" in page
    assert "You have 9 unused recovery codes" in page
    assert client.get(HOME).status_code == 200

    again = password_step("lee").post(CODE, {"code": codes[0]})
    assert "That code is not right" in again.content.decode()
    assert StaticToken.objects.filter(token=codes[0]).count() == 0


def test_new_recovery_codes_replace_the_old_ones(staff_user):
    staff_user(MODERATORS, "mo")
    client = password_step("mo")
    old = codes_on(set_up_phone(client)[0])

    new = codes_on(client.post(MANAGE, {"action": "new-codes"}))

    assert len(new) == 10 and not set(old) & set(new)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)


def test_a_new_phone_replaces_the_old_one_once_it_works(staff_user):
    staff_user(MODERATORS, "mo")
    client = password_step("mo")
    _, old_phone = set_up_phone(client)

    _, new_phone = set_up_phone(client)

    assert list(TOTPDevice.objects.values_list("pk", flat=True)) == [new_phone.pk]
    assert new_phone.pk != old_phone.pk


def test_editors_choose_and_once_set_up_it_is_asked_of_them_too(staff_user):
    staff_user(EDITORS, "ed")
    client = password_step("ed")
    assert client.get(HOME).status_code == 200
    assert "The second factor is off" in client.get(MANAGE).content.decode()

    codes = codes_on(set_up_phone(client)[0])
    later = password_step("ed")
    assert later.get(HOME)["Location"] == CODE

    # An Editor may turn it off again, after giving a code; a Moderator may not.
    later.post(CODE, {"code": codes[0]})
    later.post(MANAGE, {"action": "turn-off"})
    assert not TOTPDevice.objects.filter(user__username="ed").exists()
    assert password_step("ed").get(HOME).status_code == 200


def test_moderators_cannot_turn_it_off(staff_user):
    staff_user(MODERATORS, "mo")
    client = password_step("mo")
    set_up_phone(client)

    client.post(MANAGE, {"action": "turn-off"})

    assert TOTPDevice.objects.filter(user__username="mo", confirmed=True).exists()
    page = client.get(MANAGE)
    assert page.status_code == 200 and "The second factor is on" in page.content.decode()
    assert "Turn off" not in page.content.decode()


def test_the_code_page_sends_nobody_to_another_site(staff_user):
    device = TOTPDevice.objects.create(
        user=staff_user(MODERATORS, "mo"), name="Phone app", confirmed=True
    )
    client = password_step("mo")

    response = client.post(CODE, {"code": current_code(device), "next": "https://evil.example/"})

    assert response.status_code == 302 and response["Location"] == HOME


def test_a_new_moderator_chooses_a_password_first_then_sets_up_the_phone(capsys):
    call_command("create_staff_user", "nia", email="nia@example.com", role="moderators")
    one_time = re.search(r"One-time password: (\S+)", capsys.readouterr().out)[1]
    client = password_step("nia", one_time)

    assert client.get(HOME)["Location"].startswith(reverse("wagtailadmin_account"))
    account = client.get(reverse("wagtailadmin_account"))
    assert account.status_code == 200

    assert "choose a password of your own" in account.content.decode()

    changed = client.post(reverse("wagtailadmin_account"), {
        **account_form(account.content.decode()),
        "name_email-first_name": "Nia",
        "name_email-last_name": "Park",
        "password-old_password": one_time,
        "password-new_password1": "her own, long and new 7",
        "password-new_password2": "her own, long and new 7",
    })  # fmt: skip
    assert changed.status_code == 302
    # Her own password chosen, nothing but the set-up page opens, the account page included.
    for path in [HOME, reverse("wagtailadmin_account")]:
        assert client.get(path)["Location"].startswith(SET_UP), path


def test_the_owner_resets_a_lost_second_factor_and_nobody_else_can(staff_user, admin_client):
    staff_user(LEAD_HANDLERS, "lee")
    set_up_phone(password_step("lee"))
    lee = TOTPDevice.objects.get(user__username="lee").user
    reset = reverse("second_factor_reset", args=(lee.pk,))

    moderator = sign_in(Client(), staff_user(MODERATORS, "mo"))
    refused = moderator.post(reset)  # Wagtail answers a refusal with the dashboard
    assert (refused.status_code, refused["Location"]) == (302, HOME)
    assert TOTPDevice.objects.filter(user=lee).exists()
    users = admin_client.get(reverse("wagtailusers_users:index")).content.decode()
    assert reset in users  # the button beside lee, for the owner
    assert "Reset the second factor" in admin_client.get(reset).content.decode()

    done = admin_client.post(reset)

    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=lee).exists()
    assert not StaticToken.objects.filter(device__user=lee).exists()
    assert password_step("lee").get(HOME)["Location"].startswith(SET_UP)


def test_the_session_key_changes_when_the_code_is_given(staff_user):
    device = TOTPDevice.objects.create(
        user=staff_user(MODERATORS, "mo"), name="Phone app", confirmed=True
    )
    client = password_step("mo")
    seen_before = client.cookies["sessionid"].value

    client.post(CODE, {"code": current_code(device)})

    assert client.cookies["sessionid"].value != seen_before
    assert client.get(HOME).status_code == 200
    copied = Client()
    copied.cookies["sessionid"] = seen_before
    assert copied.get(HOME).status_code == 302


def test_six_sign_in_tries_a_minute_from_one_address_wait(staff_user, home):
    TOTPDevice.objects.create(user=staff_user(MODERATORS, "mo"), name="Phone app", confirmed=True)
    client = password_step("mo")  # the first try: the password

    answers = [client.post(CODE, {"code": f"{n:06d}"}).status_code for n in range(4)]
    waiting = client.post(CODE, {"code": "000042"})
    # Wagtail's own sign-in form for private pages counts in the same minute.
    also = client.post(reverse("wagtailcore_login"), {"username": "mo", "password": PASSWORD})

    assert answers == [200] * 4  # the form again, with its error
    assert waiting.status_code == 429 and also.status_code == 429
    assert "Please wait a minute" in waiting.content.decode()


@pytest.fixture
def private_page(home):
    page = home.add_child(instance=Page(title="Staff notes", slug="staff-notes"))
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


@pytest.fixture
def private_document(home):
    collection = Collection.get_first_root_node().add_child(name="Staff only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return get_document_model().objects.create(
        title="Price list",
        file=ContentFile(b"%PDF-1.4 prices", name="prices.pdf"),
        collection=collection,
    )


def test_private_pages_and_documents_wait_for_the_code(staff_user, private_page, private_document):
    device = TOTPDevice.objects.create(
        user=staff_user(MODERATORS, "mo"), name="Phone app", confirmed=True
    )
    client = password_step("mo")
    private = [private_page.url, private_document.url]

    for url in private:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(CODE), url

    client.post(CODE, {"code": current_code(device)})
    for url in private:
        assert client.get(url).status_code == 200, url
