"""Work done after a page is published or a photo changes, off the visitor's path: photo sizes
made on the "renditions" task backend (a worker in production, at once in development)."""

from django.db import transaction
from django_tasks import task
from wagtail.models import Page

from core.cache import BOOKKEEPING_FIELDS
from core.photos import prepare


@task(backend="renditions")
def prepare_page_photos(page_id):
    """Every rendition the page's photos need, made before the first visitor asks for one."""
    page = Page.objects.filter(pk=page_id).first()
    photo_roles = getattr(page and page.specific, "photo_roles", None)
    for image, roles in photo_roles() if photo_roles else []:
        prepare(image, roles)


@task(backend="renditions")
def prepare_photo(image_id):
    """A photo's new file or focal point: its new sizes, in every role a live page shows it in
    (a gallery, a stone, a service: pages know what they show, so each is asked)."""
    for page in Page.objects.live().specific():
        for image, roles in page.photo_roles() if hasattr(page, "photo_roles") else []:
            if image.pk == image_id:
                prepare(image, roles)


def queue_page_photos(sender, instance, **kwargs):
    transaction.on_commit(lambda: prepare_page_photos.enqueue(instance.pk))


def queue_photo(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    # A new photo is shown nowhere yet: the page that first uses it prepares it when published.
    if created or raw or (update_fields and set(update_fields) <= BOOKKEEPING_FIELDS):
        return
    transaction.on_commit(lambda: prepare_photo.enqueue(instance.pk))
