"""Settings for the test suite: the real settings, with fast hashing and synchronous tasks.

``DATABASE_URL`` and ``REDIS_URL`` still apply, so the same suite runs on SQLite and on
PostgreSQL + Redis (see .ci/run).
"""

import os
import tempfile

os.environ.setdefault("AFTERSAIL_VAR_DIR", tempfile.mkdtemp(prefix="aftersail-test-"))

from aftersail.settings import *

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tasks run synchronously, in the test's process, when enqueued (after commit).
HUEY = {**HUEY, "immediate": True}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = VAR_DIR / "media"
# Rate limits and other counters must not leak between tests through a shared Redis.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The suite's webhook receivers listen on 127.0.0.1; tests of the refusal turn this off.
WEBHOOKS_ALLOW_LOCAL_NETWORK = True
# With Redis, each test process gets channel-layer names of its own: pytest-xdist workers
# (and two suites on one machine) create the same agents and conversations, so a shared
# prefix would deliver one worker's "desk-agent-1" events to another's sockets.
if CHANNEL_LAYERS["default"]["BACKEND"] == "channels_redis.core.RedisChannelLayer":
    CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] = f"aftersail-test-{os.getpid()}"
