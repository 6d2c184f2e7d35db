"""Ortaq settings: one file, every deployment value from an ORTAQ_* environment variable."""

import datetime
from pathlib import Path

import dj_database_url
import plotly
from django.utils.translation import gettext_lazy as _

from ortaq.env import env_bool, env_int, env_list, env_str, persistent_secret_key, require

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent

ORTAQ_ENV = env_str("ORTAQ_ENV", "development")
PRODUCTION = ORTAQ_ENV == "production"
VAR_DIR = Path(env_str("ORTAQ_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = require("ORTAQ_SECRET_KEY", env_str("ORTAQ_SECRET_KEY"), PRODUCTION) or persistent_secret_key(
    VAR_DIR
)
DEBUG = env_bool("ORTAQ_DEBUG", False)
ALLOWED_HOSTS = env_list("ORTAQ_ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
if PRODUCTION and not ALLOWED_HOSTS:
    require("ORTAQ_ALLOWED_HOSTS", "", PRODUCTION)
CSRF_TRUSTED_ORIGINS = env_list("ORTAQ_CSRF_TRUSTED_ORIGINS", [])

# Anonymous visitors may read the registry: on for the local demo, off by default in production.
ORTAQ_ANONYMOUS_READ = env_bool("ORTAQ_ANONYMOUS_READ", not PRODUCTION)
ORTAQ_REGIONS_GEOJSON = env_str("ORTAQ_REGIONS_GEOJSON", "")
ORTAQ_HOME_REGION = env_str("ORTAQ_HOME_REGION", "KZ-71")
# PostgreSQL delivery imports above this many new rows drop and re-add the delivery foreign keys (see
# ortaq/foodbelt/pg_import.py); they wait at most this long for the tables they lock.
ORTAQ_DELIVERY_IMPORT_BULK_ROWS = env_int("ORTAQ_DELIVERY_IMPORT_BULK_ROWS", 50_000)
ORTAQ_DELIVERY_IMPORT_LOCK_TIMEOUT_MS = env_int("ORTAQ_DELIVERY_IMPORT_LOCK_TIMEOUT_MS", 3000)
# The same threshold for imports confirmed on the site; 0 (the default): they never drop the keys, so other
# users' pages never wait for an import's locks (a million rows take ~25 % longer than the console's bulk phase).
ORTAQ_WEB_IMPORT_BULK_ROWS = env_int("ORTAQ_WEB_IMPORT_BULK_ROWS", 0)

INSTALLED_APPS = [
    # First, so that its createsuperuser (which validates a scripted password too) replaces Django's.
    "ortaq.accounts",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_tables2",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "import_export",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "csp",
    "ortaq.core",
    # The site layer (home, search, demo loading); early so that its jobs stay listed first, as core's were.
    "ortaq.portal",
    "ortaq.sources",
    "ortaq.regions",
    "ortaq.directory",
    "ortaq.events",
    "ortaq.agreements",
    "ortaq.projects",
    "ortaq.foodbelt",
    "ortaq.analytics",
    "ortaq.reader",
    "django_tasks",
    "django_tasks_db",
    "ortaq.jobs",
    "ortaq.webhooks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The user's language (profile), else the visitor's cookie, else Russian — never the browser's Accept-Language.
    "ortaq.accounts.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "ortaq.core.middleware.AnonymousReadMiddleware",
    "ortaq.core.middleware.BadInputMiddleware",
    # Last: turns a refused sign-in (too many failures) into the Russian lockout page or JSON.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ortaq.urls"
WSGI_APPLICATION = "ortaq.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "ortaq.core.context_processors.ortaq",
            ],
        },
    },
]


