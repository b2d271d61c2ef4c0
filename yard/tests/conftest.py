import pytest

from contact.factories import make_contact_page
from contact.tests.conftest import token
from yard.factories import SlabFactory, make_yard_page


@pytest.fixture
def yard(home, business):
    make_contact_page(home)  # the office's address for the hold emails
    return make_yard_page(home)


@pytest.fixture
def slab(yard):
    return SlabFactory()


def hold_post(**changes):
    data = {
        "your_name": "Ana Díaz",
        "phone": "(404) 555-0123",
        "email": "ana@example.com",
        "note": "A vanity top, 60 x 22.",
        "lm_homepage": "",
        "lm_started": token(),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def hold_path(slab):
    return f"/slabs/{slab.pk}-{slab.slug}/hold/"


def slab_path(slab):
    return f"/slabs/{slab.pk}-{slab.slug}/"
