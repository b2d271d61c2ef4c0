"""Health checks for the load balancer and the people running the site.

Answered by `HealthCheckMiddleware`, first in the list: before the host check, the redirect to
https and the site lookup, so a balancer may ask a node by its address over plain HTTP.
`/healthz` says the process is up and answering, touching nothing else: cheap enough to ask
every few seconds. `/readyz` says whether this node can serve visitors: the database and the
file storages answer. The cache is reported but does not fail the check: it is an accelerator,
and a node serves pages and stores posts without it (docs/architecture.md). Neither shows a
host, a name or an error text: a failure is named by its part only, details go to the log.
"""

import logging
import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

PROBE_NAME = "healthz-probe"


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


def database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_answers():
    key, value = f"healthz:{uuid.uuid4().hex}", "ok"
    cache.set(key, value, timeout=10)
    answered = cache.get(key) == value
    cache.delete(key)
    return answered


def storages_answer():
    """Each storage the app writes to answers: a bucket is asked for a file that is not there
    (a real round trip, which fails on wrong keys or a dead endpoint); a folder on disk must
    be one this process can write to (or, before the first upload, be creatable)."""
    for alias in settings.STORAGES:
        if alias == "staticfiles":
            continue
        storage = storages[alias]
        if isinstance(storage, FileSystemStorage):
            if not writable_folder(Path(storage.location)):
                return False
        else:
            storage.exists(PROBE_NAME)
    return True


def writable_folder(path):
    while not path.exists():
        path = path.parent
    return path.is_dir() and os.access(path, os.W_OK | os.X_OK)


CHECKS = {"database": database_answers, "storage": storages_answer, "cache": cache_answers}
REQUIRED = {"database", "storage"}


@never_cache
def readyz(request):
    parts = {}
    for name, check in CHECKS.items():
        try:
            parts[name] = "ok" if check() else "unavailable"
        except Exception:
            logger.exception("Readiness check: %s failed", name)
            parts[name] = "unavailable"
    ready = all(parts[name] == "ok" for name in REQUIRED)
    status = 200 if ready else 503
    return JsonResponse({"status": "ok" if ready else "unavailable", **parts}, status=status)


CHECK_VIEWS = {"/healthz": healthz, "/readyz": readyz}


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = CHECK_VIEWS.get(request.path_info)
        if view is not None and request.method in ("GET", "HEAD"):
            return view(request)
        return self.get_response(request)
