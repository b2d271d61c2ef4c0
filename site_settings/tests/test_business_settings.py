import pytest
from django.core.exceptions import ValidationError

from blog.factories import ArticlePageFactory, BlogIndexPageFactory
from gallery.factories import GalleryPageFactory
from home.models import StandardPage
from services.factories import ServiceIndexPageFactory, ServicePageFactory
from site_settings.models import BusinessSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_pages(home, business):
    services = ServiceIndexPageFactory(parent=home)
    ServicePageFactory(parent=services, slug="kitchens")
    blog = BlogIndexPageFactory(parent=home)
    ArticlePageFactory(parent=blog, slug="carrara")
    GalleryPageFactory(parent=home)
    home.add_child(instance=StandardPage(title="About us", slug="about"))
    return [
        "/",
        "/services/",
        "/services/kitchens/",
        "/blog/",
        "/blog/carrara/",
        "/gallery/",
        "/about/",
    ]


def test_phone_is_shown_and_linked_in_a_readable_form(business):
    assert business.phone_display == "(678) 372-5976"
    assert business.phone_href == "tel:+16783725976"


@pytest.mark.parametrize("entered", ["678.372.5976", "(678) 372-5976", "+1 678 372 5976"])
def test_any_usual_way_of_typing_the_number_works(business, entered):
    business.phone = entered
    business.full_clean()

    assert business.phone_href == "tel:+16783725976"


@pytest.mark.parametrize("entered", ["372-5976", "call us", "678.372.59761234"])
def test_a_number_that_cannot_be_dialled_is_refused(business, entered):
    business.phone = entered

    with pytest.raises(ValidationError) as error:
        business.full_clean()
    assert "ten-digit" in str(error.value)


def test_changing_the_phone_changes_every_page(client, site, business, site_pages):
    business.phone = "404.555.0199"
    business.save()

    for url in site_pages:
        html = client.get(url).content.decode()
        assert 'href="tel:+14045550199"' in html, url
        assert "(404) 555-0199" in html, url
        assert "tel:+16783725976" not in html, url
        # Header, footer and the phone call bar at least.
        assert html.count('href="tel:+14045550199"') >= 3, url


def test_name_hours_and_address_come_from_settings(client, site, business, site_pages):
    business.business_name = "L&M Stoneworks"
    business.street_address = "1 Sample Road"
    business.city = "Sampletown"
    business.region = "GA"
    business.postal_code = "30000"
    business.opening_hours = [
        {"type": "hours", "value": {"day": "monday", "opens": "08:00", "closes": "17:00"}}
    ]
    business.save()

    html = client.get("/about/").content.decode()

    assert "L&amp;M Stoneworks" in html
    assert "1 Sample Road<br>Sampletown, GA 30000" in html
    assert "<dt>Monday</dt><dd>8:00 AM – 5:00 PM</dd>" in html
    assert "<dt>Sunday</dt><dd>Closed</dd>" in html


def test_hours_are_in_week_order_whatever_the_editor_order(business):
    business.opening_hours = [
        {"type": "hours", "value": {"day": "saturday", "opens": "09:00", "closes": "13:00"}},
        {"type": "hours", "value": {"day": "monday", "opens": "08:00", "closes": "17:00"}},
    ]

    labels = [(day["label"], bool(day["opens"])) for day in business.hours]

    assert labels[0] == ("Monday", True)
    assert labels[5] == ("Saturday", True)
    assert labels[6] == ("Sunday", False)
    assert len(labels) == 7


def test_one_settings_object_per_site(site, business):
    assert BusinessSettings.for_site(site).pk == business.pk
