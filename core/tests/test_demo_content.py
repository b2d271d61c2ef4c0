import json
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from taggit.models import Tag
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, Site

from blog.models import ArticlePage, ArticlePageTag
from contact.models import ContactFormField, EstimateRequest
from core.demo import content
from core.management.commands.load_demo_content import PHOTOS
from gallery.models import GalleryPhoto
from home.models import HomeFeaturedService, HomePage, Testimonial
from images.models import CustomImage
from materials.models import Material
from pricing.models import Cutout, EdgeProfile, PricingRules, TearOut
from pricing.tests.test_price_endpoint import KITCHEN
from services.models import ServicePage
from site_settings.models import BusinessSettings

# The module loads the demo once, outside the per-test transactions, and cleans up after.
pytestmark = pytest.mark.django_db


def media_files():
    return sorted(p.relative_to(settings.MEDIA_ROOT) for p in settings.MEDIA_ROOT.rglob("*.*"))


def snapshot():
    return {
        "pages": sorted(
            (p.url_path, p.title, p.specific_class.__name__, p.live) for p in Page.objects.all()
        ),
        "images": sorted(CustomImage.objects.values_list("title", "description")),
        "materials": sorted(Material.objects.values_list("slug", "price_low", "price_high")),
        "photos": sorted(GalleryPhoto.objects.values_list("caption", "material__slug", "room")),
        "testimonials": Testimonial.objects.count(),
        "sources": sorted(
            (a.slug, s.title) for a in ArticlePage.objects.all() for s in a.sources.all()
        ),
        "phone": BusinessSettings.objects.get().phone,
        "tags": sorted(ArticlePageTag.objects.values_list("content_object__slug", "tag__name")),
        "form_fields": list(ContactFormField.objects.values_list("label", "field_type")),
        "featured": list(HomeFeaturedService.objects.values_list("service__slug", flat=True)),
        "site": list(Site.objects.values_list("hostname", "port", "root_page__url_path")),
        "promotions": sorted(
            SearchPromotion.objects.values_list("query__query_string", "page__slug")
        ),
        "prices": [
            sorted(model.objects.values_list("slug", "price_low", "price_high"))
            for model in (EdgeProfile, Cutout, TearOut)
        ],
        "pricing rules": list(PricingRules.objects.values_list("minimum_charge", flat=True)),
        "leads": sorted(
            EstimateRequest.objects.values_list("name", "zip_code", "outside_area", "quote_low")
        ),
    }


@pytest.fixture(scope="module")
def demo_twice(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo twice into one database and record what each run left behind."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media"))
    with django_db_blocker.unblock(), media:
        call_command("load_demo_content", small_images=True, verbosity=0)
        first = snapshot(), media_files()
        call_command("load_demo_content", small_images=True, verbosity=0)
        second = snapshot(), media_files()
        yield first, second
        Page.objects.filter(depth__gt=2).delete()
        models = [GalleryPhoto, Material, Testimonial, CustomImage, BusinessSettings, Tag, Query]
        models += [EdgeProfile, Cutout, TearOut, PricingRules, EstimateRequest]
        for model in models:
            model.objects.all().delete()
        HomePage.objects.update(headline="Home", introduction="", seo_title="")
        # Rebuild the search index: later pages may reuse the deleted pages' ids.
        call_command("update_index", verbosity=0)
        site = Site.objects.get()
        site.hostname, site.port = "localhost", 80
        site.save()  # save(), not update(): it also clears Wagtail's cached site root paths


def test_running_twice_leaves_the_same_content_and_files(demo_twice):
    (first_content, first_files), (second_content, second_files) = demo_twice

    assert first_content == second_content
    assert first_files == second_files


def test_each_image_key_has_one_photo_and_the_demo_copies_it(demo_twice):
    (_, files), _ = demo_twice
    photos = {f"{key}.jpg" for key in content.IMAGES}

    assert {path.name for path in PHOTOS.iterdir()} == photos
    originals = [path.name for path in files if path.parts[0] == "original_images"]
    # Each upload's name starts with a random part (images.models.CustomImage.get_upload_to).
    assert {name.split("-", 1)[1] for name in originals} == photos
    assert set(CustomImage.objects.values_list("width", flat=True)) == {320}  # --small-images


def test_demo_has_the_whole_site(demo_twice):
    (demo, _), _ = demo_twice
    urls = {url for url, *_ in demo["pages"]}

    for path in ["services", "materials", "gallery", "blog", "contact", "about", "faq", "privacy"]:
        assert f"/home/{path}/" in urls
    assert sum(kind == "ServicePage" for _, _, kind, _ in demo["pages"]) >= 5
    assert sum(kind == "ArticlePage" for _, _, kind, _ in demo["pages"]) >= 4
    assert {slug for slug, *_ in demo["materials"]} >= {
        "granite",
        "marble",
        "quartz",
        "quartzite",
        "soapstone",
    }
    assert len(demo["photos"]) >= 24
    assert demo["testimonials"] >= 3
    assert all(description for _, description in demo["images"])
    assert len(demo["featured"]) == 3
    assert demo["site"] == [("testserver", 80, "/home/")]
    assert {name for _, name in demo["tags"]} >= {"history", "marble", "granite"}
    assert ("granite", "materials") in demo["promotions"]


