"""When a slab changes (edited, held, released, sold), the shared cache forgets the pages that
show it: the yard's list in every filter (a purge by path), the slab's own page and the
materials page's stock counts. Its photos' sizes are made then too, off the visitor's path.

An import of many slabs purges once, at the end (`one_purge`)."""

import contextvars
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from core.cache import BOOKKEEPING_FIELDS, purge_on_commit
from yard.holds import slab_changed
from yard.models import Slab, SlabYardPage
from yard.tasks import prepare_slab_photos

# Inside `one_purge`: the slabs changed so far.
_collected = contextvars.ContextVar("yard_slabs_changed", default=None)


@contextmanager
def one_purge():
    """Slabs changed inside this block are purged together when it ends."""
    token = _collected.set([])
    try:
        yield
    finally:
        slabs = _collected.get()
        _collected.reset(token)
        if slabs:
            forget(slabs)


@receiver(slab_changed)
@receiver(post_save, sender=Slab)
@receiver(post_delete, sender=Slab)
def slab_saved(sender, slab=None, instance=None, raw=False, update_fields=None, **kwargs):
    slab = slab or instance
    if raw or (update_fields and set(update_fields) <= BOOKKEEPING_FIELDS):
        return
    if (collected := _collected.get()) is not None:
        collected.append(slab)
        return
    forget([slab])
    if kwargs.get("signal") is post_save:
        transaction.on_commit(lambda: prepare_slab_photos.enqueue(slab.pk))


def forget(slabs):
    """Purge, after commit, the yard's list, these slabs' pages and what lists the yard."""
    yard = SlabYardPage.objects.live().first()
    if yard is None:
        return
    batch = PurgeBatch()
    # The yard's own address only: its cached paths are every slab's page.
    batch.add_pages(page for page in yard.purge_set() if page.pk != yard.pk)
    batch.add_url(yard.full_url)
    for slab in slabs:
        batch.add_url(yard.full_url + yard.reverse_subpage("slab", args=[slab.pk, slab.slug]))
    purge_on_commit(batch)
