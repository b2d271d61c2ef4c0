"""Editors can open every editing screen, and the admin enforces the content rules."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.admin.panels import get_edit_handler
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from blog.factories import BlogIndexPageFactory
from blog.models import ArticlePage, BlogIndexPage
from blog.tests.admin_forms import article_form
from conftest import sign_in
from contact.models import ContactPage
from contact.views import estimate_request_viewset
from gallery.models import GalleryPage
from home.models import HomePage, StandardPage, Testimonial
from materials.models import Material, MaterialIndexPage
from pricing.models import EdgeProfilesPage
from services.models import ServiceIndexPage, ServicePage
from site_settings.models import BusinessSettings, SearchEngineSettings
from yard.models import SlabYardPage

pytestmark = pytest.mark.django_db

ALL_TYPES = [
    HomePage,
    StandardPage,
    ServiceIndexPage,
    ServicePage,
    MaterialIndexPage,
    EdgeProfilesPage,
    GalleryPage,
    BlogIndexPage,
    ArticlePage,
    ContactPage,
    SlabYardPage,
]
# Which page types may sit directly under which: the whole tree in one table.
TREE = {
    HomePage: {
        StandardPage,
        ServiceIndexPage,
        MaterialIndexPage,
        EdgeProfilesPage,
        GalleryPage,
        BlogIndexPage,
        ContactPage,
        SlabYardPage,
    },
    StandardPage: {StandardPage},
    ServiceIndexPage: {ServicePage},
    BlogIndexPage: {ArticlePage},
    ServicePage: set(),
    MaterialIndexPage: set(),
    GalleryPage: set(),
    ArticlePage: set(),
    ContactPage: set(),
    EdgeProfilesPage: set(),
    SlabYardPage: set(),
}


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("owner", "owner@example.com", "pw-for-tests")
    sign_in(client, user)
    return client


@pytest.mark.parametrize("parent", ALL_TYPES, ids=lambda m: m.__name__)
def test_page_tree_rules(parent):
    allowed = {child for child in ALL_TYPES if child in parent.allowed_subpage_models()} & set(
        ALL_TYPES
    )
    assert allowed == TREE[parent]
    for child in ALL_TYPES:
        assert (parent in child.allowed_parent_page_models()) == (child in TREE[parent])


def test_single_instance_sections_cannot_be_added_twice(home):
    for model in [ServiceIndexPage, MaterialIndexPage, GalleryPage, BlogIndexPage, ContactPage]:
        assert model.max_count == 1
    BlogIndexPageFactory(parent=home)
    assert not BlogIndexPage.can_create_at(home)
    assert ServiceIndexPage.can_create_at(home)


@pytest.mark.parametrize(
    "model",
    [
        StandardPage,
        ServiceIndexPage,
        MaterialIndexPage,
        GalleryPage,
        BlogIndexPage,
        ContactPage,
        SlabYardPage,
    ],
    ids=lambda m: m.__name__,
)
def test_add_form_opens_for_every_section(editor, home, model):
    url = reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, home.pk),
    )

    assert editor.get(url).status_code == 200


def test_edit_forms_open_for_every_page_and_setting(editor, home, site):
    call_command("load_demo_content", small_images=True, verbosity=0)
    pages = Page.objects.filter(depth__gte=2)
    seen = set()
    for page in pages:
        if page.specific_class in seen:
            continue
        seen.add(page.specific_class)
        response = editor.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.status_code == 200, page
    assert seen == set(ALL_TYPES)

    settings_url = reverse("wagtailsettings:edit", args=("site_settings", "businesssettings"))
    assert editor.get(settings_url, follow=True).status_code == 200
    for snippet in ["materials/material", "home/testimonial", "yard/slab"]:
        assert editor.get(f"/admin/snippets/{snippet}/").status_code == 200


def test_article_cannot_be_saved_without_a_source(editor, home):
    blog = BlogIndexPageFactory(parent=home)
    url = reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk))

    response = editor.post(url, article_form())

    assert response.status_code == 200
    assert not ArticlePage.objects.exists()
    assert "Please submit at least 1 form" in response.content.decode()


def test_article_with_a_source_is_published(editor, home):
    blog = BlogIndexPageFactory(parent=home)
    url = reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk))
    source = {"title": "Encyclopaedia Britannica", "author": "", "publisher": "", "year": ""}
    source["url"] = "https://www.britannica.com/"

    response = editor.post(url, article_form(sources=inline_formset([source], min=1)))

    assert response.status_code == 302
    article = ArticlePage.objects.get()
    assert article.live
    assert [s.title for s in article.sources.all()] == ["Encyclopaedia Britannica"]


def test_a_note_must_point_to_a_listed_source(editor, home):
    blog = BlogIndexPageFactory(parent=home)
    url = reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk))
    source = {"title": "Britannica", "author": "", "publisher": "", "year": "", "url": ""}
    body = streamfield(
        [
            ("paragraph", rich_text("<p>Signed in 1921.</p>")),
            ("footnote", {"text": rich_text("<p>See the treaty text.</p>"), "source": "2"}),
        ]
    )

    response = editor.post(url, article_form(body=body, sources=inline_formset([source], min=1)))

    assert response.status_code == 200
    assert not ArticlePage.objects.exists()
    assert "A note points to source 2, but the article lists 1 source." in response.content.decode()


@pytest.mark.parametrize("model", ALL_TYPES, ids=lambda m: m.__name__)
def test_every_editor_has_content_photos_and_promote_tabs(model):
    handler = model.get_edit_handler()

    tabs = {str(tab.heading): tab.get_form_options()["fields"] for tab in handler.children}

    assert list(tabs)[:3] == ["Content", "Photos", "Promote"]
    assert "hero_image" in tabs["Photos"] and "hero_image" not in tabs["Content"]
    assert {"seo_title", "search_description", "slug"} <= set(tabs["Promote"])
    assert issubclass(handler.get_form_class(), model.base_form_class)


def test_job_photos_are_under_photos(client):
    photos = GalleryPage.get_edit_handler().children[1]

    assert "photos" in photos.get_form_options()["formsets"]


def editor_fields(model, handler):
    """(model, field name) for every field an editor fills in, inline rows included."""
    options = handler.get_form_options()
    for name in options.get("fields", []):
        yield model, name
    for relation, child in options.get("formsets", {}).items():
        child_model = model._meta.get_field(relation).related_model
        for name in child.get("fields", []):
            yield child_model, name


# Fields Wagtail defines and explains itself: the page basics (the Promote tab labels them),
# the publishing schedule dialog, and the form builder's fields and email settings.
WAGTAIL_FIELDS = {"title", "slug", "seo_title", "search_description", "show_in_menus"}
WAGTAIL_FIELDS |= {"go_live_at", "expire_at", "comment_notifications"}
WAGTAIL_FIELDS |= {f.name for f in AbstractFormField._meta.fields + AbstractEmailForm._meta.fields}


def test_every_field_an_editor_fills_in_explains_itself():
    handlers = [(model, model.get_edit_handler()) for model in ALL_TYPES]
    handlers += [
        (model, get_edit_handler(model).bind_to_model(model))
        for model in [Material, Testimonial, BusinessSettings, SearchEngineSettings]
    ]
    unexplained = set()
    for model, handler in handlers:
        for owner, name in editor_fields(model, handler):
            if name in WAGTAIL_FIELDS or owner.__module__.startswith("wagtail."):
                continue
            if not owner._meta.get_field(name).help_text:
                unexplained.add(f"{owner.__name__}.{name}")
    lead_form = estimate_request_viewset.model
    for name in estimate_request_viewset.form_fields:
        if not lead_form._meta.get_field(name).help_text:
            unexplained.add(f"EstimateRequest.{name}")

    assert sorted(unexplained) == []
