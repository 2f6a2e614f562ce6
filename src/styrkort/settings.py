"""One settings module, configured only through environment variables (docs/configuration.md)."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from dotenv import load_dotenv

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent

# A checkout's .env (`make setup` writes one with debug on and a generated key) is read, so that
# `.venv/bin/styrkort …` works in a new shell; what the environment sets wins. An installed package
# has no checkout around it, so production is configured by its environment only.
load_dotenv(PROJECT_DIR / ".env", override=False)


def env(name: str, default: str = "") -> str:
    """Read STYRKORT_<NAME>, or the file named by STYRKORT_<NAME>_FILE (for secrets)."""
    file_name = os.environ.get(f"STYRKORT_{name}_FILE")
    if file_name:
        return Path(file_name).read_text(encoding="utf-8").strip()
    return os.environ.get(f"STYRKORT_{name}", default)


def env_bool(name: str, default: bool) -> bool:
    value = env(name, "true" if default else "false").lower()
    if value not in ("true", "false"):
        raise ImproperlyConfigured(f"STYRKORT_{name} must be 'true' or 'false', not {value!r}")
    return value == "true"


def env_int(name: str, default: int) -> int:
    value = env(name, str(default))
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"STYRKORT_{name} must be a whole number, not {value!r}") from None


DEBUG = env_bool("DEBUG", False)
VAR_DIR = Path(env("VAR_DIR", str(PROJECT_DIR / "var")))
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("STYRKORT_SECRET_KEY must be set when STYRKORT_DEBUG is not true")
    SECRET_KEY = "insecure-development-key-only-for-debug"  # noqa: S105
elif not DEBUG and (len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or "change-me" in SECRET_KEY):
    # .env.example's placeholder must never run a server: Django's check --deploy would pass it by.
    raise ImproperlyConfigured(
        "STYRKORT_SECRET_KEY is too weak: at least 50 random characters, e.g. from "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
ALLOWED_HOSTS = [h.strip() for h in env("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in env("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_htmx",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # its Swagger UI from its own static files, not a CDN (api/views.py docs)
    "styrkort.core",
    "styrkort.org",
    "styrkort.plans",
    "styrkort.followup",
    "styrkort.economy",
    "styrkort.exchange",
    "styrkort.reports",
    "styrkort.portal",
    "styrkort.api",
    "styrkort.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "styrkort.core.middleware.SwedishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "styrkort.core.middleware.SessionLifetimeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "styrkort.core.middleware.HtmxFailuresMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: a locked-out login is refused before any password check
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "styrkort.urls"
WSGI_APPLICATION = "styrkort.wsgi.application"

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
                "csp.context_processors.nonce",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'styrkort.sqlite3'}", conn_max_age=env_int("DB_CONN_MAX_AGE", 0)
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL for concurrent readers, IMMEDIATE so read-then-write never hits SQLITE_BUSY mid-transaction.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# NIST SP 800-63B: length, not composition rules; never the user's name, all digits or a common password.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# A session ends after this many hours without a request, and this many hours after logging in
# whatever happens (core/middleware.py SessionLifetimeMiddleware).
SESSION_IDLE_HOURS = env_int("SESSION_IDLE_HOURS", 8)
SESSION_MAX_HOURS = env_int("SESSION_MAX_HOURS", 10)
SESSION_COOKIE_AGE = SESSION_IDLE_HOURS * 3600
# Login throttling (django-axes), on the login page and the back office alike: after LOGIN_FAILURES
# wrong passwords for one account, or from one address, further tries are refused for LOCKOUT_MINUTES,
# counted again from each try during the lock-out. Administrators unlock in the back office
# (Access attempts) or with `styrkort axes_reset_username NAME`.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURES", 5)
LOCKOUT_MINUTES = env_int("LOCKOUT_MINUTES", 15)  # doubled for every further failure (core/lockout.py)
LOCKOUT_MAX_HOURS = env_int("LOCKOUT_MAX_HOURS", 24)
AXES_COOLOFF_TIME = "styrkort.core.lockout.cool_off"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one locks
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
AXES_LOCKOUT_CALLABLE = "styrkort.core.views.locked_out"
LOGIN_URL = "login"
CSRF_FAILURE_VIEW = "styrkort.core.views.csrf_failure"
LOGIN_REDIRECT_URL = "reports:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static", PROJECT_DIR / "var" / "frontend"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
# One cache that every worker shares: the open web's pages are kept whole in it (portal/cache.py). A
# directory by default; STYRKORT_CACHE_BACKEND and STYRKORT_CACHE_LOCATION name Redis or memcached
# for larger installations (docs/deploy.md).
CACHES = {
    "default": {
        "BACKEND": env("CACHE_BACKEND", "django.core.cache.backends.filebased.FileBasedCache"),
        "LOCATION": env("CACHE_LOCATION", str(VAR_DIR / "cache")),
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 20_000)},
    }
}

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "frame-ancestors": ["'none'"],
        "form-action": [SELF],
    }
}

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
# Behind a TLS-terminating proxy (docs/deploy.md): redirect http to https, tell browsers to use https
# only (HSTS), and trust the proxy's X-Forwarded-Proto header for which scheme the visitor used.
SECURE_SSL_REDIRECT = env_bool("SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", False)
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    AXES_IPWARE_PROXY_COUNT = 1  # the visitor's address is the one the proxy saw
X_FRAME_OPTIONS = "DENY"

# Largest uploaded workbook, in megabytes.
MAX_UPLOAD_MB = env_int("MAX_UPLOAD_MB", 10)
# The most an uploaded workbook may unpack to, in megabytes (decompression bombs are refused).
MAX_UNPACKED_MB = env_int("MAX_UNPACKED_MB", 50)
# Uploads larger than this are checked and saved by a background worker (`styrkort db_worker`), so a
# web worker is never held for long; smaller ones at once.
BACKGROUND_IMPORT_KB = env_int("BACKGROUND_IMPORT_KB", 24)
# A PDF or DOCX report of more table cells than this is built by the background worker (the RUF
# annual report has about 700 and takes some 3 s as PDF); smaller ones at once.
BACKGROUND_REPORT_CELLS = env_int("BACKGROUND_REPORT_CELLS", 3000)
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A checked upload nobody confirms is removed after this many hours.
PENDING_IMPORT_HOURS = env_int("PENDING_IMPORT_HOURS", 24)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# E-mail: printed to the console in development, sent over SMTP otherwise.
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = env("FROM_EMAIL", "styrkort@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")  # or STYRKORT_EMAIL_HOST_PASSWORD_FILE
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)  # STARTTLS, usually port 587
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)  # TLS from the start, usually port 465
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set at most one of STYRKORT_EMAIL_USE_TLS and STYRKORT_EMAIL_USE_SSL to true")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)  # seconds; a hung server must not hang the command

# Links in e-mails point here: the address users open Styrkort at, without a trailing slash.
STYRKORT_BASE_URL = env("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Who gives out accounts, as the login page says it: "Kontakta planeringsavdelningen, plan@region.se".
STYRKORT_ACCOUNT_CONTACT = env("ACCOUNT_CONTACT", "")
# The open web's about pages (docs/configuration.md): who stands behind it, where to report an
# accessibility problem or ask about personal data, and when the accessibility was last assessed.
STYRKORT_ORGANISATION = env("ORGANISATION", "")
STYRKORT_ACCESSIBILITY_CONTACT = env("ACCESSIBILITY_CONTACT", STYRKORT_ACCOUNT_CONTACT)
STYRKORT_ACCESSIBILITY_ASSESSED = env("ACCESSIBILITY_ASSESSED", "2026-12-01")
STYRKORT_PRIVACY_CONTACT = env("PRIVACY_CONTACT", "")
# The licence line of the open data files and pages (docs/configuration.md).
STYRKORT_OPEN_DATA_LICENCE = env(
    "OPEN_DATA_LICENCE",
    "CC0 1.0 – fri att använda utan villkor (https://creativecommons.org/publicdomain/zero/1.0/deed.sv)",
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
