"""Chat sessions: who may open one (origins), the signed token that resumes it, and what the
browser tells us at the start (language, time zone)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from aftersail.chat.models import ChatSession, ChatSettings
from aftersail.commerce.models import Store
from aftersail.core.fields import LANGUAGE_CODE_RE, known_time_zones
from aftersail.core.localization import supported_language
from aftersail.customers.actions import IdentityKind, find_or_create_customer

TOKEN_SALT = "aftersail.chat.session"  # noqa: S105 (a namespace, not a secret)
TOKEN_MAX_AGE = 30 * 24 * 3600  # a returning visitor resumes their chat for a month


def session_token(session: ChatSession) -> str:
    return signing.dumps(session.public_id.hex, salt=TOKEN_SALT)


def session_from_token(token: object, store: Store) -> ChatSession | None:
    """The session the token was issued for; None when forged, expired or another store's."""
    if not isinstance(token, str) or len(token) > 200:
        return None
    try:
        public_id = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    return (
        ChatSession.objects.select_related("customer", "conversation", "store")
        .filter(public_id=public_id, store=store)
        .first()
    )


def chat_settings(store: Store) -> ChatSettings:
    found, _created = ChatSettings.objects.get_or_create(store=store)
    return found


def normalize_origin(origin: str) -> str:
    parts = urlsplit(origin.strip().lower())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    default_port = {"http": 80, "https": 443}[parts.scheme]
    try:
        port = parts.port
    except ValueError:
        return ""
    suffix = f":{port}" if port and port != default_port else ""
    return f"{parts.scheme}://{parts.hostname}{suffix}"


def check_origin(store: Store, origin: str) -> bool:
    """The widget may run on the store's configured shop sites, its website and the desk."""
    wanted = normalize_origin(origin)
    if not wanted:
        return False
    config = chat_settings(store)
    if not config.enabled:
        return False
    allowed = {normalize_origin(str(o)) for o in config.allowed_origins}
    allowed |= {normalize_origin(store.website or ""), normalize_origin(settings.SITE_URL)}
    return wanted in allowed - {""}


def clean_language(value: object) -> str:
    code = str(value or "")[:35].strip().lower().replace("_", "-")
    if LANGUAGE_CODE_RE.match(code):
        return code
    primary = code.split("-")[0]
    return primary if LANGUAGE_CODE_RE.match(primary) else ""


def clean_time_zone(value: object) -> str:
    zone = str(value or "")[:64]
    return zone if zone in known_time_zones() else ""


@transaction.atomic
def do_start_session(
    store: Store, *, token: object, language: object, time_zone: object, origin: str
) -> tuple[ChatSession, bool]:
    """Resumes the session of ``token`` or starts a new one (with a new, anonymous customer);
    returns it and whether it was resumed. The browser's language and zone are stored on the
    session and, where the customer has none yet, on the customer."""
    browser_language, browser_zone = clean_language(language), clean_time_zone(time_zone)
    session = session_from_token(token, store)
    resumed = session is not None
    if session is None:
        session = ChatSession(store=store)
        # A new visitor is a new, anonymous customer, known by this session until they
        # leave an email address (services.do_leave_email).
        session.customer, _created = find_or_create_customer(
            store,
            IdentityKind.CHAT_SESSION,
            session.public_id.hex,
            language=supported_language(browser_language) or browser_language,
            time_zone=browser_zone,
        )
    session.browser_language = browser_language or session.browser_language
    session.browser_time_zone = browser_zone or session.browser_time_zone
    session.origin = normalize_origin(origin)
    session.last_seen_at = timezone.now()
    session.save()
    customer = session.customer
    changed = []
    if not customer.language and browser_language:
        customer.language = supported_language(browser_language) or browser_language
        changed.append("language")
    if not customer.time_zone and browser_zone:
        customer.time_zone = browser_zone
        changed.append("time_zone")
    if changed:
        customer.save(update_fields=[*changed, "updated_at"])
    return session, resumed


def session_language(session: ChatSession) -> str:
    """The language the widget and the desk's texts use with this visitor."""
    return (
        supported_language(session.customer.language)
        or supported_language(session.browser_language)
        or supported_language(session.store.default_language)
        or "en"
    )
