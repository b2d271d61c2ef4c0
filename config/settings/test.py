"""Test run: fast hashing, mail kept in memory, media in a temporary folder."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-key")

from .base import *  # noqa: E402,F403

DEBUG = False

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file rather than memory, so that threads in the concurrency test each get a real
    # connection that waits for the lock instead of failing at once.
    TEST_DB_DIR = Path(tempfile.mkdtemp(prefix="lm-test-db-"))  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(TEST_DB_DIR / "test.sqlite3")}  # noqa: F405
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="lm-test-media-"))  # noqa: F405
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="lm-test-private-"))  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"

# Serve static files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
