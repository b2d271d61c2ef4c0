"""Lighthouse scores for accessibility, best practices and SEO of a running site."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.browser import lighthouse

PAGES = {
    "home": "/",
    "a service": "/services/kitchen-countertops/",
    "gallery": "/gallery/",
    "an article": "/blog/treaty-of-moscow-1921/",
}


class Command(BaseCommand):
    help = "Print Lighthouse scores for the main pages of a running site (e.g. `make run`)."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")

    def handle(self, *args, base_url, **options):
        checkers = settings.BASE_DIR / "tools" / "a11y" / "node_modules"
        if not (checkers / "lighthouse").exists():
            raise CommandError("Lighthouse is not installed: make checkers")
        below = 0
        for name, path in PAGES.items():
            scores, failed = lighthouse(base_url.rstrip("/") + path, checkers)
            figures = "  ".join(f"{key} {value}" for key, value in scores.items())
            self.stdout.write(f"{name:<12} {path:<32} {figures}")
            for title in failed:
                self.stdout.write(f"    failed: {title}")
            below += any(value < 100 for value in scores.values())
        if below:
            raise CommandError(f"{below} page(s) scored below 100.")
