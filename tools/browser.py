"""Headless Debian Chromium for browser tests, screenshots and Lighthouse; nothing is downloaded."""

import json
import os
import subprocess
import tempfile
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


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


LIGHTHOUSE_CATEGORIES = ["accessibility", "best-practices", "seo"]


def lighthouse(url, checkers=CHECKERS):
    """Lighthouse's scores (0 to 100) for one page, and the titles of the audits it failed.

    `checkers` is tools/a11y/node_modules, where `npm ci` put Lighthouse.
    """
    with tempfile.TemporaryDirectory() as folder:
        report = os.path.join(folder, "report.json")
        subprocess.run(
            [
                "node",
                str(checkers / "lighthouse" / "cli" / "index.js"),
                url,
                "--only-categories=" + ",".join(LIGHTHOUSE_CATEGORIES),
                "--output=json",
                f"--output-path={report}",
                "--quiet",
                "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            check=True,
            timeout=180,
        )
        with open(report) as file:
            result = json.load(file)
    scores = {key: round(category["score"] * 100) for key, category in result["categories"].items()}
    failed = sorted(
        result["audits"][ref["id"]]["title"]
        for category in result["categories"].values()
        for ref in category["auditRefs"]
        if ref["weight"] and (result["audits"][ref["id"]]["score"] or 0) < 1
    )
    return scores, failed
