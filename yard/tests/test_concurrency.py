"""Visitors press "Hold it for me" on the same slab at the same moment: one holds it, every
other is stored and put on its waiting list. (On PostgreSQL in CI the requests truly overlap:
the database's one-hold-per-slab constraint decides.)"""

import re
import threading

import pytest
from django.db import connections
from django.test import Client

from conftest import ensure_base_tree
from contact.factories import make_contact_page
from contact.models import EstimateRequest
from contact.tests.conftest import token
from yard.factories import SlabFactory, make_yard_page
from yard.models import Slab, SlabHold

from .conftest import hold_path

THREADS = 8


@pytest.mark.django_db(transaction=True)
def test_of_simultaneous_holds_one_wins_and_the_others_wait():
    home = ensure_base_tree()
    make_contact_page(home)
    make_yard_page(home)
    slab = SlabFactory()
    barrier = threading.Barrier(THREADS)
    pages = []

    def visitor(number):
        try:
            client = Client(REMOTE_ADDR=f"198.51.100.{number}")
            data = {"your_name": f"Visitor {number}", "phone": f"(404) 555-01{number:02d}",
                    "email": f"v{number}@example.com", "lm_started": token()}  # fmt: skip
            barrier.wait(timeout=10)
            response = client.post(hold_path(slab), data)
            pages.append((response.status_code, response.content.decode()))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert [status for status, _ in pages] == [200] * THREADS
    assert sum("It is held for you" in page for _, page in pages) == 1
    assert sum("You are on the waiting list" in page for _, page in pages) == THREADS - 1
    places = sorted(int(n) for _, page in pages for n in re.findall(r"You are number (\d+)", page))
    assert places == list(range(1, THREADS))  # each told a place of their own
    assert SlabHold.objects.filter(state="holding").count() == 1
    assert SlabHold.objects.filter(state="waiting").count() == THREADS - 1
    assert EstimateRequest.objects.filter(is_spam=False).count() == THREADS
    slab.refresh_from_db()
    holder = SlabHold.objects.get(state="holding")
    assert slab.status == Slab.Status.ON_HOLD and slab.held_until == holder.ends_at
