"""Headless Debian chromium for browser tests, driven by Playwright (no downloaded browser)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium"):
        if candidate and shutil.which(candidate):
            return candidate
    return None


@contextmanager
def chromium_browser() -> Iterator[Any]:
    """Debian's chromium under Playwright, for tests that open several contexts (a customer
    and an agent); skips the test (with the reason) when chromium is absent."""
    path = chromium_path()
    if path is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def chromium_page() -> Iterator[Any]:
    """A fresh page of Debian's chromium; skips the test (with the reason) when absent."""
    with chromium_browser() as browser:
        page = browser.new_page()
        page.set_default_timeout(15_000)
        yield page
