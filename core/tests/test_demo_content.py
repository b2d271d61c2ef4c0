import json
import re

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from taggit.models import Tag
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import ModelLogEntry, Page, Site

from blog.models import ArticlePage, ArticlePageTag
from contact.models import ContactFormField, EstimateRequest
from core.demo import content
from core.management.commands.load_demo_content import PHOTOS, SMALL_SLAB_WIDTH, SMALL_WIDTH
from core.photos import filter_specs
from gallery.models import GalleryPhoto
from home.models import HomeFeaturedService, HomePage, Testimonial
from images.models import CustomImage
from materials.models import Material
from pricing.models import Cutout, EdgeProfile, PricingRules, TearOut
from pricing.tests.test_price_endpoint import KITCHEN
from services.models import ServicePage
from site_settings.models import BusinessSettings
from yard.models import Slab, SlabHold, SlabPhoto, SlabYardPage
from yard.models.pages import SLAB_PHOTO_ROLES

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
            EstimateRequest.objects.values_list(
                "name", "kind", "zip_code", "outside_area", "quote_low"
            )
        ),
        "slabs": sorted(
            Slab.objects.values_list(
                "lot", "material__slug", "kind", "colour", "length", "width", "price", "status"
            )
        ),
        "slab photos": sorted(SlabPhoto.objects.values_list("slab__lot", "image__title")),
        "holds": sorted(SlabHold.objects.values_list("slab__lot", "state", "lead__email")),
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
        ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Slab)).delete()
        # Slabs first: a stone that has slabs cannot be deleted.
        models = [Slab, GalleryPhoto, Material, Testimonial, CustomImage, BusinessSettings, Tag]
        models += [Query, EdgeProfile, Cutout, TearOut, PricingRules, EstimateRequest]
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
    names = [name.split("-", 1)[1] for name in originals]
    # The slabs' photos are made from the stones' close-ups while loading (yard/).
    assert {name for name in names if not name.startswith("slab-")} == photos
    assert len([name for name in names if name.startswith("slab-")]) == SlabPhoto.objects.count()
    # --small-images: the slabs' photos smaller still (SMALL_SLAB_WIDTH).
    widths = dict(CustomImage.objects.values_list("title", "width"))
    slab_titles = set(SlabPhoto.objects.values_list("image__title", flat=True))
    assert {widths.pop(title) for title in slab_titles} == {SMALL_SLAB_WIDTH}
    assert set(widths.values()) == {SMALL_WIDTH}


def test_demo_has_the_whole_site(demo_twice):
    (demo, _), _ = demo_twice
    urls = {url for url, *_ in demo["pages"]}

    for path in ["services", "materials", "gallery", "blog", "contact", "about", "faq", "privacy",
                 "slabs"]:  # fmt: skip
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
                         "ContactPage", "SlabYardPage"}  # fmt: skip


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
    estimates = [lead for lead in demo["leads"] if lead[1] == EstimateRequest.Kind.ESTIMATE]
    assert len(estimates) == 3  # once, however often the demo is loaded
    assert [outside for _, _, _, outside, _ in estimates].count(True) == 1

    for lead in EstimateRequest.objects.filter(kind=EstimateRequest.Kind.ESTIMATE):
        # The stored quote is what the endpoint answers for the stored measurements.
        job = {**lead.job, "stone": lead.material.slug}
        response = client.post("/estimate/price/", job, content_type="application/json")
        assert response.json() == lead.quote
        assert lead.quote_low == lead.quote["total_low"] > 0


STONES = {"granite", "marble", "quartz", "quartzite", "soapstone"}
SLAB_PHOTO_SIZES = {spec for role in SLAB_PHOTO_ROLES for spec in filter_specs(role)}


