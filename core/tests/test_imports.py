"""Imports between our apps go one way: core at the bottom, nothing importing in a circle.

Read from the source, so a cycle hidden in a function body counts as much as one at the top.
Tests and migrations may import anything; the demo loader is the roof and may too.
"""

import ast
import tomllib
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = {
    path.parent.name
    for path in ROOT.glob("*/apps.py")
    if not path.parent.name.startswith(".") and path.parent.name != "config"
}
ROOF = {"core/management/commands/load_demo_content.py"}
# Function-level imports that stay, with the reason; everything else imports at the top.
FUNCTION_LEVEL = {
    # Django's app registry is not ready when apps.py is imported.
    ("contact/apps.py", "contact"),
    ("core/apps.py", "core"),
    ("staff/apps.py", "staff"),
    ("yard/apps.py", "yard"),
}


def modules():
    for path in sorted(ROOT.glob("*/**/*.py")):
        relative = path.relative_to(ROOT).as_posix()
        app = relative.split("/")[0]
        if app in APPS and "/tests/" not in relative and "/migrations/" not in relative:
            yield app, relative, ast.parse(path.read_text(), relative)


def imported_apps(node):
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        names = [node.module]
    else:
        return set()
    return {name.split(".")[0] for name in names} & APPS


def app_graph():
    graph = {app: set() for app in APPS}
    for app, relative, tree in modules():
        if relative in ROOF:
            continue
        for node in ast.walk(tree):
            graph[app] |= imported_apps(node) - {app}
    return graph


def test_core_imports_no_other_app():
    assert app_graph()["core"] == set()


def test_no_import_cycle_between_apps():
    graph = app_graph()

    def reaches(start, target, seen):
        for app in graph[start] - seen:
            if app == target or reaches(app, target, seen | {app}):
                return True
        return False

    cycles = sorted(app for app in graph if reaches(app, app, set()))
    assert cycles == [], {app: sorted(graph[app]) for app in cycles}


def test_apps_import_each_other_at_the_top_of_the_file():
    inside_functions = set()
    for _, relative, tree in modules():
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                for node in ast.walk(function):
                    inside_functions |= {(relative, app) for app in imported_apps(node)}
    assert inside_functions == FUNCTION_LEVEL


def test_every_app_with_tests_is_where_pytest_looks():
    configured = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]
    testpaths = set(configured["ini_options"]["testpaths"])

    assert {app for app in APPS if (ROOT / app / "tests").is_dir()} <= testpaths
