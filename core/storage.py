"""Where uploaded files live: folders on this machine by default, S3-compatible buckets when
the environment names them (config/settings/base.py, README "Media on S3-compatible storage").

Public media (photos, their sizes, documents) are addressed as MEDIA_URL + the object's key,
with no signature (core/media_bucket.py), so a CDN, Varnish and browsers can keep them.
Visitors' estimate photos go to the "private" storage below, which has no public address at
all: staff see them only through the permission-checked view in contact/views.py.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.utils.functional import LazyObject, empty


class PrivateStorage(LazyObject):
    """STORAGES["private"] when configured (a bucket nobody reads without the keys), else a
    folder outside MEDIA_ROOT. Looked up at first use, not when models load, so tests can
    switch it with the settings."""

    def _setup(self):
        if "private" in settings.STORAGES:
            self._wrapped = storages["private"]
        else:
            self._wrapped = FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT)


private_storage = PrivateStorage()


def _private_storage_changed(setting, **kwargs):
    if setting in ("STORAGES", "PRIVATE_MEDIA_ROOT"):
        private_storage._wrapped = empty


setting_changed.connect(_private_storage_changed)
