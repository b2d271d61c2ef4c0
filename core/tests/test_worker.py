"""The task worker the services run (core/management/commands/db_worker.py)."""

import datetime

import pytest
from django.db.utils import OperationalError
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from core.management.commands import db_worker
from core.management.commands.db_worker import SupervisedWorker, reclaim_abandoned

pytestmark = pytest.mark.django_db


@task(backend="mail")
def send_something(number):
    pass


@task(backend="mail")
def lose_the_database():
    raise OperationalError("terminating connection due to administrator command")


def running_since(seconds_ago):
    result = DBTaskResult.objects.get(pk=send_something.enqueue(1).id)
    started = timezone.now() - datetime.timedelta(seconds=seconds_ago)
    DBTaskResult.objects.filter(pk=result.pk).update(
        status="RUNNING", started_at=started, worker_ids=["killed-worker"]
    )
    return result.pk


def test_a_task_left_running_by_a_dead_worker_goes_back_in_the_queue(settings):
    abandoned, under_way = running_since(700), running_since(30)

    assert reclaim_abandoned("mail", older_than=600) == 1

    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert statuses == {abandoned: "READY", under_way: "RUNNING"}
    assert DBTaskResult.objects.ready().filter(pk=abandoned).exists()  # due now


def worker():
    return SupervisedWorker(
        queue_names=["default"], interval=0, batch=False, backend_name="mail",
        startup_delay=False, max_tasks=None, worker_id="test", excluded_queue_names=[],
    )  # fmt: skip


def test_the_worker_waits_for_the_database_and_carries_on(monkeypatch):
    supervised, turns, pauses = worker(), [], []

    def claim_next():
        turns.append(len(turns))
        if len(turns) <= 3:
            raise OperationalError("server closed the connection unexpectedly")
        supervised.running = False  # the fourth turn finds the database back: stop there
        return None

    monkeypatch.setattr(supervised, "claim_next", claim_next)
    monkeypatch.setattr(db_worker.time, "sleep", pauses.append)
    monkeypatch.setattr(db_worker.connections, "close_all", lambda: None)

    supervised.run()

    assert len(turns) == 4  # still running after three failures
    assert pauses == [0.25, 0.5, 1.0]  # growing pauses between tries


def test_a_task_that_lost_the_database_runs_again_a_bounded_number_of_times(monkeypatch):
    # The worker closes connections left in a transaction: here that is the test's own.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    queued = lose_the_database.enqueue()
    supervised = worker()

    supervised.run_task(supervised.claim_next())

    result = DBTaskResult.objects.get(pk=queued.id)
    assert result.status == "READY" and result.run_after > timezone.now()  # shortly, not now
    for _ in range(db_worker.MOST_RUNS - 1):
        DBTaskResult.objects.filter(pk=queued.id).update(run_after=timezone.now())
        supervised.run_task(supervised.claim_next())
    assert DBTaskResult.objects.get(pk=queued.id).status == "FAILED"  # given up at last
