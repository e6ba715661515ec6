"""Creating, checking and revoking API keys."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from aftersail.accounts.models import Agent, Team
from aftersail.api.models import ApiKey, Scope
from aftersail.commerce.models import Store

TOKEN_PREFIX = "as_"  # noqa: S105 - marks Aftersail tokens for secret scanners
# last_used_at is a hint for administrators, not an audit trail: write it at most once a
# minute so that a busy integration does not turn every read into a write.
LAST_USED_PRECISION = timedelta(minutes=1)


class ApiKeyError(ValueError):
    pass


def hash_token(token: str) -> str:
    # The token carries 256 random bits, so a plain SHA-256 is enough: there is nothing
    # to brute-force, unlike a password.
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def check_scopes(scopes: Iterable[str]) -> list[str]:
    scopes = list(dict.fromkeys(scopes))
    unknown = [s for s in scopes if s not in Scope.values]
    if unknown:
        raise ApiKeyError(f"unknown scope(s): {', '.join(unknown)}")
    return scopes


@transaction.atomic
def do_create_api_key(
    *,
    name: str,
    store: Store,
    scopes: Iterable[str],
    teams: Iterable[Team] = (),
    created_by: Agent | None = None,
) -> tuple[ApiKey, str]:
    """Returns the key and its token; the token is not stored and cannot be shown again."""
    if not name.strip():
        raise ApiKeyError("an API key needs a name")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey.objects.create(
        name=name.strip()[:100],
        store=store,
        scopes=check_scopes(scopes),
        prefix=token[:10],
        token_hash=hash_token(token),
        created_by=created_by,
    )
    key.teams.set(list(teams))
    return key, token


def key_for_token(token: str) -> ApiKey | None:
    """The active key with this token, or None; stamps its last use."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    key = (
        ApiKey.objects.select_related("store")
        .filter(token_hash=hash_token(token), revoked_at__isnull=True)
        .first()
    )
    if key is None:
        return None
    now = timezone.now()
    if key.last_used_at is None or now - key.last_used_at >= LAST_USED_PRECISION:
        ApiKey.objects.filter(id=key.id).update(last_used_at=now)
        key.last_used_at = now
    return key


def do_revoke_api_key(key: ApiKey) -> None:
    key.revoke()
