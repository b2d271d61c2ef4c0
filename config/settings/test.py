"""Test run: fast hashing, mail kept in memory, media in a temporary folder."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-key")

from .base import *  # noqa: E402,F403

DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="lm-test-media-"))  # noqa: F405
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="lm-test-private-"))  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"

# Serve static files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
