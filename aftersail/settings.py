"""Django settings for Aftersail, read from environment variables.

Every variable is listed in the configuration table of README.md. The defaults run a
complete desk on one laptop with nothing installed: SQLite under ``var/``, the task queue in
a SQLite file, the real-time layer in memory.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.utils.translation import gettext_lazy as _

from aftersail.core.task_serializer import JsonArgsSerializer
from aftersail.env import ConfigError, env_bool, env_int, env_list, env_str

# Lets Django's generic classes be subscripted at run time (admin.ModelAdmin[Order]).
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("AFTERSAIL_VAR_DIR", str(BASE_DIR / "var"))).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept in var/."""
    configured = env_str("SECRET_KEY")
    if configured:
        return configured
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key_file.chmod(0o600)
    return key_file.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
PORTAL_STORE = env_str("PORTAL_STORE")

if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "channels",
    "ninja",  # serves Swagger UI from its own static files: the docs work offline
    "huey.contrib.djhuey",
    "aftersail.core",
    "aftersail.accounts",
    "aftersail.commerce",
    "aftersail.customers",
    "aftersail.shipping",
    "aftersail.conversations",
    "aftersail.messaging",
    "aftersail.mail",
    "aftersail.sla",
    "aftersail.returns",
    "aftersail.language",
    "aftersail.knowledge",
    "aftersail.chat",
    "aftersail.assistant",
    "aftersail.macros",
    "aftersail.assignment",
    "aftersail.search",
    "aftersail.webhooks",
    "aftersail.desk",
    "aftersail.portal",
    "aftersail.api",
    "aftersail.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "aftersail.accounts.middleware.AgentLocaleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "aftersail.urls"
WSGI_APPLICATION = "aftersail.wsgi.application"
ASGI_APPLICATION = "aftersail.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "aftersail.portal.context.language_switcher",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
SQLITE_PATH = VAR_DIR / "aftersail.sqlite3"
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    try:
        _database = dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    except ValueError as exc:
        raise ConfigError(f"DATABASE_URL cannot be parsed: {exc}") from exc
else:
    _database = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(SQLITE_PATH)}
if _database["ENGINE"] == "django.db.backends.sqlite3":
    _database["OPTIONS"] = {
        # WAL lets readers proceed while one writer writes; IMMEDIATE takes the write lock at
        # BEGIN so two writers queue on the busy timeout instead of failing to upgrade a lock.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20, minimum=1),
    }
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Background tasks and real time ---------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
TASK_WORKERS = env_int("TASK_WORKERS", 2, minimum=1)
if REDIS_URL:
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": env_str("TASK_QUEUE_NAME", "aftersail"),
        "url": REDIS_URL,
        "immediate": False,
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL], "prefix": "aftersail"},
        }
    }
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": env_str("TASK_QUEUE_NAME", "aftersail"),
        "filename": str(VAR_DIR / "tasks.sqlite3"),
        "immediate": False,
    }
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
HUEY["consumer"] = {"workers": TASK_WORKERS, "worker_type": "thread"}
HUEY["serializer"] = JsonArgsSerializer()

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# --- Auth -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "desk:login"
LOGIN_REDIRECT_URL = "desk:inbox"
LOGOUT_REDIRECT_URL = "desk:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 12, minimum=300)

# --- Languages and time ---------------------------------------------------------------------
LANGUAGE_CODE = env_str("LANGUAGE_CODE", "en")
# Languages with complete customer-facing translations; a customer's own language may be any
# ISO 639-1 code, and falls back customer language -> store default -> English.
LANGUAGES = [
    ("en", _("English")),
    ("de", _("German")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("pl", _("Polish")),
    ("ja", _("Japanese")),
]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"  # storage is UTC; views activate the viewer's zone

# --- Files ----------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Served from the app folders in front of Django (core/static.py), so no collectstatic step
# is needed to start.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("MAX_REQUEST_BYTES", 10 * 1024 * 1024, minimum=1024)

# --- Email (outbound; the email channel adds mailboxes per store) ---------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Aftersail <desk@localhost>")
# Inbound mail limits (see docs/email.md).
MAIL_MAX_MESSAGE_BYTES = env_int("MAIL_MAX_MESSAGE_BYTES", 40 * 1024 * 1024, minimum=1024)
MAIL_MAX_ATTACHMENT_BYTES = env_int("MAIL_MAX_ATTACHMENT_BYTES", 15 * 1024 * 1024, minimum=1)
MAIL_MAX_ATTACHMENTS = env_int("MAIL_MAX_ATTACHMENTS", 20, minimum=0)
MAIL_SENDER_LIMIT_PER_HOUR = env_int("MAIL_SENDER_LIMIT_PER_HOUR", 30, minimum=1)
MAIL_POLL_CONCURRENCY = env_int("MAIL_POLL_CONCURRENCY", 4, minimum=1)
# Provider webhooks for inbound mail (django-anymail checks these on every call).
ANYMAIL = {
    key: value
    for key, value in {
        "WEBHOOK_SECRET": env_str("ANYMAIL_WEBHOOK_SECRET"),
        "MAILGUN_WEBHOOK_SIGNING_KEY": env_str("MAILGUN_WEBHOOK_SIGNING_KEY"),
    }.items()
    if value
}

# --- Outbound requests ----------------------------------------------------------------------
# Webhook receivers on loopback, private or link-local addresses are refused unless this is
# set (core/destinations.py): an ERP on your own network, for instance.
WEBHOOKS_ALLOW_LOCAL_NETWORK = env_bool("WEBHOOKS_ALLOW_LOCAL_NETWORK", False)

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO").upper()},
    "loggers": {"huey": {"level": env_str("TASK_LOG_LEVEL", "WARNING").upper()}},
}

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 200
