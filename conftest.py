import pytest
from wagtail.models import Site

from home.models import HomePage
from site_settings.models import BusinessSettings


@pytest.fixture
def home(db):
    """The home page the initial migration creates, as the default site's root."""
    return HomePage.objects.get()


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


@pytest.fixture(scope="session", autouse=True)
def _remove_test_media():
    """Test settings put uploads in a temporary folder; remove it when the run ends."""
    import shutil

    from django.conf import settings

    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    shutil.rmtree(settings.PRIVATE_MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache: rate-limit counters and cached renditions."""
    from django.core.cache import cache

    cache.clear()
    yield