def test_every_article_states_sources_and_the_treaty_is_told_correctly(demo_twice):
    (demo, _), _ = demo_twice
    sources_per_article = {}
    for slug, title in demo["sources"]:
        sources_per_article.setdefault(slug, []).append(title)
    assert all(len(titles) >= 2 for titles in sources_per_article.values())

    with_treaty = [a for a in content.ARTICLES if "Moscow" in a["title"]]
    assert len(with_treaty) == 1
    text = str(with_treaty[0]["body"])
    for fact in ["16 March 1921", "Grand National Assembly", "Chicherin", "Kars", "Batumi"]:
        assert fact in text
    for error in ["Hoxha", "Albania", "Sokolnikov"]:
        assert error not in text


def test_demo_pages_render(client, demo_twice):
    for page in ServicePage.objects.all()[:2]:
        assert client.get(page.url).status_code == 200
    for url in ["/", "/gallery/?material=marble", "/blog/", "/materials/", "/faq/"]:
        assert client.get(url).status_code == 200, url


def test_if_empty_does_not_touch_a_site_with_content(demo_twice, capsys):
    call_command("load_demo_content", if_empty=True)

    assert "already has content" in capsys.readouterr().out


# Required properties for each schema.org type the site emits.
STRUCTURED_DATA = {
    "HomeAndConstructionBusiness": {
        "name", "telephone", "email", "address", "openingHoursSpecification",
        "areaServed", "logo", "image", "url", "sameAs",
    },
    "BreadcrumbList": {"itemListElement"},
    "Article": {"headline", "datePublished", "dateModified", "author", "image", "publisher"},
    "Service": {"name", "description", "provider", "areaServed", "image", "url"},
    "ImageGallery": {"name", "url", "image"},
}  # fmt: skip
EXPECTED_TYPE = {
    "ArticlePage": "Article",
    "ServicePage": "Service",
    "GalleryPage": "ImageGallery",
}


def urls_in(value):
    if isinstance(value, dict):
        return [url for item in value.values() for url in urls_in(item)]
    if isinstance(value, list):
        return [url for item in value for url in urls_in(item)]
    return [value] if isinstance(value, str) and "://" in value else []


def test_every_demo_page_has_complete_structured_data(client, demo_twice):
    for page in Page.objects.live().filter(depth__gte=2).specific():
        url = page.url
        blocks = re.findall(JSON_LD, client.get(url).content.decode(), re.S)
        types = types_on(client, url)

        assert len(types) == len(blocks), url
        assert set(types) <= set(STRUCTURED_DATA), url
        assert "HomeAndConstructionBusiness" in types, url
        assert ("BreadcrumbList" in types) == (page.depth > 2), url
        if expected := EXPECTED_TYPE.get(type(page).__name__):
            assert expected in types, url
        for kind, block in types.items():
            assert block["@context"] == "https://schema.org", url
            assert STRUCTURED_DATA[kind] <= set(block), (url, kind)
            assert all(u.startswith(("http://testserver/", "https://")) for u in urls_in(block))
    gallery = types_on(client, "/gallery/")["ImageGallery"]
    assert len(gallery["image"]) == GalleryPhoto.objects.count()
    assert {"@type", "contentUrl", "caption", "width", "height"} <= set(gallery["image"][0])


JSON_LD = r'<script type="application/ld\+json">(.*?)</script>'


def types_on(client, url):
    html = client.get(url).content.decode()
    return {b["@type"]: b for b in map(json.loads, re.findall(JSON_LD, html, re.S))}


def test_every_page_type_can_be_previewed_before_publishing(demo_twice):
    previewed = set()
    for page in Page.objects.filter(depth__gte=2).specific():
        for mode, _label in page.preview_modes:
            response = page.make_preview_request(preview_mode=mode)
            assert response.status_code == 200, (page.url_path, mode)
        previewed.add(type(page).__name__)

    assert previewed >= {"HomePage", "StandardPage", "ServiceIndexPage", "ServicePage",
                         "MaterialIndexPage", "GalleryPage", "BlogIndexPage", "ArticlePage",
                         "ContactPage"}  # fmt: skip


def test_the_demo_price_list_prices_a_kitchen(client, demo_twice):
    assert [len(kinds) for kinds in demo_twice[0][0]["prices"]] == [6, 6, 3]
    assert demo_twice[1][0]["pricing rules"] == [950]  # one set, not one per run

    response = client.post("/estimate/price/", KITCHEN, content_type="application/json")

    assert response.status_code == 200, response.content
    quote = response.json()
    assert quote["total_low"] > 950 and quote["total_low"] < quote["total_high"]
    assert EdgeProfile.objects.get(slug="eased").latest_revision is not None


def test_the_inbox_holds_three_sample_leads_priced_by_the_builder(client, demo_twice):
    (demo, _), _ = demo_twice
    assert len(demo["leads"]) == 3  # once, however often the demo is loaded
    assert [outside for _, _, outside, _ in demo["leads"]].count(True) == 1

    for lead in EstimateRequest.objects.all():
        # The stored quote is what the endpoint answers for the stored measurements.
        job = {**lead.job, "stone": lead.material.slug}
        response = client.post("/estimate/price/", job, content_type="application/json")
        assert response.json() == lead.quote
        assert lead.quote_low == lead.quote["total_low"] > 0
