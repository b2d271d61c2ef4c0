"""Screenshot the main pages at phone and desktop width with Debian's Chromium."""

from pathlib import Path

from django.core.management.base import BaseCommand

from core.browser import launch

PAGES = {
    "home": "/",
    "services": "/services/",
    "service": "/services/kitchen-countertops/",
    "materials": "/materials/",
    "gallery": "/gallery/",
    "gallery-filtered": "/gallery/?material=marble&room=kitchen",
    "blog": "/blog/",
    "article": "/blog/treaty-of-moscow-1921/",
    "contact": "/contact/",
    "about": "/about/",
    "faq": "/faq/",
    "not-found": "/no-such-page/",
}
VIEWPORTS = {"phone": (375, 812), "desktop": (1366, 900)}
# Scroll through the page so lazy images load before the full-page shot.
SCROLL_THROUGH = """async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 60));
    }
}"""


class Command(BaseCommand):
    help = (
        "Save full-page screenshots of a running site (e.g. `make run`) at phone and desktop width."
    )

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")
        parser.add_argument("--out", default="screenshots")

    def handle(self, *args, base_url, out, **options):
        from playwright.sync_api import sync_playwright

        out_dir = Path(out)
        out_dir.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for device, (width, height) in VIEWPORTS.items():
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                for name, path in PAGES.items():
                    page.goto(base_url + path, wait_until="networkidle", timeout=120_000)
                    page.evaluate(SCROLL_THROUGH)
                    page.wait_for_load_state("networkidle")
                    target = out_dir / f"{name}-{device}.png"
                    page.screenshot(path=target, full_page=True)
                    self.stdout.write(str(target))
                context.close()
            browser.close()
