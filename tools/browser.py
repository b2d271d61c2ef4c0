"""Headless Debian Chromium for browser tests, screenshots and Lighthouse; nothing is downloaded."""

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# axe-core, the Nu HTML Checker and Lighthouse, installed by `make checkers` (npm ci).
CHECKERS = Path(__file__).resolve().parent / "a11y" / "node_modules"
# Without the background-networking flags Chromium keeps dialling out on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# Long pages let a phone lay out only what is near the screen (`content-visibility: auto` in
# site.css). A full-page screenshot or an accessibility scan of the whole page draws it all, as
# the visitor sees it once scrolled.
RENDER_ALL = "* { content-visibility: visible !important; }"


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# How the page loaded, from Lighthouse's audits of the same name: milliseconds, except CLS (a
# score; 0 is no shift at all) and the bytes of everything the first view downloaded.
LIGHTHOUSE_METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
    "bytes": "total-byte-weight",
}


@dataclass
class LighthouseReport:
    scores: dict  # category: 0 to 100
    failed: list  # titles of the scored audits that did not pass
    metrics: dict  # LIGHTHOUSE_METRICS' names: figure
    lcp_element: dict  # the largest contentful paint's node: "selector", "snippet"; {} if none


def lighthouse(url, checkers=CHECKERS, report_path=None):
    """Lighthouse's report on one page, with its default (phone) profile.

    `checkers` is tools/a11y/node_modules, where `npm ci` put Lighthouse. The whole JSON report
    is also written to `report_path` when given.
    """
    with tempfile.TemporaryDirectory() as folder:
        report = report_path or os.path.join(folder, "report.json")
        command = [
            "node",
            str(checkers / "lighthouse" / "cli" / "index.js"),
            url,
            "--only-categories=" + ",".join(LIGHTHOUSE_CATEGORIES),
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
        ]
        environment = {**os.environ, "CHROME_PATH": CHROMIUM}
        try:
            subprocess.run(command, env=environment, check=True, timeout=180)
        except subprocess.CalledProcessError:
            # On a busy machine Lighthouse now and then fails to record the page's trace
            # (NO_NAVSTART); a second run does.
            subprocess.run(command, env=environment, check=True, timeout=180)
        with open(report) as file:
            result = json.load(file)
    audits = result["audits"]
    return LighthouseReport(
        scores={
            key: round(category["score"] * 100) for key, category in result["categories"].items()
        },
        failed=sorted(
            audits[ref["id"]]["title"]
            for category in result["categories"].values()
            for ref in category["auditRefs"]
            if ref["weight"] and (audits[ref["id"]]["score"] or 0) < 1
        ),
        metrics={name: audits[audit]["numericValue"] for name, audit in LIGHTHOUSE_METRICS.items()},
        lcp_element=lcp_node(audits),
    )


def lcp_node(audits):
    """The element Lighthouse found to be the largest contentful paint, as it describes nodes."""
    details = audits["largest-contentful-paint-element"].get("details") or {}
    for table in details.get("items", []):
        for item in table.get("items", []):
            if "node" in item:
                return item["node"]
    return {}
