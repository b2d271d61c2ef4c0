"""/healthz and /readyz: what a load balancer and an on-call person are told, and what not."""

import json
import socket

import pytest
from django.db import OperationalError, connection

from config.settings.base import redis_caches

pytestmark = pytest.mark.django_db


def dead_port():
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_healthz_answers_without_asking_anything_else(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]  # never kept by Varnish


def test_readyz_reports_each_part(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "ok",
        "database": "ok",
        "storage": "ok",
        "cache": "ok",
    }
    assert "no-store" in response["Cache-Control"]


def test_readyz_stays_ready_without_redis_and_says_so(client, settings):
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{dead_port()}/0")  # what production uses

    response = client.get("/readyz")

    assert response.status_code == 200
    assert json.loads(response.content)["cache"] == "unavailable"


def test_readyz_fails_when_the_database_does_not_answer_and_names_no_secret(
    client, monkeypatch, caplog
):
    def refuse(*args, **kwargs):
        raise OperationalError('connection to server at "db.internal" failed: password secret-1')

    monkeypatch.setattr(connection, "cursor", refuse)

    response = client.get("/readyz")

    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "unavailable" and body["database"] == "unavailable"
    assert b"db.internal" not in response.content and b"secret-1" not in response.content
    assert "db.internal" in caplog.text  # the details are in the log, for the people on call


class BrokenStorage:
    def exists(self, name):
        raise OSError("endpoint https://s3.internal/ refused the keys AKIA-secret")


def test_readyz_fails_when_a_storage_does_not_answer(client, monkeypatch):
    from django.core.files.storage import storages

    monkeypatch.setitem(storages._storages, "default", BrokenStorage())

    response = client.get("/readyz")

    assert response.status_code == 503
    assert json.loads(response.content)["storage"] == "unavailable"
    assert b"AKIA" not in response.content


def test_a_balancer_may_ask_a_node_by_its_address_over_plain_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True  # as in production
    settings.ALLOWED_HOSTS = ["www.example.com"]

    assert client.get("/healthz", HTTP_HOST="10.0.0.2:8000").status_code == 200
    assert client.get("/readyz", HTTP_HOST="10.0.0.2:8000").status_code == 200
    assert client.get("/", HTTP_HOST="10.0.0.2:8000").status_code == 400  # the rest is not
    assert client.get("/", HTTP_HOST="www.example.com").status_code == 301  # sent to https


def test_readyz_fails_when_the_media_folder_is_not_a_folder(client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")  # not made yet: the first upload makes it
    assert client.get("/readyz").status_code == 200

    (tmp_path / "media").write_text("")  # a wrong path in the environment file, say

    response = client.get("/readyz")

    assert response.status_code == 503
    assert json.loads(response.content)["storage"] == "unavailable"
