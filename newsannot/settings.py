"""Settings for newsannot, read from the environment.

Safe when the environment is empty: DEBUG is off, there is no fallback secret outside
debug mode and the database is the embedded SQLite file. Nothing here touches the disk
or the network at import time.
"""

import ipaddress
import os
from datetime import timedelta
from importlib.util import find_spec
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import django
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int, minimum: int) -> int:
    value = os.environ.get(name) or str(default)
    if not value.lstrip("-").isdigit() or int(value) < minimum:
        raise ImproperlyConfigured(
            f"{name} must be a whole number of at least {minimum}, not {value!r}"
        )
    return int(value)


def env_share(name: str, default: float) -> float:
    value = os.environ.get(name) or str(default)
    try:
        share = float(value)
    except ValueError:
        share = -1.0
    if not 0 <= share <= 1:
        raise ImproperlyConfigured(f"{name} must be a number from 0 to 1, not {value!r}")
    return share


def env_rate(name: str, default: str) -> str:
    value = os.environ.get(name) or default
    count, _, period = value.partition("/")
    if not count.isdigit() or period not in {"s", "sec", "m", "min", "h", "hour", "d", "day"}:
        raise ImproperlyConfigured(
            f"{name} must look like 10/min (per s, min, hour or day), not {value!r}"
        )
    return value


DEBUG = env_bool("DEBUG", False)

# Outside debug mode an empty SECRET_KEY makes Django refuse to sign anything, which is
# the point: production must bring its own.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if DEBUG and not SECRET_KEY:
    SECRET_KEY = "django-insecure-development-only-key-never-used-with-debug-off"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "accounts.apps.TwoFactorAdminConfig",  # django.contrib.admin behind two-factor
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "mozilla_django_oidc",
    "newsannot",
    "accounts",
    "articles",
]

