"""Lighthouse scores for accessibility, best practices and SEO of a running site.

    .venv/bin/python -m tools.lighthouse --base-url http://127.0.0.1:8000

Exits non-zero when a page scores below 100. Lighthouse comes from npm (`make checkers`).
"""

import argparse
import sys

from tools.browser import CHECKERS, lighthouse
from tools.pages import LIGHTHOUSE_PAGES


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    args = parser.parse_args()

    if not (CHECKERS / "lighthouse").exists():
        sys.exit("Lighthouse is not installed: make checkers")
    below = 0
    for name, path in LIGHTHOUSE_PAGES.items():
        scores, failed = lighthouse(args.base_url.rstrip("/") + path, CHECKERS)
        figures = "  ".join(f"{key} {value}" for key, value in scores.items())
        print(f"{name:<12} {path:<32} {figures}")
        for title in failed:
            print(f"    failed: {title}")
        below += any(value < 100 for value in scores.values())
    if below:
        sys.exit(f"{below} page(s) scored below 100.")


if __name__ == "__main__":
    main()
