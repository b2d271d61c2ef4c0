import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from taggit.models import Tag
from wagtail.models import Page, Site

from blog.models import ArticlePage, ArticlePageTag
from contact.models import ContactFormField
from core.demo import content
from gallery.models import GalleryPhoto
from home.models import HomeFeaturedService, HomePage, Testimonial
from images.models import CustomImage
from materials.models import Material
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
        for model in [GalleryPhoto, Material, Testimonial, CustomImage, BusinessSettings, Tag]:
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
    originals = [path for path in first_files if path.parts[0] == "original_images"]
    assert len(originals) == len(content.IMAGES)


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
