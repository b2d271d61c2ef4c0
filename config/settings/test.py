"""Test run: fast hashing, mail kept in memory, files in a temporary folder per run."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-key")

from .base import *  # noqa: E402,F403

DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests run the queue again at once; the one about the pause sets it.
MAIL_PAUSE_SECONDS = 0
WAGTAILADMIN_BASE_URL = "http://testserver"

# Nothing is created on import; the folders appear when used and conftest.py removes them.
TEST_RUN_DIR = Path(tempfile.gettempdir()) / f"lm-test-{os.getpid()}"
MEDIA_ROOT = TEST_RUN_DIR / "media"
PRIVATE_MEDIA_ROOT = TEST_RUN_DIR / "private"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file rather than memory, so that threads in the concurrency test each get a real
    # connection that waits for the lock instead of failing at once.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"lm-test-{os.getpid()}.sqlite3")
    }

# Serve static files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Publishing in a test does not make every photo size; the tests that need them run the task.
TASKS = {**TASKS, "renditions": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # noqa: F405
