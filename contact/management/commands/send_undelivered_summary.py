"""Queue today's summary of requests whose emails could not be sent, once a day.

Run every few minutes by lm-granite-publish.service; it queues at most one summary a day, and
only when there is something to tell.
"""

from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.utils import timezone

from contact.models import UndeliveredSummary
from contact.tasks import send_undelivered_summary, undelivered


class Command(BaseCommand):
    help = "Queue one email a day to the office listing requests whose emails were not sent."

    def handle(self, **options):
        count = undelivered().count()
        if not count:
            return
        try:
            with transaction.atomic():
                UndeliveredSummary.objects.create(day=timezone.localdate(), requests=count)
                send_undelivered_summary.enqueue()
        except IntegrityError:
            return  # today's is queued already
        self.stdout.write(f"Queued the summary of {count} undelivered request(s).")
