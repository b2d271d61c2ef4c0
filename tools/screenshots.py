"""Full-page screenshots of a running site (e.g. `make run`) at phone and desktop width.

.venv/bin/python -m tools.screenshots --base-url http://127.0.0.1:8000 --out screenshots
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools.browser import RENDER_ALL, launch
from tools.pages import PAGES

VIEWPORTS = {"phone": (390, 844), "desktop": (1366, 900)}
# Scroll through the page so lazy images load before the full-page shot.
SCROLL_THROUGH = """async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 60));
    }
}"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="screenshots")
    args = parser.parse_args()

    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for device, (width, height) in VIEWPORTS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto(
                    args.base_url.rstrip("/") + path, wait_until="networkidle", timeout=120_000
                )
                page.evaluate(SCROLL_THROUGH)
                page.wait_for_load_state("networkidle")
                target = out_dir / f"{name}-{device}.png"
                page.screenshot(path=target, full_page=True, style=RENDER_ALL)
                print(target)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
