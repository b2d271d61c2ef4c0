"""What search engines and link previews read: titles, canonical URLs, Open Graph, JSON-LD."""

import json
import re

import pytest

from blog.factories import ArticlePageFactory, BlogIndexPageFactory
from gallery.factories import GalleryPageFactory, GalleryPhotoFactory
from images.factories import ImageFactory
from services.factories import ServiceIndexPageFactory, ServicePageFactory
from site_settings.models import SearchEngineSettings

pytestmark = pytest.mark.django_db


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return {block["@type"]: block for block in map(json.loads, blocks)}


@pytest.fixture
def business_with_address(business):
    business.street_address = "1 Sample Road"
    business.city = "Sampletown"
    business.region = "GA"
    business.postal_code = "30000"
    business.service_area = "the greater Atlanta area"
    business.opening_hours = [
        {"type": "hours", "value": {"day": "monday", "opens": "08:00", "closes": "17:00"}}
    ]
    business.social_links = [
        {"type": "link", "value": {"platform": "facebook", "url": "https://facebook.com/lm"}}
    ]
    business.save()
    return business


def test_every_page_describes_the_business(client, home, business_with_address):
    data = json_ld(client.get("/").content.decode())["HomeAndConstructionBusiness"]

    assert data["@context"] == "https://schema.org"
    assert data["name"] == "L&M Granite and Marble"
    assert data["telephone"] == "+16783725976"
    assert data["address"]["postalCode"] == "30000"
    assert data["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Monday",
            "opens": "08:00",
            "closes": "17:00",
        }
    ]
    assert data["sameAs"] == ["https://facebook.com/lm"]
    assert data["url"] == "http://localhost/"


def test_article_has_article_and_breadcrumb_data_and_sharing_tags(client, home, business):
    blog = BlogIndexPageFactory(parent=home)
    ArticlePageFactory(parent=blog, title="Carrara marble", slug="carrara", author="Office")

    html = client.get("/blog/carrara/").content.decode()
    data = json_ld(html)

    article = data["Article"]
    assert article["headline"] == "Carrara marble"
    assert article["author"] == {"@type": "Person", "name": "Office"}
    assert article["image"].startswith("http://localhost/")
    assert article["publisher"]["@id"] == "http://localhost/#business"
    crumbs = [item["name"] for item in data["BreadcrumbList"]["itemListElement"]]
    assert crumbs == ["Home", "Stone history", "Carrara marble"]
    assert '<link rel="canonical" href="http://localhost/blog/carrara/">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_service_page_has_service_data(client, home, business):
    services = ServiceIndexPageFactory(parent=home)
    ServicePageFactory(parent=services, title="Kitchen countertops", slug="kitchens")

    service = json_ld(client.get("/services/kitchens/").content.decode())["Service"]

    assert service["name"] == "Kitchen countertops"
    assert service["provider"]["@id"] == "http://localhost/#business"


def test_canonical_url_drops_filters_and_page_numbers(client, home, business):
    BlogIndexPageFactory(parent=home)

    html = client.get("/blog/?page=2&utm_source=x").content.decode()

    assert '<link rel="canonical" href="http://localhost/blog/">' in html


def test_json_ld_cannot_be_broken_out_of(client, home, business):
    business.business_name = "L&M </script><script>alert(1)</script>"
    business.save()

    html = client.get("/").content.decode()

    assert "</script><script>alert(1)" not in html
    assert json_ld(html)["HomeAndConstructionBusiness"]["name"] == business.business_name


def test_every_page_announces_the_blog_feed(client, home, business):
    BlogIndexPageFactory(parent=home, title="Stone history")
    ServiceIndexPageFactory(parent=home)

    for url in ["/", "/services/", "/blog/", "/search/", "/no-such-page/"]:
        html = client.get(url).content.decode()
        assert (
            '<link rel="alternate" type="application/rss+xml" '
            'title="L&amp;M Granite and Marble: Stone history" href="/blog/feed/">'
        ) in html, url


def test_no_feed_link_without_a_live_blog(client, home, business):
    BlogIndexPageFactory(parent=home, live=False)

    assert "application/rss+xml" not in client.get("/").content.decode()


def test_pages_without_a_photo_share_the_default_image(client, home, site, business):
    ServiceIndexPageFactory(parent=home, hero_image=None)
    html = client.get("/services/").content.decode()
    assert "og:image" not in html
    assert '<meta name="twitter:card" content="summary">' in html

    sharing = SearchEngineSettings.for_site(site)
    sharing.share_image = ImageFactory()
    sharing.save()
    html = client.get("/services/").content.decode()

    shared = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert shared.startswith("http://localhost/media/images/") and "1200x630" in shared
    business_data = json_ld(html)["HomeAndConstructionBusiness"]
    assert business_data["image"] == shared
    assert business_data["logo"] == "http://localhost/static/img/logo.png"


def test_gallery_lists_its_photos_as_an_image_gallery(client, home, business):
    gallery = GalleryPageFactory(parent=home)
    GalleryPhotoFactory(page=gallery, caption="Marble island")
    GalleryPhotoFactory(page=gallery, caption="Granite vanity")
    gallery.save()

    data = json_ld(client.get("/gallery/").content.decode())["ImageGallery"]

    assert data["url"] == "http://localhost/gallery/"
    assert [image["caption"] for image in data["image"]] == ["Marble island", "Granite vanity"]
    assert all(image["@type"] == "ImageObject" for image in data["image"])
    assert data["image"][0]["contentUrl"].startswith("http://localhost/media/images/")
