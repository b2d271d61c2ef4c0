"""Who may do what in the admin, written down once: Editors, Moderators and Lead handlers.

`sync_roles()` makes the groups match this file exactly. It runs after every `migrate`, so no
one sets permissions by hand and every copy of the site has the same roles. The owner is a
superuser. Staff accounts are made with `manage.py create_staff_user --role ...`.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
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
]
SNIPPETS_ALL = SNIPPETS_EDIT + ["materials.delete_material", "home.delete_testimonial"]
LEADS = ["contact.view_estimaterequest", "contact.change_estimaterequest"]

ROLES = {
    EDITORS: {
        "description": "Write and change pages and photos, and send them for review.",
        "permissions": ["wagtailadmin.access_admin", *SNIPPETS_EDIT],
        "pages": ["add_page", "change_page"],
        "collections": ["add_image", "change_image", "choose_image", "add_document",
                        "change_document", "choose_document"],
    },
    MODERATORS: {
        "description": "Review and publish pages, manage settings, redirects and requests.",
        "permissions": [
            "wagtailadmin.access_admin",
            *SNIPPETS_ALL,
            *LEADS,
            "site_settings.change_businesssettings",
            "site_settings.change_searchenginesettings",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
            "wagtailsearchpromotions.add_searchpromotion",
            "wagtailsearchpromotions.change_searchpromotion",
            "wagtailsearchpromotions.delete_searchpromotion",
        ],
        "pages": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "collections": ["add_image", "change_image", "delete_image", "choose_image",
                        "add_document", "change_document", "delete_document", "choose_document"],
    },
    LEAD_HANDLERS: {
        "description": "Answer estimate requests: read them, set their status and export them.",
        "permissions": ["wagtailadmin.access_admin", *LEADS],
        "pages": [],
        "collections": [],
    },
}  # fmt: skip


def permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def sync_roles():
    """Create or correct the three groups; returns them by name."""
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
    if root_page:
        # Every page needs a Moderator's approval to go live (Wagtail's default workflow, kept).
        ensure_moderator_review(
            root_page, "Moderators approval", GroupApprovalTask, "Moderators approval"
        )
    return groups


def ensure_moderator_review(page, workflow_name, task_class, task_name):
    """A one-step workflow on `page` (and the pages below it) that the Moderators approve."""
    task, _ = task_class.objects.get_or_create(name=task_name)
    task.groups.add(*Group.objects.filter(name=MODERATORS))
    workflow, created = Workflow.objects.get_or_create(name=workflow_name)
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def sync_roles_after_migrate(sender, using="default", plan=None, **kwargs):
    from blog.models import BlogIndexPage, ensure_article_review

    # Permissions are created by an earlier post_migrate receiver (django.contrib.auth).
    if Permission.objects.using(using).filter(codename="access_admin").exists():
        sync_roles()
        for blog in BlogIndexPage.objects.all():
            ensure_article_review(blog)
