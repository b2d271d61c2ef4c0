"""Work done after a page is published, off the visitor's path."""

from django.db import transaction
from django_tasks import task
from wagtail.models import Page

from core.photos import prepare


@task(backend="renditions")
def prepare_page_photos(page_id):
    """Every rendition the page's photos need, made before the first visitor asks for one."""
    page = Page.objects.filter(pk=page_id).first()
    photo_roles = getattr(page and page.specific, "photo_roles", None)
    for image, roles in photo_roles() if photo_roles else []:
        prepare(image, roles)


def queue_page_photos(sender, instance, **kwargs):
    transaction.on_commit(lambda: prepare_page_photos.enqueue(instance.pk))
