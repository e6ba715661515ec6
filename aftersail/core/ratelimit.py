"""Fixed-window rate limits kept in the cache (per process by default, shared with Redis)."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.utils import timezone


def _key(scope: str, identity: str, window_seconds: int) -> str:
    window = int(timezone.now().timestamp()) // window_seconds
    digest = hashlib.sha256(identity.encode("utf-8", "replace")).hexdigest()[:32]
    return f"rl:{scope}:{window}:{digest}"


def hit(scope: str, identity: str, *, limit: int, window_seconds: int) -> bool:
    """Counts one attempt; False once ``identity`` has used up ``limit`` in this window."""
    key = _key(scope, identity, window_seconds)
    cache.add(key, 0, timeout=window_seconds + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=window_seconds + 5)
        count = 1
    return count <= limit


def is_limited(scope: str, identity: str, *, limit: int, window_seconds: int) -> bool:
    """Whether ``identity`` has used up its attempts, without counting one."""
    count = cache.get(_key(scope, identity, window_seconds), 0)
    return bool(count >= limit)


def client_ip(meta: dict[str, str]) -> str:
    # Behind a proxy, set the proxy to overwrite REMOTE_ADDR (uvicorn --proxy-headers does).
    return meta.get("REMOTE_ADDR", "") or "unknown"
