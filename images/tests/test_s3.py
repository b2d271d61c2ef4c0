"""Photos and their sizes in the public bucket of a real S3-compatible store (the `s3` fixture,
conftest.py), fetched the way visitors fetch them: at MEDIA_URL, with no signature."""

import io
import urllib.request

import pytest
from django.conf import settings
from PIL import Image

from images.factories import ImageFactory
from tools import servers

pytestmark = pytest.mark.django_db


def test_a_photo_and_its_size_are_stored_in_the_bucket_and_served_at_plain_addresses(s3):
    image = ImageFactory(file__width=800, file__height=600, file__filename="island.jpg")
    rendition = image.get_rendition("fill-400x300|format-webp")

    assert image.file.name.startswith("original_images/")
    assert image.file.name.endswith("-island.jpg")
    assert rendition.file.name.startswith("images/")
    assert {image.file.name, rendition.file.name} <= s3.keys(s3.bucket)
    assert not settings.MEDIA_ROOT.exists() or not any(settings.MEDIA_ROOT.rglob("island*"))
    # A plain address under MEDIA_URL that a CDN or Varnish can keep: no signature.
    assert rendition.url == f"{s3.public_url}/{s3.bucket}/{rendition.file.name}"
    with urllib.request.urlopen(rendition.url, timeout=10) as response:
        fetched = Image.open(io.BytesIO(response.read()))
    assert (fetched.format, fetched.size) == ("WEBP", (400, 300))
    stored = s3.client().head_object(Bucket=s3.bucket, Key=rendition.file.name)
    assert stored["CacheControl"] == "public, max-age=31536000, immutable"


def test_a_photo_uploaded_under_a_deleted_photos_name_gets_new_addresses(
    s3, django_capture_on_commit_callbacks
):
    first = ImageFactory(file__filename="IMG_0001.jpg")
    first_names = {first.file.name, first.get_rendition("width-100").file.name}
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail deletes files on commit
        first.delete()
    assert not first_names & s3.keys(s3.bucket)

    second = ImageFactory(file__filename="IMG_0001.jpg")
    second_names = {second.file.name, second.get_rendition("width-100").file.name}

    # Caches keep the first photo's bytes under its names for a year: none may come back.
    assert not first_names & second_names


def test_the_store_says_what_is_missing_without_rclone(monkeypatch, tmp_path):
    monkeypatch.setattr(servers, "rclone", lambda: None)

    with pytest.raises(servers.ServerError, match="needs rclone"):
        servers.s3(tmp_path)