def _database_config() -> dict:
    default_sqlite = f"sqlite:///{VAR_DIR / 'ortaq.sqlite3'}"
    url = env_str("ORTAQ_DATABASE_URL", "")
    require("ORTAQ_DATABASE_URL", url, PRODUCTION)
    config = dj_database_url.parse(url or default_sqlite, conn_max_age=env_int("ORTAQ_DB_CONN_MAX_AGE", 60))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        config["CONN_MAX_AGE"] = 0
        # WAL lets readers and one writer work at once; IMMEDIATE avoids "database is locked" upgrades.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
        config["TEST"] = {"NAME": env_str("ORTAQ_TEST_SQLITE", "") or None}
    else:
        # Lets two test runs share one PostgreSQL server without fighting over `test_<name>`.
        config["TEST"] = {"NAME": env_str("ORTAQ_TEST_DB_NAME", "") or None}
    return config


DATABASES = {"default": _database_config()}

# Background work (Django's task framework): the database is the queue by default (`ortaq worker` runs it,
# `make run` starts one beside the web server); ORTAQ_TASKS=rq moves the queue to Redis for many workers on
# many machines; ORTAQ_TASKS=immediate runs every job inside the request (tests, scripts).
ORTAQ_TASKS = env_str("ORTAQ_TASKS", "db")
ORTAQ_REDIS_URL = env_str("ORTAQ_REDIS_URL", "redis://127.0.0.1:6379/0")
TASK_BACKENDS = {
    "db": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS.get(ORTAQ_TASKS, TASK_BACKENDS["db"]), "QUEUES": ["default"]}}
if ORTAQ_TASKS == "rq":
    INSTALLED_APPS.append("django_rq")
RQ_QUEUES = {"default": {"URL": ORTAQ_REDIS_URL, "DEFAULT_TIMEOUT": 3600}}
# The cache carries a running job's progress from the worker to the pages (an import holds its transaction
# open, so progress cannot go through the database): Redis where the queue is, files beside the database
# otherwise.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": ORTAQ_REDIS_URL}
          if ORTAQ_TASKS == "rq" else
          {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(VAR_DIR / "cache")}}
# Rollups a write made stale are refreshed by a worker; a reader refreshes them itself only when they
# have waited longer than this (no worker running).
ORTAQ_ROLLUP_MAX_LAG_SECONDS = env_int("ORTAQ_ROLLUP_MAX_LAG_SECONDS", 60)
# A pasted or uploaded press release longer than this is read by a worker (the page follows its progress).
ORTAQ_READER_BACKGROUND_CHARS = env_int("ORTAQ_READER_BACKGROUND_CHARS", 20_000)
# The reminders go out once a day at this local hour, sent by the worker (no cron needed); -1 turns it off.
ORTAQ_REMIND_HOUR = env_int("ORTAQ_REMIND_HOUR", 8)
# Webhook deliveries: attempts and the first retry delay (doubled each time).
ORTAQ_WEBHOOK_ATTEMPTS = env_int("ORTAQ_WEBHOOK_ATTEMPTS", 5)
ORTAQ_WEBHOOK_BACKOFF_SECONDS = env_int("ORTAQ_WEBHOOK_BACKOFF_SECONDS", 30)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First: refuses a sign-in while its client or account is locked out, before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT failures from one address, or for one account,
# tries are refused for the cool-off time. Behind a proxy, ORTAQ_PROXY_COUNT proxies append to X-Forwarded-For.
AXES_FAILURE_LIMIT = env_int("ORTAQ_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("ORTAQ_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "ortaq.accounts.lockout.lockout_response"
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = env_int("ORTAQ_PROXY_COUNT", 0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if AXES_IPWARE_PROXY_COUNT else ("REMOTE_ADDR",))
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Русский")), ("kk", _("Қазақша")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# The visitor's choice (the switch in the header); a signed-in user's choice is kept in their profile too.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Display conventions per language (ortaq/formats/<code>/formats.py over Django's): see ortaq/core/formatting.py.
FORMAT_MODULE_PATH = ["ortaq.formats"]
TIME_ZONE = env_str("ORTAQ_TIME_ZONE", "Asia/Almaty")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("ORTAQ_STATIC_ROOT", str(VAR_DIR / "static")))
# Plotly's JavaScript is served from the installed package: no CDN, nothing copied into the repository.
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [("plotly", Path(plotly.__file__).parent / "package_data")]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("ORTAQ_MEDIA_ROOT", str(VAR_DIR / "media")))
# Production and `make run` serve collected files (`ortaq collectstatic`) under hashed names, gzip- and
# brotli-compressed, cached for a year by browsers; tests and runserver read the apps' folders as they are.
ORTAQ_COMPRESSED_STATIC = env_bool("ORTAQ_COMPRESSED_STATIC", PRODUCTION)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if ORTAQ_COMPRESSED_STATIC
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not ORTAQ_COMPRESSED_STATIC
WHITENOISE_KEEP_ONLY_HASHED_FILES = True  # half the files to compress; pages link the hashed names only
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# What the site accepts. Reading (~0.1 s per 1 000 characters) and import checks (~0.8 s per MB) above the
# background thresholds run in a worker, not in the request, so these are limits of size, not of time;
# larger work goes through the console commands (ortaq ingest, ortaq import-deliveries).
ORTAQ_WEB_TEXT_LIMIT = env_int("ORTAQ_WEB_TEXT_LIMIT", 1_000_000)
ORTAQ_WEB_IMPORT_MB = env_int("ORTAQ_WEB_IMPORT_MB", 200)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

