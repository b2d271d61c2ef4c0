import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from blog.factories import ArticlePageFactory, BlogIndexPageFactory
from gallery.factories import GalleryPageFactory, GalleryPhotoFactory
from gallery.models import GalleryPage
from home.models import HomeFeaturedService, HomePage, StandardPage, Testimonial
from images.factories import ImageFactory
from services.factories import ServiceIndexPageFactory, ServicePageFactory

pytestmark = pytest.mark.django_db

# Warm process: settings, menu and breadcrumbs come from the cache (core/cache.py `chrome`).
# Routing, view restrictions, hero image, services, photos, articles (each with their images
# and renditions), testimonials: each once however much content there is.
HOME_QUERIES = 6


@pytest.fixture
def full_home(home, business):
    home.headline = "Stone countertops, cut and fitted by one local team"
    home.introduction = "We template, fabricate and install."
    home.hero_image = ImageFactory(description="Granite kitchen island at dusk")
    home.save()
    services = ServiceIndexPageFactory(parent=home)
    for title in ["Kitchen countertops", "Bathroom vanities", "Outdoor kitchens"]:
        service = ServicePageFactory(parent=services, title=title)
        HomeFeaturedService.objects.create(page=home, service=service)
    ServicePageFactory(parent=services, title="Not featured service")
    blog = BlogIndexPageFactory(parent=home)
    for day in range(1, 6):
        ArticlePageFactory(parent=blog, title=f"Article {day}", date=datetime.date(2026, 5, day))
    gallery = GalleryPageFactory(parent=home)
    for n in range(8):
        GalleryPhotoFactory(page=gallery, caption=f"Job {n}")
    for n in range(4):
        Testimonial.objects.create(quote=f"Great work {n}", name=f"Customer {n}", sort_order=n)
    return home


def test_home_shows_every_section(client, full_home):
    response = client.get("/")
    html = response.content.decode()

    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Stone countertops, cut and fitted by one local team" in html
    assert 'alt="Granite kitchen island at dusk"' in html
    assert 'href="tel:+16783725976"' in html and "Call (678) 372-5976" in html
    assert "Request a free estimate" in html
    for title in ["Kitchen countertops", "Bathroom vanities", "Outdoor kitchens"]:
        assert title in html
    assert "Not featured service" not in html
    assert [a.title for a in response.context["latest_articles"]] == [
        "Article 5",
        "Article 4",
        "Article 3",
    ]
    assert "Article 2" not in html
    assert len(response.context["gallery_photos"]) == HomePage.gallery_count
    assert "Great work 0" in html and "Great work 3" not in html


def test_unpublished_featured_service_is_left_out(client, full_home):
    service = full_home.featured_services.first().service
    service.unpublish()

    html = client.get("/").content.decode()

    assert service.title not in html


def test_nothing_from_password_protected_pages_leaks_onto_home(client, full_home):
    gallery = GalleryPage.objects.get()
    PageViewRestriction.objects.create(page=gallery, restriction_type="password", password="x")
    service = full_home.featured_services.first().service
    PageViewRestriction.objects.create(page=service, restriction_type="password", password="x")

    response = client.get("/")

    assert list(response.context["gallery_photos"]) == []
    assert service.title not in response.content.decode()


def test_home_query_count_is_pinned_and_flat(client, full_home):
    client.get("/")
    with CaptureQueriesContext(connection) as before:
        client.get("/")

    blog = full_home.get_children().type(BlogIndexPageFactory._meta.model).first()
    for day in range(6, 11):
        ArticlePageFactory(parent=blog, date=datetime.date(2026, 5, day))
    gallery = full_home.get_children().type(GalleryPageFactory._meta.model).first().specific
    for _ in range(5):
        GalleryPhotoFactory(page=gallery)
    client.get("/")
    with CaptureQueriesContext(connection) as after:
        client.get("/")

    assert len(before) == len(after) == HOME_QUERIES, "\n".join(q["sql"][:150] for q in after)


def test_tree_rules(home):
    assert HomePage.max_count == 1
    assert not HomePage.can_create_at(home)
    assert StandardPage.can_create_at(home)
    assert HomePage in StandardPage.allowed_parent_page_models()
    assert StandardPage.allowed_subpage_models() == [StandardPage]


def test_standard_page_renders_its_body(client, home, business):
    page = StandardPage(
        title="About us",
        slug="about",
        introduction="A family firm.",
        body=[
            {"type": "paragraph", "value": "<p>We have cut stone for many years.</p>"},
            {
                "type": "quote",
                "value": {"quote": "Measure twice, cut once.", "attribution": "Shop saying"},
            },
        ],
    )
    home.add_child(instance=page)

    html = client.get("/about/").content.decode()

    assert "<h1>About us</h1>" in html
    assert "We have cut stone for many years." in html
    assert "<figcaption>Shop saying</figcaption>" in html
    assert 'aria-label="Breadcrumb"' in html


def test_home_survives_a_blog_unpublished_without_its_articles(client, full_home):
    blog = full_home.get_children().type(BlogIndexPageFactory._meta.model).get().specific
    blog.unpublish()  # its articles stay live, as Wagtail allows

    response = client.get("/")

    assert response.status_code == 200
    assert "All articles" not in response.content.decode()
