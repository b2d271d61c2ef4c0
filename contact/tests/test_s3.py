"""Visitors' estimate photos in the private bucket of a real S3-compatible store (the `s3`
fixture, conftest.py): nobody reads them without the keys; staff see them through the view
that checks permission, which streams them from the bucket."""

import urllib.error
import urllib.request

import pytest
from django.urls import reverse

from conftest import sign_in
from contact.models import EstimatePhoto
from contact.tests.test_photos import jpeg_with_gps, upload
from staff.roles import EDITORS, LEAD_HANDLERS

pytestmark = pytest.mark.django_db


def unsigned_get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_estimate_photo_is_kept_in_the_private_bucket_and_shown_only_to_lead_staff(
    s3, client, contact, valid_post, staff_user
):
    client.post("/contact/", {**valid_post(), "photos": [upload("kitchen.jpg", jpeg_with_gps())]})
    photo = EstimatePhoto.objects.get()
    key = photo.image.name

    assert key in s3.keys(s3.private_bucket) and key not in s3.keys(s3.bucket)
    stored = s3.client().get_object(Bucket=s3.private_bucket, Key=key)["Body"].read()
    assert stored.startswith(b"\xff\xd8") and b"PhoneMaker" not in stored
    # Without the keys: refused by the store (rclone answers 400, S3 403), and unknown to the
    # public reader.
    assert unsigned_get(f"{s3.url}/{s3.private_bucket}/{key}") in (400, 401, 403)
    assert unsigned_get(f"{s3.public_url}/{s3.private_bucket}/{key}") == 404

    url = reverse("estimate_photo", args=(photo.pk,))
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    sign_in(client, staff_user(EDITORS))
    assert client.get(url).status_code == 403

    sign_in(client, staff_user(LEAD_HANDLERS))
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content) == stored
    assert "no-store" in response["Cache-Control"]
