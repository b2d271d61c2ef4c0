import io
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from conftest import sign_in
from contact.models import EstimatePhoto, EstimateRequest

pytestmark = pytest.mark.django_db


def jpeg_with_gps(extra=b""):
    image = Image.new("RGB", (800, 600), (180, 170, 160))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {1: "N", 2: (33.0, 45.0, 0.0)}  # GPS position
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue() + extra


def upload(name, content, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_photo_is_stored_privately_and_stripped_of_location(client, contact, valid_post):
    response = client.post(
        "/contact/", {**valid_post(), "photos": [upload("kitchen.jpg", jpeg_with_gps())]}
    )

    assert response.status_code == 200
    photo = EstimatePhoto.objects.get()
    stored = photo.image.read()
    assert b"PhoneMaker" not in stored and b"GPS" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "JPEG" and not image.getexif()
    assert not Path(photo.image.path).is_relative_to(settings.MEDIA_ROOT)
    assert Path(photo.image.path).is_relative_to(settings.PRIVATE_MEDIA_ROOT)
    assert EstimateRequest.objects.get().form_data["photos"] == "1 photo(s)"


def test_hidden_payload_after_the_picture_is_dropped(client, contact, valid_post):
    polyglot = jpeg_with_gps(extra=b"<html><script>alert(1)</script></html>")

    client.post("/contact/", {**valid_post(), "photos": [upload("x.jpg", polyglot)]})

    assert b"<script>" not in EstimatePhoto.objects.get().image.read()


def huge_png():
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, "PNG")  # 100 megapixels, a few kB
    return buffer.getvalue()


@pytest.mark.parametrize(
    "files, message",
    [
        ([("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>')], "could not be read"),
        ([("page.jpg", b"<html><body>hello</body></html>")], "could not be read"),
        ([("huge.png", None)], "too many pixels"),
        ([("big.jpg", b"\xff\xd8" + b"0" * (10 * 1024 * 1024))], "larger than 10 MB"),
        ([(f"p{n}.jpg", "jpeg") for n in range(6)], "at most 5 photos"),
        ([("anim.gif", "gif")], "is not a JPEG, PNG or WebP photo"),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message(client, contact, valid_post, files, message):
    def content(data):
        if data is None:
            return huge_png()
        if data == "jpeg":
            return jpeg_with_gps()
        if data == "gif":
            buffer = io.BytesIO()
            Image.new("RGB", (10, 10)).save(buffer, "GIF")
            return buffer.getvalue()
        return data

    photos = [upload(name, content(data)) for name, data in files]
    response = client.post("/contact/", {**valid_post(), "photos": photos})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert EstimateRequest.objects.count() == 0 and EstimatePhoto.objects.count() == 0


def test_only_staff_with_permission_see_photos(client, contact, valid_post, django_user_model):
    client.post("/contact/", {**valid_post(), "photos": [upload("k.jpg", jpeg_with_gps())]})
    url = reverse("estimate_photo", args=(EstimatePhoto.objects.get().pk,))

    assert client.get(url).status_code == 302  # not logged in: to the admin login
    editor = django_user_model.objects.create_user("editor", password="pw-for-tests")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in(client, editor)
    assert client.get(url).status_code == 403

    editor.user_permissions.add(Permission.objects.get(codename="view_estimaterequest"))
    editor = django_user_model.objects.get(pk=editor.pk)
    sign_in(client, editor)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"]


def test_phone_photos_are_turned_upright_and_mpo_is_accepted(client, contact, valid_post):
    image = Image.new("RGB", (800, 600), (200, 100, 50))
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)

    client.post("/contact/", {**valid_post(), "photos": [upload("side.jpg", buffer.getvalue())]})

    with Image.open(EstimatePhoto.objects.get().image) as stored:
        assert stored.size == (600, 800)


def test_photo_files_go_when_the_request_cannot_be_stored(client, contact, valid_post, monkeypatch):
    broken_queue = mock.Mock()
    broken_queue.enqueue.side_effect = RuntimeError("queue table unavailable")
    monkeypatch.setattr("contact.tasks.send_estimate_emails", broken_queue)
    files_before = set(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.jpg"))

    with pytest.raises(RuntimeError):
        client.post("/contact/", {**valid_post(), "photos": [upload("k.jpg", jpeg_with_gps())]})

    assert EstimateRequest.objects.count() == 0
    assert set(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.jpg")) == files_before
