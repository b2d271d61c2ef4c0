import time
from unittest import mock

import pytest
from django.core import signing
from django.core.management import call_command

from contact.factories import make_contact_page
from contact.forms import TOKEN_SALT
from materials.factories import MaterialFactory
from pricing.factories import (
    CutoutFactory,
    EdgeProfileFactory,
    PricingRulesFactory,
    TearOutFactory,
)


@pytest.fixture
def contact(home, business):
    return make_contact_page(home)


@pytest.fixture
def granite(db):
    return MaterialFactory(name="Granite", slug="granite", price_low=40, price_high=90)


@pytest.fixture
def prices(granite):
    """A small price list: granite, two edges, two cutouts, laminate tear-out, the rules."""
    EdgeProfileFactory(name="Eased", slug="eased", price_low=0, price_high=0, sort_order=0)
    EdgeProfileFactory(name="Bullnose", slug="bullnose", price_low=10, price_high=15, sort_order=1)
    CutoutFactory(name="Undermount sink", slug="undermount-sink", price_low=200, price_high=300)
    CutoutFactory(name="Cooktop", slug="cooktop", price_low=150, price_high=250)
    TearOutFactory()
    return PricingRulesFactory()


def token(seconds_ago=60):
    return signing.dumps({"t": time.time() - seconds_ago}, salt=TOKEN_SALT)


@pytest.fixture
def valid_post():
    def make(**changes):
        data = {
            "your_name": "Ana Díaz",
            "phone": "(404) 555-0123",
            "email": "ana@example.com",
            "project_type": "Kitchen",
            "zip_code": "30301",
            "stone": "",
            "message": "Island and two runs.",
            "lm_homepage": "",
            "lm_started": token(),
        }
        data.update(changes)
        # Callables are resolved now, e.g. a token made "just now" at test time.
        data = {key: value() if callable(value) else value for key, value in data.items()}
        return {key: value for key, value in data.items() if value is not None}

    return make


def run_mail_queue():
    """What `manage.py db_worker --backend mail` does in production, once.

    The worker drops database connections that are inside a transaction, which here is the
    test's own; that clean-up is switched off for the run.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--backend", "mail", "--batch", "--no-startup-delay", "-v", "0")
