"""When a slab changes (edited, held, released, sold), the shared cache forgets the pages that
show it: the yard's list in every filter (a purge by path), the slab's own page and the
materials page's stock counts. Its photos' sizes are made then too, off the visitor's path."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from core.cache import purge_on_commit
from yard.holds import slab_changed
from yard.models import Slab, SlabYardPage
from yard.tasks import prepare_slab_photos


@receiver(slab_changed)
@receiver(post_save, sender=Slab)
@receiver(post_delete, sender=Slab)
def forget_slab(sender, slab=None, instance=None, raw=False, **kwargs):
    slab = slab or instance
    if raw:
        return
    yard = SlabYardPage.objects.live().first()
    if yard is not None:
        batch = PurgeBatch()
        batch.add_pages(yard.purge_set())
        batch.add_url(yard.full_url + yard.reverse_subpage("slab", args=[slab.pk, slab.slug]))
        purge_on_commit(batch)
    if kwargs.get("signal") is post_save:
        transaction.on_commit(lambda: prepare_slab_photos.enqueue(slab.pk))
