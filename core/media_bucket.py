"""The public media bucket (STORAGES["default"] when MEDIA_S3_BUCKET is set). Apart from
core/storage.py so that a site on local folders never imports boto3 (over half a second)."""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class PublicMediaStorage(S3Storage):
    """Objects fetched at MEDIA_URL + key, with no signature (a CDN, nginx's /media/ proxying
    to the bucket, or the bucket's own public address), so every cache keeps one address."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(clean_name(name)).lstrip("/")