EMAIL_BACKEND = env_str("ORTAQ_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("ORTAQ_FROM_EMAIL", "ortaq@localhost")
EMAIL_HOST = env_str("ORTAQ_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("ORTAQ_EMAIL_PORT", 25)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# A form refused for its CSRF token gets a Russian page that says what to do.
CSRF_FAILURE_VIEW = "ortaq.core.errors.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("ORTAQ_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("ORTAQ_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Content-Security-Policy (django-csp) on every response: scripts only from Ortaq's own static files (no inline
# script, no handler attribute, no outside origin). Styles allow inline because Plotly sets them on its SVG.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "table"}

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["ortaq.core.api_permissions.RulesPermission"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "ortaq.accounts.lockout.ThrottledBasicAuthentication",
        # For programs: `Authorization: Token <key>`, the key from `ortaq token USER`.
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "ortaq.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {"TITLE": "Ortaq API", "VERSION": "1", "SERVE_INCLUDE_SCHEMA": False,
                        "SWAGGER_UI_DIST": "SIDECAR", "SWAGGER_UI_FAVICON_HREF": "SIDECAR", "REDOC_DIST": "SIDECAR",
                        # Each model's choice set under its own name in the schema (many are called "kind").
                        "ENUM_NAME_OVERRIDES": {
                            "QualifierEnum": "ortaq.foodbelt.models.Qualifier",
                            "AgreementKindEnum": "ortaq.agreements.models.Agreement.Kind",
                            "OrganizationKindEnum": "ortaq.directory.models.Organization.Kind",
                            "ProgramKindEnum": "ortaq.events.models.Program.Kind",
                            "EventKindEnum": "ortaq.events.models.Event.Kind",
                            "ReportedSupplyKindEnum": "ortaq.foodbelt.models.ReportedSupplyTotal.Kind",
                            "ProjectKindEnum": "ortaq.projects.models.JointProject.Kind",
                            "ProposalKindEnum": "ortaq.reader.models.Proposal.Kind",
                            "RegionKindEnum": "ortaq.regions.models.Region.Kind",
                            "SettlementKindEnum": "ortaq.regions.models.Settlement.Kind",
                            "DocumentKindEnum": "ortaq.sources.models.Document.Kind",
                            "SourceKindEnum": "ortaq.sources.models.Source.Kind",
                        }}

SIMPLE_HISTORY_REVERT_DISABLED = False
FORMS_URLFIELD_ASSUME_HTTPS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("ORTAQ_LOG_LEVEL", "INFO")},
}