def test_the_yard_has_slabs_and_remnants_of_every_stone(demo_twice):
    (demo, _), _ = demo_twice
    slabs = Slab.objects.filter(kind=Slab.Kind.SLAB)
    remnants = Slab.objects.filter(kind=Slab.Kind.REMNANT)

    assert slabs.count() >= 30
    assert remnants.count() >= 15
    for kind in (slabs, remnants):
        assert set(kind.values_list("material__slug", flat=True)) == STONES
    for slab in slabs:
        assert 108 <= slab.length <= 130 and 55 <= slab.width <= 79, slab
        assert slab.price is None
    for remnant in remnants:
        assert 20 <= remnant.length <= 80 and 16 <= remnant.width <= 40, remnant
        assert 150 <= remnant.price <= 900, remnant
    assert all(slab.location for slab in Slab.objects.all())
    assert len({lot for lot, *_ in demo["slabs"]}) == len(demo["slabs"])


def test_every_slab_in_stock_has_a_described_photo_of_its_shape_in_every_size(demo_twice):
    in_stock = Slab.objects.in_stock().prefetch_related("photos__image")
    # The loader prepares what the yard's page says it shows (SlabYardPage.photo_roles).
    shown = {image.pk for image, _roles in SlabYardPage.objects.get().photo_roles()}

    for slab in in_stock:
        photo = slab.first_photo
        assert photo is not None, slab
        assert photo.description.startswith(("Full slab of", "Remnant of")), photo.description
        assert slab.colour in photo.description
        # As wide for its height as the slab is for its width, give or take a pixel.
        assert abs(photo.width / photo.height - slab.length / slab.width) < 0.02, slab
        assert {p.image_id for p in slab.photo_list} <= shown, slab
        made = set(photo.renditions.values_list("filter_spec", flat=True))
        assert made >= SLAB_PHOTO_SIZES, slab
    assert 1 < SlabPhoto.objects.filter(sort_order=1).count() < in_stock.count() / 4


def test_a_few_slabs_are_held_and_one_has_a_waiting_list(demo_twice):
    (demo, _), _ = demo_twice
    held = Slab.objects.filter(status=Slab.Status.ON_HOLD)
    yard = SlabYardPage.objects.get()

    assert 3 <= held.count() <= 4
    for slab in held:
        assert slab.held_until > timezone.now()
        hold = slab.holds.get(state=SlabHold.State.HOLDING)
        assert hold.ends_at == slab.held_until
        assert hold.lead.kind == EstimateRequest.Kind.HOLD
        assert hold.lead.page_id == yard.pk
        assert hold.lead.form_data == {"slab": str(slab), "note": ""}
        assert hold.lead.email.endswith("@example.com") and "555" in hold.lead.phone
    waiting = SlabHold.objects.get(state=SlabHold.State.WAITING)
    assert waiting.slab in held
    assert waiting.lead.kind == EstimateRequest.Kind.WAITING
    # One lead a hold, however often the demo is loaded.
    assert len(demo["holds"]) == held.count() + 1
    kinds = [lead[1] for lead in demo["leads"]]
    assert kinds.count(EstimateRequest.Kind.HOLD) + kinds.count(EstimateRequest.Kind.WAITING) == (
        len(demo["holds"])
    )


def slab_ids_listed(client, url):
    html = client.get(url).content.decode()
    return list(dict.fromkeys(int(pk) for pk in re.findall(r'href="/slabs/(\d+)-[-\w]+/"', html)))


def test_the_yard_lists_the_slabs_in_stock_newest_first_and_not_the_sold_one(client, demo_twice):
    sold = Slab.objects.get(status=Slab.Status.SOLD)
    assert client.get("/slabs/").status_code == 200

    listed = []
    for number in range(1, 4):
        listed += slab_ids_listed(client, f"/slabs/?page={number}")

    in_stock = Slab.objects.in_stock()
    assert sorted(listed) == sorted(in_stock.values_list("pk", flat=True))
    added = dict(Slab.objects.values_list("pk", "created_at"))
    assert [added[pk] for pk in listed] == sorted(added[pk] for pk in listed)[::-1]
    assert listed[0] == in_stock.order_by("-created_at").first().pk
    assert sold.pk not in listed
    assert client.get(f"/slabs/{sold.pk}-{sold.slug}/").status_code == 410
    newest = Slab.objects.get(pk=listed[0])
    assert client.get(f"/slabs/{newest.pk}-{newest.slug}/").status_code == 200
