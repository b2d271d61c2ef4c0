"""Each role gets exactly the admin it needs; everything else is refused or not shown."""

import json
import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, Workflow, WorkflowPage

from blog.factories import BlogIndexPageFactory
from conftest import sign_in
from contact.factories import make_contact_page
from staff.roles import (
    EDITORS,
    LEAD_HANDLERS,
    MODERATORS,
    ROLES,
    sync_roles,
    sync_roles_after_migrate,
)

pytestmark = pytest.mark.django_db

# What each role may open, area by area. The owner is a superuser and may open everything.
ACCESS = {
    #                  Editors Moderators Lead handlers
    "pages":           (True,  True,  False),
    "edit a page":     (True,  True,  False),
    "images":          (True,  True,  False),
    "upload an image": (True,  True,  False),
    "materials":       (True,  True,  False),
    "testimonials":    (True,  True,  False),
    "slab yard":       (True,  True,  True),
    "add a slab":      (True,  True,  False),
    "import slabs":    (True,  True,  False),
    "estimate requests": (False, True, True),
    "export requests": (False, True,  True),
    "business settings": (False, True, False),
    "redirects":       (False, True,  False),
    "search promotions": (False, True, False),
    "edge prices":     (False, True,  False),
    "pricing rules":   (False, True,  False),
    "users":           (False, False, False),
    "groups":          (False, False, False),
    "workflows setup": (False, False, False),
}  # fmt: skip
ROLE_ORDER = [EDITORS, MODERATORS, LEAD_HANDLERS]
MENUS = {
    EDITORS: {"Pages", "Images", "Documents", "Snippets", "Slab yard", "Reports"},
    MODERATORS: {"Pages", "Estimate requests", "Slab yard", "Images", "Documents", "Snippets",
                 "Prices", "Reports", "Settings"},
    LEAD_HANDLERS: {"Estimate requests", "Slab yard"},
}  # fmt: skip
EVERYONE = {"Help", "Account"}


def urls(home, site):
    return {
        "pages": f"/admin/pages/{home.pk}/",
        "edit a page": f"/admin/pages/{home.pk}/edit/",
        "images": "/admin/images/",
        "upload an image": "/admin/images/add/",
        "materials": "/admin/snippets/materials/material/",
        "testimonials": "/admin/snippets/home/testimonial/",
        "slab yard": reverse("wagtailsnippets_yard_slab:list"),
        "add a slab": reverse("wagtailsnippets_yard_slab:add"),
        "import slabs": reverse("yard_import"),
        "estimate requests": reverse("estimate_requests:index"),
        "export requests": reverse("estimate_requests:index") + "?export=xlsx",
        "business settings": f"/admin/settings/site_settings/businesssettings/{site.pk}/",
        "redirects": "/admin/redirects/",
        "search promotions": "/admin/searchpicks/",
        "edge prices": "/admin/snippets/pricing/edgeprofile/",
        "pricing rules": "/admin/snippets/pricing/pricingrules/",
        "users": "/admin/users/",
        "groups": "/admin/groups/",
        "workflows setup": "/admin/workflows/list/",
    }


def may_open(client, url):
    response = client.get(url)
    if response.status_code == 200:
        return True
    # Wagtail sends people to the dashboard with "Sorry, you do not have permission".
    assert response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    ), (url, response.status_code)
    return False


def staff_client(client, staff_user, role):
    sign_in(client, staff_user(role))
    return client


@pytest.mark.parametrize("role", ROLE_ORDER)
def test_each_role_opens_exactly_its_areas(client, staff_user, home, site, role):
    staff = staff_client(client, staff_user, role)
    column = ROLE_ORDER.index(role)

    opened = {area: may_open(staff, url) for area, url in urls(home, site).items()}

    assert opened == {area: allowed[column] for area, allowed in ACCESS.items()}


def test_the_owner_opens_everything(client, django_user_model, home, site):
    owner = django_user_model.objects.create_superuser("owner", "owner@example.com", "x")
    sign_in(client, owner)

    assert all(may_open(client, url) for url in urls(home, site).values())


def menu_labels(client):
    html = client.get("/admin/").content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1)
    modules = json.loads(props)["modules"]
    menu = next(module for module in modules if module["_type"] == "wagtail.sidebar.MainMenuModule")
    return {item["_args"][0]["label"] for item in menu["_args"][0]}


@pytest.mark.parametrize("role", ROLE_ORDER)
def test_each_role_sees_only_the_menus_it_can_use(client, staff_user, home, site, role):
    make_contact_page(home)  # a form page: Wagtail would add a "Forms" menu for it
    staff = staff_client(client, staff_user, role)

    assert menu_labels(staff) - EVERYONE == MENUS[role]


def test_roles_are_made_by_code_and_put_back_if_changed():
    editors = Group.objects.get(name=EDITORS)
    editors.permissions.clear()

    sync_roles()

    assert set(Group.objects.values_list("name", flat=True)) >= set(ROLES)
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert codenames == {"access_admin", "add_material", "change_material", "add_testimonial",
                         "change_testimonial", "add_slab", "change_slab"}  # fmt: skip


def test_create_staff_user_gives_a_role_and_a_random_password(capsys, django_user_model):
    call_command("create_staff_user", "dana", email="dana@example.com", role="lead-handlers")

    output = capsys.readouterr().out
    password = re.search(r"One-time password: (\S+)", output).group(1)
    dana = django_user_model.objects.get(username="dana")
    assert [group.name for group in dana.groups.all()] == [LEAD_HANDLERS]
    assert not dana.is_superuser and len(password) >= 20 and dana.check_password(password)

    call_command("create_staff_user", "sam", email="sam@example.com", role="editors")
    other = re.search(r"One-time password: (\S+)", capsys.readouterr().out).group(1)
    assert other != password


def test_every_page_needs_a_moderators_approval(home):
    Workflow.objects.all().delete()  # e.g. an emptied database

    sync_roles()

    workflow = Page.get_first_root_node().get_workflow()
    assert workflow.name == "Moderators approval"
    assert [g.name for g in workflow.tasks.specific().get().groups.all()] == [MODERATORS]
    assert home.get_workflow() == workflow


def workflow_of(page):
    return Page.objects.get(pk=page.pk).get_workflow()  # fresh: the page caches its workflow


def test_a_new_blog_gets_the_article_review_when_it_is_made(home):
    blog = BlogIndexPageFactory(parent=home)
    contact = make_contact_page(home)

    assert workflow_of(blog).name == "Article review"
    assert [task.name for task in workflow_of(blog).tasks.all()] == ["Fact check"]
    # Other page types get no workflow of their own; the root page's covers them.
    assert not WorkflowPage.objects.filter(page=contact).exists()
    assert workflow_of(contact).name == "Moderators approval"


def test_migrate_gives_existing_blogs_the_article_review(home):
    blog = BlogIndexPageFactory(parent=home)
    Workflow.objects.all().delete()  # e.g. a blog made before the workflow existed

    sync_roles_after_migrate(sender=apps.get_app_config("staff"))

    assert workflow_of(blog).name == "Article review"
    assert workflow_of(home).name == "Moderators approval"