MIDDLEWARE = [
    # First: a load balancer's probe needs no host check, session or HTTPS redirect.
    "newsannot.health.HealthCheckMiddleware",
    # Every other answer carries the request's id; the history events it wrote name it.
    "newsannot.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "newsannot.middleware.PermissionsPolicyMiddleware",
    # A view that cannot reach the database answers 503, not 500 (newsannot.outages).
    "newsannot.outages.DatabaseOutageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The browser's language (Accept-Language), or English; a user's own choice is
    # applied once they are known (accounts.language, after authentication).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.language.UserLanguageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor_guards.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it answers a locked-out login attempt itself.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsannot.urls"
WSGI_APPLICATION = "newsannot.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
# Template partials ({% partialdef %}, "page.html#partial") are built into Django 6; on
# 5.2 django-template-partials adds them, its tags as builtins so that no template needs
# the {% load partials %} that warns on 6.
if django.VERSION < (6, 0):
    INSTALLED_APPS.insert(INSTALLED_APPS.index("django_htmx") + 1, "template_partials")
    TEMPLATES[0]["OPTIONS"]["builtins"] = ["template_partials.templatetags.partials"]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Persistent connections: a new PostgreSQL connection costs ~3 ms, a query ~0.1 ms.
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        # A persistent connection is checked when a request first uses it, so one that
        # died with a database restart is replaced without failing that request (Django's
        # default, off, fails one request per worker). The check is a round trip of
        # ~0.1 ms on a local database.
        conn_health_checks=env_bool("CONN_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the development server read while an import writes; IMMEDIATE avoids
    # "database is locked" when two requests upgrade a read to a write at once.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Our queries are small and many: with stale statistics (just after a bulk import)
    # the JIT compiler turned a 0.3 ms read into 300 ms. A URL's own options still apply.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = " ".join(filter(None, ["-c jit=off", options.get("options", "")]))
    # Said, not left to the server's default: the history's keys (migration 0026) refuse
    # to delete a user or project outside READ COMMITTED, where their check could miss
    # events another connection just committed.
    from django.db.backends.postgresql.psycopg_any import IsolationLevel

    options.setdefault("isolation_level", IsolationLevel.READ_COMMITTED)

# A cache shared by every worker when REDIS_URL is set (connected on first use), else each
# process's own memory. Sessions are read through the cache only when it is shared: a
# per-process copy would keep a session alive in one worker after a logout in another.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured("REDIS_URL must start with redis://, rediss:// or unix://")
    # Fail fast rather than hang every worker if Redis stops answering; while it is down
    # (newsannot.cache) the cache lives in each process's memory and sessions come from
    # the database alone (a per-process copy of a session could outlive its logout).
    redis_cache = {
        "BACKEND": "newsannot.cache.RedisWithFallback",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    CACHES = {
        "default": {**redis_cache, "FALLBACK": "locmem"},
        "sessions": {**redis_cache, "FALLBACK": "none"},
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    SESSION_CACHE_ALIAS = "sessions"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# django-axes first: it refuses a locked-out username or address before any password
# is hashed.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.RoleAwareBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "articles:project-list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
# The interface's languages: English, and Norwegian Bokmål for the Nordic newsrooms
# (locale/nb). Each user may pick one on their Language page; else the browser decides.
LANGUAGES = [("en", "English"), ("nb", "Norsk bokmål")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security: strict by default, loosened only by explicit variables (e.g. behind a proxy
# that already terminates TLS and redirects).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# No inline script or style anywhere: htmx comes from our static files and its own
# inline indicator style is switched off in base.html.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# The REST API: tokens (hashed by django-rest-knox) for programs, the session for the
# browser; JSON only unless debugging; cursor pagination; throttled token clients.
KNOX_TOKEN_MODEL = "accounts.ApiToken"  # noqa: S105 - a model name, not a secret
# knox's own migrations would create its default token table, unused since ours
# replaces it (and in the way of PostgreSQL's TRUNCATE in tests).
MIGRATION_MODULES = {"knox": None}
REST_KNOX = {
    "TOKEN_PREFIX": "na_",
    "TOKEN_TTL": None,  # each token carries its own expiry, chosen when it is made
    "AUTH_HEADER_PREFIX": "Token",
}
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "articles.api.auth.TokenAuthentication",
        "accounts.two_factor_guards.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "articles.api.scopes.TokenScopePermission",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        *(["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    ],
    "DEFAULT_PAGINATION_CLASS": "articles.api.pagination.IdCursorPagination",
    "DEFAULT_FILTER_BACKENDS": ["articles.api.filters.StrictFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["articles.api.throttling.TokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"token": os.environ.get("API_TOKEN_RATE", "1200/min")},
    # "format" is an export parameter here, not a renderer switch.
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "newsannot API",
    "DESCRIPTION": "Read labeled quotes, speakers and stances; stream exports.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "OriginEnum": "articles.models.Quote.Origin",
        "PostedOriginEnum": "articles.api.serializers.POSTED_ORIGINS",
        "AssignmentStatusEnum": "articles.models.AssignmentStatus",
        "AdjudicationStatusEnum": "articles.models.AdjudicationStatus",
        "JudgementEnum": "articles.api.serializers.JUDGEMENTS",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "articles.api.schema.document_errors",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A database outage is logged once by newsannot.outages, not once per request.
    "filters": {"outage": {"()": "newsannot.outages.OutageLogFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["outage"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Login throttling and lockout (django-axes).


# How many proxies in front of the app append to X-Forwarded-For. With 0 the header is
# ignored: anyone can send it. accounts.lockout.client_address is the one rule for
# lockouts and throttles alike.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, minimum=0)
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_address"
# Failures count by username (guessing one account from many addresses) and, apart, by
# address (spraying many accounts from one). Either count reaching the limit refuses the
# login, the right password included, until the cool-off has passed since its last failure.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15, minimum=1))
# Attempts during a lockout neither prolong it nor cost a write; a success does not wipe the
# address's count, or an attacker would log in to an account of their own between guesses.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# Kept out of the stored attempts, like the password always is.
AXES_SENSITIVE_PARAMETERS = ["csrfmiddlewaretoken", "otp_token"]
# No start-up banner. accounts.lockout logs every attempt once, with username and address;
# django-axes's own lines (several per attempt, both masked) are kept for errors.
AXES_VERBOSE = False
LOGGING.setdefault("loggers", {})["axes"] = {"level": "ERROR"}

# The API: invalid tokens per client address (past the rate, every token request from that
# address gets 429 until the window passes), the browser's session calls per user. Counts
# live in the cache: exact across workers with REDIS_URL, per worker without it.
REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] = [
    *REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"],
    "articles.api.throttling.SessionRateThrottle",
]
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["failed_token"] = env_rate(
    "API_FAILED_TOKEN_RATE", "10/min"
)
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["session"] = env_rate("API_SESSION_RATE", "600/min")

# Password reset by e-mail: a link lasts PASSWORD_RESET_TIMEOUT seconds, and requests are
# throttled per client address and per e-mail address asked for (accounts.passwords).
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 24 * 60 * 60, minimum=60)
PASSWORD_RESET_RATE = env_rate("PASSWORD_RESET_RATE", "5/hour")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsannot@localhost")
_mail_backend = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend"
)
_smtp = {
    "host": os.environ.get("EMAIL_HOST", "localhost"),
    "port": env_int("EMAIL_PORT", 25, minimum=1),
    "username": os.environ.get("EMAIL_HOST_USER", ""),
    "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
    "use_tls": env_bool("EMAIL_USE_TLS", False),
    # A mail server that stops answering must not hold a worker for long.
    "timeout": 10,
}
if django.VERSION >= (6, 1):
    # Django 6.1 configures mail as MAILERS (its EMAIL_* settings warn, and may not sit
    # beside it); the environment keeps the EMAIL_* names on either. Only SMTP takes the
    # server's options: another backend refuses what it does not know.
    MAILERS = {
        "default": {
            "BACKEND": _mail_backend,
            **({"OPTIONS": _smtp} if _mail_backend.endswith(".smtp.EmailBackend") else {}),
        }
    }
else:
    EMAIL_BACKEND = _mail_backend
    EMAIL_HOST = _smtp["host"]
    EMAIL_PORT = _smtp["port"]
    EMAIL_HOST_USER = _smtp["username"]
    EMAIL_HOST_PASSWORD = _smtp["password"]
    EMAIL_USE_TLS = _smtp["use_tls"]
    EMAIL_TIMEOUT = _smtp["timeout"]

# Single sign-on (OpenID Connect, mozilla-django-oidc).
# Off unless OIDC_RP_CLIENT_ID is set; then the provider's endpoints are all required, copied
# from its /.well-known/openid-configuration (settings do no I/O, so there is no discovery).
# accounts/oidc.py holds the rules: who may sign in, which account is theirs, what role.
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_ISSUER = os.environ.get("OIDC_OP_ISSUER", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_OP_LOGOUT_ENDPOINT = os.environ.get("OIDC_OP_LOGOUT_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_PROVIDER_NAME = os.environ.get("OIDC_PROVIDER_NAME", "single sign-on")
OIDC_CREATE_USERS = env_bool("OIDC_CREATE_USERS", False)
OIDC_LINK_USERS_BY = os.environ.get("OIDC_LINK_USERS_BY", "email")
OIDC_USERNAME_CLAIM = os.environ.get("OIDC_USERNAME_CLAIM", "preferred_username")
OIDC_ROLE_CLAIM = os.environ.get("OIDC_ROLE_CLAIM", "")
OIDC_CLAIM_GRANTS_STAFF = env_bool("OIDC_CLAIM_GRANTS_STAFF", False)
# "claim value=role" pairs; when the claim holds several, the first pair listed wins.
OIDC_ROLE_MAP = {}
for _pair in env_list("OIDC_ROLE_MAP"):
    _value, _, _role = _pair.rpartition("=")
    if not _value.strip() or not _role.strip():
        raise ImproperlyConfigured(f"OIDC_ROLE_MAP: {_pair!r} is not 'claim value=role'")
    OIDC_ROLE_MAP[_value.strip()] = _role.strip()
# PKCE binds the code to this browser's session; every current provider accepts it.
OIDC_USE_PKCE = env_bool("OIDC_USE_PKCE", True)
OIDC_TOKEN_USE_BASIC_AUTH = env_bool("OIDC_TOKEN_USE_BASIC_AUTH", False)
# Seconds to wait for the provider: a hung provider must not hold a worker.
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT", 10, minimum=1)
OIDC_CALLBACK_CLASS = "accounts.oidc.CallbackView"
# The id token is kept in the session only to name the session at the provider's logout.
OIDC_STORE_ID_TOKEN = bool(OIDC_OP_LOGOUT_ENDPOINT)
if OIDC_ENABLED:
    _endpoints = {
        "OIDC_OP_ISSUER": OIDC_OP_ISSUER,
        "OIDC_OP_AUTHORIZATION_ENDPOINT": OIDC_OP_AUTHORIZATION_ENDPOINT,
        "OIDC_OP_TOKEN_ENDPOINT": OIDC_OP_TOKEN_ENDPOINT,
        "OIDC_OP_USER_ENDPOINT": OIDC_OP_USER_ENDPOINT,
        "OIDC_OP_JWKS_ENDPOINT": OIDC_OP_JWKS_ENDPOINT,
    }
    _missing = [
        name
        for name, value in {**_endpoints, "OIDC_RP_CLIENT_SECRET": OIDC_RP_CLIENT_SECRET}.items()
        if not value
    ]
    if _missing:
        raise ImproperlyConfigured(
            f"OIDC_RP_CLIENT_ID is set: single sign-on also needs {_missing}"
        )
    for _name, _url in {**_endpoints, "OIDC_OP_LOGOUT_ENDPOINT": OIDC_OP_LOGOUT_ENDPOINT}.items():
        _parts = urlsplit(_url)
        _loopback = _parts.scheme == "http" and _parts.hostname in {"127.0.0.1", "localhost", "::1"}
        if _url and _parts.scheme != "https" and not _loopback:
            raise ImproperlyConfigured(f"{_name} must be an https:// URL, not {_url!r}")
    # Keys from the provider's JWKS only: an HMAC algorithm would make the client secret
    # the signing key, and "none" signs nothing.
    if OIDC_RP_SIGN_ALGO not in {"RS256", "RS384", "RS512", "ES256", "ES384", "ES512"}:
        raise ImproperlyConfigured(
            f"OIDC_RP_SIGN_ALGO must be RS256 … ES512, not {OIDC_RP_SIGN_ALGO!r}"
        )
    if OIDC_LINK_USERS_BY not in {"email", "username", "none"}:
        raise ImproperlyConfigured("OIDC_LINK_USERS_BY must be email, username or none")
    if OIDC_ROLE_MAP and not OIDC_ROLE_CLAIM:
        raise ImproperlyConfigured("OIDC_ROLE_MAP needs OIDC_ROLE_CLAIM, the claim it reads")
    # The role groups (accounts.roles.Role); "admin" (staff) only when explicitly allowed.
    for _role in OIDC_ROLE_MAP.values():
        if _role == "admin" and not OIDC_CLAIM_GRANTS_STAFF:
            raise ImproperlyConfigured(
                "OIDC_ROLE_MAP grants admin: set OIDC_CLAIM_GRANTS_STAFF=true if a claim "
                "may make staff"
            )
        if _role not in {"annotator", "reviewer", "researcher", "admin"}:
            raise ImproperlyConfigured(
                f"OIDC_ROLE_MAP: unknown role {_role!r} (annotator, reviewer, researcher, admin)"
            )
    AUTHENTICATION_BACKENDS = [*AUTHENTICATION_BACKENDS, "accounts.oidc.OIDCBackend"]
    if OIDC_OP_LOGOUT_ENDPOINT:
        # The logout form's answer redirects there, which form-action must allow.
        _logout = urlsplit(OIDC_OP_LOGOUT_ENDPOINT)
        CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"] = [
            *CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"],
            f"{_logout.scheme}://{_logout.netloc}",
        ]

# Two-factor authentication (django-otp).
# Staff must set up an authenticator app and enter its code at each login; others may
# (accounts/two_factor.py). Off only where another factor guards every login.
TWO_FACTOR_REQUIRED_FOR_STAFF = env_bool("TWO_FACTOR_REQUIRED_FOR_STAFF", True)
# Whether a login through OpenID Connect counts as verified (the provider checked a
# second factor itself).
OIDC_SATISFIES_TWO_FACTOR = env_bool("OIDC_SATISFIES_TWO_FACTOR", False)
# The name authenticator apps show for the account.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "newsannot")
# The admin lists and removes devices but never shows a secret or a recovery code: an
# admin who saw one could pass as its owner.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Request bounds.
# No request may hold a worker for long. Bodies are capped: Django checks a form post's
# Content-Length before reading it, articles/api/parsers.py does the same for the API. 4 MiB
# holds the largest valid single quote (1 MiB of text, up to three times that escaped).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 4 * 2**20, minimum=1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000  # Django's default, stated: a form post with more is a 400
# Only admins import articles through the API, ten thousand in a request: their own cap,
# applied after the staff check.
ARTICLE_IMPORT_MAX_BYTES = env_int("ARTICLE_IMPORT_MAX_BYTES", 64 * 2**20, minimum=1024)
# Counted as soon as the body is parsed, before any quote is validated.
API_MAX_QUOTES_PER_REQUEST = env_int("API_MAX_QUOTES_PER_REQUEST", 1000, minimum=1)
# JSON only (JSON lines too for the import): DRF's form and multipart parsers read bodies
# past any limit of ours.
REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"] = ["articles.api.parsers.JSONParser"]

# Fetching news pages (articles/ingest/fetching.py) refuses loopback, private,
# link-local and metadata addresses. Networks named here are opened on purpose (an
# intranet news source), e.g. "10.8.0.0/16"; empty by default.
try:
    FETCH_ALLOWED_NETWORKS = [
        ipaddress.ip_network(value) for value in env_list("FETCH_ALLOWED_NETWORKS")
    ]
except ValueError as error:
    raise ImproperlyConfigured(f"FETCH_ALLOWED_NETWORKS: {error}") from None
# Feeds polled by the worker respect each site's robots.txt unless this is false.
FETCH_RESPECT_ROBOTS = env_bool("FETCH_RESPECT_ROBOTS", True)
# Long lists (the articles page, the quote search) count their rows up to this many and
# say "more than" beyond, so that a search matching most of a large project stays fast;
# the exact count is a click away.
LIST_COUNT_LIMIT = env_int("LIST_COUNT_LIMIT", 10_000, minimum=1)
# Milliseconds between two requests to one host when the worker fetches a list of pages.
FETCH_INTERVAL_MS = env_int("FETCH_INTERVAL_MS", 1000, minimum=0)
# A fetched page at least this similar (estimated Jaccard of its five-word sequences)
# to an article of the project is flagged as a near-duplicate and not imported; 1 turns
# the check off.
NEAR_DUPLICATE_THRESHOLD = env_share("NEAR_DUPLICATE_THRESHOLD", 0.8)

# Background jobs (django-tasks, articles/jobs/): imports, exports to a file, later
# suggestions and fetching. "database" queues them in the database for `manage.py
# db_worker` (django-tasks-db; `make run` and docker-compose.yml start one); "immediate"
# runs each in the request that starts it (no worker; a long job holds that request).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND") or "database"
if TASKS_BACKEND not in {"database", "immediate"}:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be database or immediate, not {TASKS_BACKEND!r}"
    )
# Django 6 has the tasks framework built in; on 5.2 the django-tasks backport provides it.
_TASKS_PACKAGE = "django.tasks" if find_spec("django.tasks") else "django_tasks"
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if TASKS_BACKEND == "database"
            else f"{_TASKS_PACKAGE}.backends.immediate.ImmediateBackend"
        )
    }
}
INSTALLED_APPS += [
    *(["django_tasks"] if _TASKS_PACKAGE == "django_tasks" else []),
    "django_tasks_db",
    "articles.jobs",
    "articles.ingest",  # feeds and fetched pages
    "articles.discussion",  # flags and their threads
]
# A running job silent this long (seconds; it reports progress every half second while it
# works) lost its worker: it is marked failed (articles.jobs.lifecycle.fail_stale).
JOB_STALE_AFTER = env_int("JOB_STALE_AFTER", 600, minimum=60)
# Uploaded import files (kept from the dry run to the import) and export files live here;
# the web and the worker processes must share it. Served only through views that check
# permissions, never as static files.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
# Exports of at most this many articles download at once from the export page; larger
# ones become a job that writes a file.
EXPORT_INLINE_MAX_ARTICLES = env_int("EXPORT_INLINE_MAX_ARTICLES", 2000, minimum=0)
# Seconds an export file is kept (then `manage.py prune_job_files` deletes it), and an
# uploaded file that was checked but never imported.
EXPORT_FILE_TTL = env_int("EXPORT_FILE_TTL", 7 * 24 * 60 * 60, minimum=60)
UPLOAD_FILE_TTL = env_int("UPLOAD_FILE_TTL", 24 * 60 * 60, minimum=60)
