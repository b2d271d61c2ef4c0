"""Lighthouse on a running site's main pages: scores, load figures and the LCP element.

    .venv/bin/python -m tools.lighthouse --base-url http://127.0.0.1:8000

Lighthouse's default profile is a phone (simulated mid-range device on a slow 4G network). Each
page is run `--runs` times and the median of each figure printed, as timings vary between runs
on a busy machine. Exits non-zero when a page's median score is below 100 in any category.
Lighthouse comes from npm (`make checkers`).
"""

import argparse
import statistics
import sys
from collections import Counter
from pathlib import Path

from tools.browser import CHECKERS, lighthouse
from tools.pages import LIGHTHOUSE_PAGES


def median_report(reports):
    """Each score and figure's median over the runs, the failed audits of any run, and the LCP
    element most runs found."""

    def median(field):
        return {
            key: statistics.median(getattr(r, field)[key] for r in reports)
            for key in getattr(reports[0], field)
        }

    scores, metrics = median("scores"), median("metrics")
    failed = sorted({title for r in reports for title in r.failed})
    elements = Counter(r.lcp_element.get("selector", "") for r in reports)
    selector = elements.most_common(1)[0][0]
    return scores, metrics, failed, selector


def describe(metrics):
    return (
        f"FCP {metrics['FCP'] / 1000:.1f} s  LCP {metrics['LCP'] / 1000:.1f} s  "
        f"TBT {metrics['TBT']:.0f} ms  CLS {metrics['CLS']:.3f}  {metrics['bytes'] / 1024:.0f} KiB"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--runs", type=int, default=3, help="runs per page (default 3)")
    parser.add_argument("--reports", type=Path, help="keep each run's JSON report in this folder")
    parser.add_argument(
        "--page",
        action="append",
        choices=list(LIGHTHOUSE_PAGES),
        help="only this page (repeatable)",
    )
    args = parser.parse_args()

    if not (CHECKERS / "lighthouse").exists():
        sys.exit("Lighthouse is not installed: make checkers")
    if args.reports:
        args.reports.mkdir(parents=True, exist_ok=True)
    below = 0
    for name in args.page or LIGHTHOUSE_PAGES:
        path = LIGHTHOUSE_PAGES[name]
        reports = [
            lighthouse(
                args.base_url.rstrip("/") + path,
                CHECKERS,
                args.reports / f"{name}-{run}.json" if args.reports else None,
            )
            for run in range(1, args.runs + 1)
        ]
        scores, metrics, failed, lcp_selector = median_report(reports)
        figures = "  ".join(f"{key} {value:g}" for key, value in scores.items())
        print(f"{name:<12} {path:<32} {figures}")
        print(f"{'':<12} {describe(metrics)}")
        print(f"{'':<12} LCP element: {lcp_selector or 'none'}")
        for title in failed:
            print(f"    failed: {title}")
        below += any(value < 100 for value in scores.values())
    if below:
        sys.exit(f"{below} page(s) scored below 100.")


if __name__ == "__main__":
    main()
