"""Who may do what in the admin, written down once: Editors, Moderators and Lead handlers,
and the review workflows that decide who approves a page before it goes live.

`sync_roles()` makes the groups and workflows match this file. It runs after every `migrate`,
so no one sets permissions by hand and every copy of the site has the same roles. A page made
later gets its workflow from `review_new_page` (connected in staff/apps.py). This is the only
place workflows are wired. The owner is a superuser. Staff accounts are made with
`manage.py create_staff_user --role ...`.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Editors"
MODERATORS = "Moderators"
LEAD_HANDLERS = "Lead handlers"

# "app_label.codename" model permissions, per group.
SNIPPETS_EDIT = [
    "materials.add_material",
    "materials.change_material",
    "home.add_testimonial",
    "home.change_testimonial",
    "yard.add_slab",
    "yard.change_slab",
]
SNIPPETS_ALL = SNIPPETS_EDIT + [
    "materials.delete_material",
    "home.delete_testimonial",
    "yard.delete_slab",
]
LEADS = ["contact.view_estimaterequest", "contact.change_estimaterequest"]
# Holding, releasing and selling slabs (yard/holds.py): what the office does on the phone.
SLAB_STATUS = ["yard.view_slab", "yard.change_slab_status"]
# The estimate builder's price list (pricing/models.py): Moderators only.
PRICES = [
    f"pricing.{action}_{model}"
    for model in ["edgeprofile", "cutout", "tearout"]
    for action in ["add", "change", "delete"]
] + ["pricing.add_pricingrules", "pricing.change_pricingrules", "materials.change_material_prices"]

ROLES = {
    EDITORS: {
        "description": "Write and change pages and photos, and send them for review.",
        "second_factor": False,  # optional: an Editor may set one up from their account
        "permissions": ["wagtailadmin.access_admin", *SNIPPETS_EDIT],
        "pages": ["add_page", "change_page"],
        "collections": ["add_image", "change_image", "choose_image", "add_document",
                        "change_document", "choose_document"],
    },
    MODERATORS: {
        "description": "Review and publish pages, manage settings, redirects and requests.",
        "second_factor": True,
        "permissions": [
            "wagtailadmin.access_admin",
            *SNIPPETS_ALL,
            *LEADS,
            *PRICES,
            *SLAB_STATUS,
            "site_settings.change_businesssettings",
            "site_settings.change_searchenginesettings",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
            "wagtailsearchpromotions.add_searchpromotion",
            "wagtailsearchpromotions.change_searchpromotion",
            "wagtailsearchpromotions.delete_searchpromotion",
            # Locked sign-ins (django-axes): seen and released.
            "axes.view_accessattempt",
            "axes.delete_accessattempt",
        ],
        "pages": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "collections": ["add_image", "change_image", "delete_image", "choose_image",
                        "add_document", "change_document", "delete_document", "choose_document"],
    },
    LEAD_HANDLERS: {
        "description": "Answer estimate requests and slab holds: read them, set their status, "
        "export them, and hold, release or sell slabs.",
        "second_factor": True,
        "permissions": ["wagtailadmin.access_admin", *LEADS, *SLAB_STATUS],
        "pages": [],
        "collections": [],
    },
}  # fmt: skip

# Who publishes or sees visitors' details signs in with a code from their phone as well as the
# password (staff/second_factor.py); so does every superuser.
SECOND_FACTOR_ROLES = [name for name, role in ROLES.items() if role["second_factor"]]

ROOT_PAGE = "root page"

# A workflow on a page also covers the pages below it that have none of their own, so the one
# on the root page covers every page. Models are named as "app_label.ModelName" and looked up
# when needed: staff imports no feature app.
WORKFLOWS = {
    # Wagtail's default workflow, kept.
    "Moderators approval": {
        "attach_to": ROOT_PAGE,
        "task": "wagtailcore.GroupApprovalTask",
        "task_name": "Moderators approval",
        "approvers": MODERATORS,
    },
    "Article review": {
        "attach_to": "blog.BlogIndexPage",
        "task": "blog.FactCheckTask",
        "task_name": "Fact check",
        "approvers": MODERATORS,
    },
}


def permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def sync_roles():
    """Create or correct the three groups, then the workflows; returns the groups by name."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name, role in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set([permission(dotted) for dotted in role["permissions"]])
        GroupPagePermission.objects.filter(group=group).delete()
        if root_page:
            for codename in role["pages"]:
                GroupPagePermission.objects.create(
                    group=group, page=root_page, permission=permission(f"wagtailcore.{codename}")
                )
        GroupCollectionPermission.objects.filter(group=group).delete()
        if root_collection:
            for codename in role["collections"]:
                app = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=root_collection,
                    permission=permission(f"{app}.{codename}"),
                )
        groups[name] = group
    for name, workflow in WORKFLOWS.items():
        if workflow["attach_to"] == ROOT_PAGE:
            pages = [root_page] if root_page else []
        else:
            pages = apps.get_model(workflow["attach_to"]).objects.all()
        for page in pages:
            attach_workflow(page, name)
    return groups


def attach_workflow(page, name):
    """Put the one-step workflow `name` from WORKFLOWS on `page`, making it if missing.
    A page that already has a workflow keeps it."""
    spec = WORKFLOWS[name]
    task, _ = apps.get_model(spec["task"]).objects.get_or_create(name=spec["task_name"])
    task.groups.add(*Group.objects.filter(name=spec["approvers"]))
    workflow, created = Workflow.objects.get_or_create(name=name)
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def sync_roles_after_migrate(sender, using="default", plan=None, **kwargs):
    # Permissions are created by an earlier post_migrate receiver (django.contrib.auth).
    if Permission.objects.using(using).filter(codename="access_admin").exists():
        sync_roles()


def review_new_page(sender, instance, created, raw=False, **kwargs):
    """A new page of a type in WORKFLOWS gets its workflow at once (post_save, any model)."""
    if not created or raw or not isinstance(instance, Page):
        return
    for name, workflow in WORKFLOWS.items():
        attach_to = workflow["attach_to"]
        if attach_to != ROOT_PAGE and isinstance(instance, apps.get_model(attach_to)):
            attach_workflow(instance, name)
