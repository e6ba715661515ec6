"""The real settings, with tasks run in-process (the benchmark has no worker) and a fast
password hasher for its logins."""

from aftersail.settings import *  # noqa: F403

HUEY = {**HUEY, "immediate": True}  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
