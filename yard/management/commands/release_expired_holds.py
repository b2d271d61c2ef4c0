"""End the holds on slabs whose time is up and pass each slab to the next person waiting.
Run every five minutes by the publish timer (deploy/systemd/lm-granite-publish.service)."""

from django.core.management.base import BaseCommand

from yard.holds import release_expired


class Command(BaseCommand):
    help = "Release slab holds that have run out; the next person waiting gets the slab."

    def handle(self, *args, **options):
        count = release_expired()
        self.stdout.write(f"{count} expired hold(s) released.")
