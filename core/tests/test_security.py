"""Security headers, security.txt, the admin's sessions and what is no longer there."""

import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from core.security import EARLY_SCRIPT, error_page_style_hash, script_hash

pytestmark = pytest.mark.django_db


def policy(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    return {
        name: sources
        for name, *sources in (
            part.split() for part in response["Content-Security-Policy"].split(";") if part.strip()
        )
    }


def test_public_pages_allow_only_the_sites_own_scripts_and_styles(client, home, business):
    response = client.get("/")
    csp = policy(response)

    assert csp["script-src"] == ["'self'", script_hash(EARLY_SCRIPT)]
    assert csp["style-src"] == ["'self'", error_page_style_hash()]
    assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    assert csp["form-action"] == ["'self'"] and csp["frame-ancestors"] == ["'self'"]
    assert "unsafe" not in response["Content-Security-Policy"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_the_one_inline_script_is_the_one_the_policy_allows(client, home, business):
    html = client.get("/").content.decode()

    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", html, re.S)
    runnable = [body for attributes, body in inline if "application/" not in attributes]

    assert runnable == [EARLY_SCRIPT]
    assert " style=" not in html and "<style" not in html


@pytest.mark.parametrize("status", [400, 403])
def test_the_error_pages_style_is_the_one_the_policy_allows(home, business, status):
    # The static error pages, which show without the database or static files: too much sent,
    # or a form without its CSRF token.
    if status == 400:
        response = Client().post("/admin/login/", {"username": "x" * 3_000_000})
    else:
        response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "x"})

    assert response.status_code == status
    styles = re.findall(r"<style>(.*?)</style>", response.content.decode(), re.S)
    assert len(styles) == 1
    assert script_hash(styles[0]) in policy(response)["style-src"]


def test_the_signed_in_admin_gets_the_policy_wagtail_works_under(client, admin_client):
    signed_in = policy(admin_client.get(reverse("wagtailadmin_home")))
    sign_in_page = policy(client.get(reverse("wagtailadmin_login")))

    assert signed_in["script-src"] == ["'self'", "'unsafe-inline'"]
    assert signed_in["object-src"] == ["'none'"] and signed_in["frame-ancestors"] == ["'self'"]
    assert sign_in_page["script-src"] == ["'self'", script_hash(EARLY_SCRIPT)]  # the public one


def test_security_txt_says_whom_to_tell_and_until_when(client, home, settings):
    settings.SECURITY_CONTACT = "mailto:security@lm-granite.test"

    response = client.get("/.well-known/security.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Contact: mailto:security@lm-granite.test" in lines
    assert any(re.fullmatch(r"Expires: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", line) for line in lines)


def test_the_django_admin_is_gone(client, admin_client):
    assert client.get("/django-admin/").status_code == 404
    assert admin_client.get("/django-admin/").status_code == 404


def test_logging_out_ends_the_session_on_the_server(admin_client, settings):
    assert Session.objects.count() == 1

    admin_client.post(reverse("wagtailadmin_logout"))

    assert Session.objects.count() == 0
    assert settings.SESSION_COOKIE_AGE == 10 * 3600 and settings.SESSION_SAVE_EVERY_REQUEST


@pytest.mark.parametrize("method", ["TRACE", "OPTIONS", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", ["/", "/search/", "/contact/", "/robots.txt"])
def test_other_methods_on_public_addresses_get_405_not_the_page(
    client, home, business, method, path
):
    response = client.generic(method, path)

    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "POST"}


def test_sign_in_never_sends_anyone_to_another_site(client, staff_user):
    staff_user("Editors", "ed", password="right-one")

    response = client.post(
        reverse("wagtailadmin_login") + "?next=https://evil.example/steal",
        {"username": "ed", "password": "right-one", "next": "https://evil.example/steal"},
    )

    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


@pytest.mark.parametrize(
    "next_page", ["/admin/\r\nSet-Cookie: stolen=1", "/admin/%0d%0aSet-Cookie:stolen=1", "\r\n/"]
)
def test_a_line_break_in_next_never_becomes_a_header(client, staff_user, next_page):
    staff_user("Editors", "ed", password="right-one")

    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "ed", "password": "right-one", "next": next_page},
    )

    assert response.status_code == 302
    assert "\n" not in response["Location"] and "\r" not in response["Location"]
    assert "stolen" not in response.cookies


@pytest.mark.parametrize(
    "path, signed_in",
    [
        ("/admin/login/", False),
        ("/admin/second-factor/", True),
        ("/admin/pages/{home}/edit/", True),
    ],
)
def test_an_oversize_body_on_a_staff_form_gets_a_clear_400(
    client, admin_client, home, path, signed_in
):
    sender = admin_client if signed_in else client

    response = sender.post(path.format(home=home.pk), {"username": "ed", "title": "x" * 3_000_000})

    assert response.status_code == 400
    assert "We could not read" in response.content.decode()


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1\r\nX-Injected: 1", "a" * 300])
def test_a_forged_host_header_gets_a_clear_400(client, home, business, host):
    response = client.get("/", HTTP_HOST=host)

    assert response.status_code == 400
    assert "X-Injected" not in response


def test_the_documented_production_environment_passes_check_deploy(tmp_path):
    example = dict(
        line.split("=", 1)
        for line in (settings.BASE_DIR / "deploy" / "env.example").read_text().splitlines()
        if line and not line.startswith("#")
    )
    env = {**example, "SECRET_KEY": secrets.token_urlsafe(50),
           "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
           "STATIC_ROOT": str(tmp_path / "static"), "MEDIA_ROOT": str(tmp_path / "media"),
           "PRIVATE_MEDIA_ROOT": str(tmp_path / "private")}  # fmt: skip
    clean = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DEBUG"}}

    check = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={**clean, **env}, cwd=settings.BASE_DIR, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip

    assert check.returncode == 0, check.stderr + check.stdout
    assert "no issues" in check.stdout
