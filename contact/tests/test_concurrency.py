"""Several visitors send at the same moment: every request is stored exactly once."""

import threading

import pytest
from django.db import connections
from django.test import Client

from conftest import ensure_base_tree
from contact.factories import make_contact_page
from contact.models import EstimateRequest

from .conftest import token

THREADS = 8


@pytest.mark.django_db(transaction=True)
def test_simultaneous_posts_are_all_stored_once():
    make_contact_page(ensure_base_tree())
    barrier = threading.Barrier(THREADS)
    statuses = []

    def visitor(number):
        try:
            client = Client(REMOTE_ADDR=f"198.51.100.{number}")
            data = {
                "your_name": f"Visitor {number}",
                "phone": "(404) 555-0123",
                "email": f"v{number}@example.com",
                "project_type": "Kitchen",
                "zip_code": "30301",
                "lm_started": token(),
            }
            barrier.wait(timeout=10)
            statuses.append(client.post("/contact/", data).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert statuses == [200] * THREADS
    names = sorted(EstimateRequest.objects.values_list("name", flat=True))
    assert names == sorted(f"Visitor {n}" for n in range(THREADS))
