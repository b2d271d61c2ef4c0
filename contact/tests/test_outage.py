"""What a visitor sees when the server fails, and when the database is unreachable."""

import pytest
from django.db.utils import OperationalError
from django.test import Client

from contact.models import ContactPage, EstimateRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def fail_with(error):
    def fail(*args, **kwargs):
        raise error

    return fail


def test_a_post_the_database_could_not_store_says_so_and_when_to_retry(
    visitor, contact, valid_post, monkeypatch
):
    monkeypatch.setattr(
        ContactPage, "process_form_submission", fail_with(OperationalError("server closed"))
    )

    response = visitor.post("/contact/", valid_post())

    assert response.status_code == 503 and response["Retry-After"] == "30"
    html = response.content.decode()
    assert "could not confirm that what you sent was saved" in html
    assert "your browser keeps what you typed" in html
    assert "server closed" not in html
    assert EstimateRequest.objects.count() == 0


def test_a_page_the_database_could_not_serve_asks_to_try_again(visitor, contact, monkeypatch):
    monkeypatch.setattr(ContactPage, "serve", fail_with(OperationalError("server closed")))

    response = visitor.get("/contact/")

    assert response.status_code == 503
    assert "Please try again in a minute" in response.content.decode()


def test_any_other_failure_is_a_plain_500(visitor, contact, monkeypatch):
    monkeypatch.setattr(ContactPage, "serve", fail_with(ZeroDivisionError("a bug")))

    response = visitor.get("/contact/")

    assert response.status_code == 500
    assert "Sorry, something went wrong on our side" in response.content.decode()
