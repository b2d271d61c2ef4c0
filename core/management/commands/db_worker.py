"""`manage.py db_worker`: django_tasks_db's worker, made to keep going on a production server.

The library's worker stops at the first database error and leaves the task of a worker that
died marked as running for ever. This one, used in its place with the same options:

- waits for the database when it stops answering (a restart, a failover) and carries on,
  with growing pauses, instead of exiting;
- puts a task back in the queue when it has been running longer than TASK_RECLAIM_SECONDS:
  its worker died (killed, out of memory, its server lost);
- runs a task again when it failed because the database went away in the middle of it.
Tasks are written to be run again safely (contact/tasks.py records each email sent), so a
second run finishes the work.
"""

import datetime
import logging
import time

from django.conf import settings
from django.core.management.base import CommandError
from django.db import close_old_connections, connections
from django.db.utils import InterfaceError, OperationalError
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Command as LibraryCommand
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

logger = logging.getLogger(__name__)

# Raised by the database driver when the server cannot be reached or drops the connection.
DATABASE_GONE = (OperationalError, InterfaceError)
DATABASE_GONE_PATHS = {f"{error.__module__}.{error.__qualname__}" for error in DATABASE_GONE}
LONGEST_WAIT = 5.0
# A task that failed because the database went away mid-way is run again this much later, up
# to this many runs in all (an error of that class that is not a lost connection stops there).
RUN_AGAIN_AFTER = datetime.timedelta(seconds=5)
MOST_RUNS = 20


def reclaim_abandoned(backend_name, older_than):
    """Tasks marked running for longer than `older_than` go back to the queue, to run now.
    Returns how many."""
    cutoff = timezone.now() - datetime.timedelta(seconds=older_than)
    return DBTaskResult.objects.filter(
        backend_name=backend_name, status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).update(status=TaskResultStatus.READY, run_after=timezone.now(), started_at=None)


class SupervisedWorker(Worker):
    def run(self):
        logger.info("Worker %s takes tasks from the %s queue", self.worker_id, self.backend_name)
        wait, reclaimed_at = 0.0, 0.0
        while self.running:
            try:
                if time.monotonic() - reclaimed_at > self.reclaim_every:
                    if count := reclaim_abandoned(self.backend_name, self.reclaim_after):
                        logger.warning("Put %s abandoned task(s) back in the queue", count)
                    reclaimed_at = time.monotonic()
                task_result = self.claim_next()
                if task_result is not None:
                    self.run_task(task_result)
            except DATABASE_GONE as error:
                # The task under way (if any) stays marked running and is reclaimed later.
                wait = min(max(wait * 2, 0.25), LONGEST_WAIT)
                logger.warning("Database unavailable (%s); trying again in %.2f s", error, wait)
                connections.close_all()
                time.sleep(wait)
                continue
            if wait:
                logger.info("Database answers again")
                wait = 0.0
            if self.running and task_result is None:
                time.sleep(self.interval)

    def run_task(self, task_result):
        super().run_task(task_result)
        if (
            task_result.status == TaskResultStatus.FAILED
            and task_result.exception_class_path in DATABASE_GONE_PATHS
            and len(task_result.worker_ids) < MOST_RUNS
        ):
            DBTaskResult.objects.filter(pk=task_result.pk).update(
                status=TaskResultStatus.READY,
                run_after=timezone.now() + RUN_AGAIN_AFTER,
                started_at=None,
                finished_at=None,
            )
            logger.warning("Task %s lost the database; it runs again shortly", task_result.pk)

    @property
    def reclaim_after(self):
        return settings.TASK_RECLAIM_SECONDS

    @property
    def reclaim_every(self):
        return min(60, self.reclaim_after / 2)

    def claim_next(self):
        """The next task that is due, marked as this worker's, or None."""
        close_old_connections()
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        with exclusive_transaction(tasks.db):
            try:
                task_result = tasks.get_locked()
            except OperationalError as error:
                if is_locked_database_exception(error):  # SQLite busy: try on the next turn
                    return None
                raise
            if task_result is not None:
                task_result.claim(self.worker_id)
        return task_result


class Command(LibraryCommand):
    help = (
        "Run tasks from a database queue; survives database restarts and re-queues tasks whose "
        "worker died."
    )

    def handle(self, *, verbosity, **options):
        if options["batch"] or options["max_tasks"] or options["reload"]:
            return super().handle(verbosity=verbosity, **options)  # the library's own modes
        if options["exclude_queues"]:
            raise CommandError("--exclude-queues is not used on this site's queues")
        self.configure_logging(verbosity)
        worker = SupervisedWorker(
            queue_names=options["queue_name"].split(","),
            interval=options["interval"],
            batch=False,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=None,
            worker_id=options["worker_id"],
            excluded_queue_names=[],
        )
        worker.configure_signals()
        worker.run()
