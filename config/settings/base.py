"""Settings shared by every environment. Secrets and hosts come from the environment."""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Wagtail's lookups of photo sizes, kept in each process (core/photos.py keeps the markup too):
# apart from the default cache, which they would otherwise fill, and needing no Redis.
RENDITIONS_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
# Production uses Redis (redis_caches below); one process needs nothing shared.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "renditions": RENDITIONS_CACHE,
}


def redis_caches(url):
    """The cache on Redis (production.py): an accelerator, never a dependency. A call waits at
    most a quarter of a second and a failure reads as a miss, logged, so pages are served and
    posts stored while Redis is down."""
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "TIMEOUT": 600,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.25,
            },
        },
        "renditions": RENDITIONS_CACHE,
    }


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and not DEBUG:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
# A staging copy sets this so search engines index nothing there (see /robots.txt).
ROBOTS_DISALLOW_ALL = env_bool("ROBOTS_DISALLOW_ALL", False)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Behind a proxy every request comes from the proxy's address. The header it sets to the
# visitor's address, as Django names it (HTTP_X_REAL_IP for deploy/nginx): the rate limit on
# form posts counts per visitor by it. Empty when visitors reach the app directly.
TRUSTED_PROXY_HEADER = os.environ.get("TRUSTED_PROXY_HEADER", "")

INSTALLED_APPS = [
    "core",
    "images",
    "site_settings",
    "home",
    "materials",
    "pricing",
    "services",
    "gallery",
    "blog",
    "contact",
    "yard",
    "search",
    "wagtail.contrib.forms",
    # Not wagtail.contrib.frontend_cache: its backends and PurgeBatch are used as a library;
    # installed, it would also purge each published page before the commit (core/cache.py
    # purges after it, so the cache cannot fetch the old version in between).
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks_db",
    "csp",
    "axes",
    # The second factor: codes from a phone app (TOTP) and one-time recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Last: its post_migrate step needs every other app's permissions to exist already.
    "staff",
]

MIDDLEWARE = [
    # /healthz and /readyz, answered before anything else (core/health.py).
    "core.health.HealthCheckMiddleware",
    # Query parameters holding control characters are dropped (core/query.py).
    "core.query.DropControlCharactersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy, Cross-Origin-Resource-Policy and Permissions-Policy.
    "core.security.SecurityHeadersMiddleware",
    # GET, HEAD and POST only on the public site (core/security.py).
    "core.security.PublicMethodsMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses HTML; Django adds random bytes against BREACH and masks every CSRF token.
    "django.middleware.gzip.GZipMiddleware",
    # An ETag on every page, so a browser's revalidation costs a 304.
    "django.middleware.http.ConditionalGetMiddleware",
    # Outside the session and CSRF middleware, so it sees every cookie they set.
    "core.cache.SharedCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.navigation.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session gave a second-factor code.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Five sign-in tries a minute from one address, before django-axes' lock (staff/passwords.py).
    "staff.passwords.SignInThrottleMiddleware",
    # Sends staff on a one-time password to choose their own first (staff/passwords.py).
    "staff.passwords.FirstPasswordMiddleware",
    # Then asks for the second factor, or for setting one up (staff/second_factor.py).
    "staff.second_factor.SecondFactorMiddleware",
    # Refuses sign-ins while an account or an address is locked out (django-axes).
    "axes.middleware.AxesMiddleware",
]

# Guessing passwords: after ten failed sign-ins an account is locked, whoever tries it, and so
# is an address, whichever account it tries. The lock lifts after an hour, or when a
# Moderator releases it (Settings > Locked sign-ins, staff/wagtail_hooks.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "staff.passwords.StaffBackend",  # Django's, but one-time passwords expire
]
AXES_FAILURE_LIMIT = 10
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = datetime.timedelta(hours=1)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "staff/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.visitor_ip"
AXES_ENABLE_ADMIN = False
# The name a phone's authenticator app shows beside the codes (staff/second_factor.py).
OTP_TOTP_ISSUER = "L&M Granite and Marble"

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite file in the project unless DATABASE_URL says otherwise (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take the write lock at the start of a transaction and wait for it, instead of failing
    # with "database is locked" when two requests write at once.
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Where visitors fetch public media from: this site's /media/, or a CDN or bucket address.
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Content-Security-Policy (django-csp, core/security.py). Public pages: this site's own files
# only, no inline script but the one core/security.py allows by its hash, no inline style,
# video embeds from YouTube and Vimeo, and photos from MEDIA_URL's host when it has one.
MEDIA_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(MEDIA_URL)) if "//" in MEDIA_URL else None
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *filter(None, [MEDIA_ORIGIN])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],  # fmt: skip
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        # The admin's preview shows pages in a frame of its own.
        "frame-ancestors": [SELF],
    }
}
# Staff stay signed in for a working day after their last request, and no longer.
SESSION_COOKIE_AGE = 10 * 3600
SESSION_SAVE_EVERY_REQUEST = True

# The Wagtail admin once signed in (and its previews): the tightest policy it works under.
# Wagtail 8 still starts some widgets (choosers, inline panels) with inline scripts and sets
# inline styles, so both are allowed there; never eval. Its sign-in and password reset pages
# keep the public policy. Staff avatars are Wagtail's own, not Gravatar's (no third party
# learns who edits the site).
ADMIN_PATH_PREFIXES = ("/admin/",)
WAGTAIL_GRAVATAR_PROVIDER_URL = None
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *filter(None, [MEDIA_ORIGIN])],
        "frame-src": [SELF, *CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]],
    }
}
# Features no page of this site uses, refused to every page and frame (django-permissions-policy).
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone",
        "payment", "usb", "browsing-topics", "interest-cohort",
    ]
}  # fmt: skip

