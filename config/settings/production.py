"""Production: PostgreSQL from DATABASE_URL, Redis cache, hashed compressed static files."""

import os

from .base import *  # noqa: F403

DEBUG = False

# A connection kept for a minute per worker instead of one opened (a PostgreSQL process forked)
# for every request; checked before reuse, so a restarted database costs no error.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "60"))  # noqa: F405

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

if os.environ.get("REDIS_URL"):
    CACHES = redis_caches(os.environ["REDIS_URL"])  # noqa: F405
else:
    # Each worker would keep its own copy, and a change made through one would not reach the
    # others: without a shared cache the menu and settings are read on every request.
    CHROME_CACHE_SECONDS = 0

# Photo sizes are made by a worker (`manage.py db_worker --backend renditions`), not in the
# editor's publishing request: AVIF takes about 0.4 s of CPU a size, 8 s a new photo.
TASKS = {**TASKS, "renditions": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # noqa: F405

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)  # noqa: F405
SERVER_EMAIL = DEFAULT_FROM_EMAIL  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Browsers keep to https for a year. On a first deployment, while https is still being checked,
# set SECURE_HSTS_SECONDS=300 (a browser would otherwise refuse plain http for that year).
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
# HSTS for subdomains, and the browsers' preload list, are promises about hosts this site does
# not run (a shop, a webmail) and, for preloading, hard to take back: each is the owner's choice.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)  # noqa: F405
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)  # noqa: F405
SILENCED_SYSTEM_CHECKS = [
    "security.W005",  # HSTS without subdomains unless SECURE_HSTS_INCLUDE_SUBDOMAINS: see above
    "security.W021",  # no preload unless SECURE_HSTS_PRELOAD: see above
    "security.W019",  # SAMEORIGIN, not DENY: the admin shows its page previews in a frame
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
