"""Screenshot the main pages at phone and desktop width with Debian's Chromium.

    python scripts/screenshots.py [BASE_URL] [OUT_DIR]

Serve the demo site first (`make run`). Nothing is downloaded: Playwright drives
/usr/bin/chromium (apt-get install chromium).
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

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
WIDTHS = {"phone": (375, 812), "desktop": (1366, 900)}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main(base="http://127.0.0.1:8000", out="screenshots"):
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for device, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto(base + path, wait_until="networkidle", timeout=120_000)
                # Scroll through so lazy images load before the full-page shot.
                page.evaluate(
                    "async () => { for (let y = 0; y < document.body.scrollHeight; y += 600)"
                    " { window.scrollTo(0, y); await new Promise(r => setTimeout(r, 60)); } }"
                )
                page.wait_for_load_state("networkidle")
                target = out_dir / f"{name}-{device}.png"
                page.screenshot(path=target, full_page=True)
                print(target)
            context.close()
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