# Photos visitors send with estimate requests: never served as public media.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def s3_storages(env):
    """STORAGES entries for media in buckets on S3 or an S3-compatible store (R2, B2, MinIO),
    from the MEDIA_S3_* and PRIVATE_MEDIA_S3_BUCKET variables in `env`; none when no bucket
    is named (core/media_bucket.py, core/storage.py; README, "Media on S3-compatible
    storage")."""

    def bucket(backend, name, **options):
        return {
            "BACKEND": backend,
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": env.get("MEDIA_S3_ENDPOINT_URL") or None,
                "region_name": env.get("MEDIA_S3_REGION") or None,
                "access_key": env.get("MEDIA_S3_ACCESS_KEY_ID") or None,
                "secret_key": env.get("MEDIA_S3_SECRET_ACCESS_KEY") or None,
                # Never replace an object: a cached copy cannot then show other bytes
                # (images.models.CustomImage also gives each upload a name never used).
                "file_overwrite": False,
                # Who may read is the bucket's policy, not per-object ACLs many stores lack.
                "default_acl": None,
                **options,
            },
        }

    storages = {}
    if env.get("MEDIA_S3_BUCKET"):
        # At MEDIA_URL with no signature; a name never changes content, so anything may keep
        # it for a year.
        storages["default"] = bucket(
            "core.media_bucket.PublicMediaStorage",
            env["MEDIA_S3_BUCKET"],
            querystring_auth=False,
            object_parameters={"CacheControl": "public, max-age=31536000, immutable"},
        )
    if env.get("PRIVATE_MEDIA_S3_BUCKET"):
        # Estimate photos (core.storage.private_storage), in a bucket with no public read:
        # staff get them only through contact/views.py, which checks permission and streams.
        storages["private"] = bucket(
            "storages.backends.s3.S3Storage",
            env["PRIVATE_MEDIA_S3_BUCKET"],
            object_parameters={"CacheControl": "private, no-store"},
        )
    return storages


STORAGES.update(s3_storages(os.environ))

# The Wagtail page editor posts many fields for long StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "L&M Granite and Marble"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.CustomImage"
WAGTAILIMAGES_AVIF_QUALITY = 55
WAGTAILIMAGES_WEBP_QUALITY = 75
WAGTAILIMAGES_JPEG_QUALITY = 80
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "xlsx"]
# Documents go through /documents/ and Wagtail's privacy checks wherever they are stored,
# never a redirect to the bucket (Wagtail's default for remote storage).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Wagtail's own background jobs run at once. Estimate emails go through a queue stored in the
# database with the request itself; `manage.py db_worker --backend mail` sends them.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    # Photo sizes made when a page is published: in the publishing request, after commit.
    "renditions": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

# What one address may send (core/ratelimit.py): estimate requests a minute; passwords or
# second-factor codes tried a minute, right or wrong; password reset requests an hour, for one
# email address and from one network address.
CONTACT_POSTS_PER_MINUTE = 5
# Price requests a minute from the live estimate builder (pricing/views.py).
PRICE_REQUESTS_PER_MINUTE = 60
# How long the link to a visitor's printable estimate works (contact/printable.py).
QUOTE_LINK_DAYS = 30
# How long a visitor's hold on a slab lasts (yard/holds.py).
SLAB_HOLD_HOURS = int(os.environ.get("SLAB_HOLD_HOURS", "48"))
SIGN_INS_PER_MINUTE = 5
PASSWORD_RESETS_PER_HOUR = {"email": 3, "address": 10}

# Staff's "forgotten password" mail goes through the mail queue (staff/passwords.py).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "staff.passwords.QueuedPasswordResetForm"

# A task still marked running after this long lost its worker, and is queued again
# (core/management/commands/db_worker.py). Longer than any task takes.
TASK_RECLAIM_SECONDS = int(os.environ.get("TASK_RECLAIM_SECONDS", "600"))

# Email (core/mail.py): seconds to wait for the mail server to connect and to answer each
# step; after it fails, how long the worker leaves it alone; and the pauses before each new
# try of a message (eight tries over about eight hours), after which the request is marked
# "emails not delivered" in the inbox.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "5"))
MAIL_PAUSE_SECONDS = int(os.environ.get("MAIL_PAUSE_SECONDS", "30"))
MAIL_RETRY_SECONDS = [
    int(seconds) for seconds in env_list("MAIL_RETRY_SECONDS", "30,120,600,1800,3600,7200,14400")
]
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "website@localhost")

# /.well-known/security.txt: where to report a security problem, and the date (YYYY-MM-DD) until
# which that holds; without one, a year from when the site started.
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", f"mailto:{DEFAULT_FROM_EMAIL}")
SECURITY_TXT_EXPIRES = (
    datetime.datetime.fromisoformat(os.environ["SECURITY_TXT_EXPIRES"]).replace(tzinfo=datetime.UTC)
    if os.environ.get("SECURITY_TXT_EXPIRES")
    else datetime.datetime.now(datetime.UTC).replace(microsecond=0) + datetime.timedelta(days=365)
)

# How long the menu's pages and the business settings stay in the Django cache; any change to
# them clears it at once. Needs a cache all processes share (see production.py).
CHROME_CACHE_SECONDS = 24 * 3600
# How long a shared cache (Varnish, a CDN) may keep a public page; publishing purges it sooner.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
# Where purges go: Varnish's purge listener as seen from the app (http://127.0.0.1:6082), and
# a Cloudflare zone when the site is behind Cloudflare (an API token allowed to purge it).
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", ""),
    }
# Page addresses in plain ASCII: they are purged from Varnish by URL, and Wagtail's purge
# request cannot carry other characters.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
