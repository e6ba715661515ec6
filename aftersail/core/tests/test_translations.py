"""Every shipped catalogue is complete and keeps its placeholders."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

from aftersail.core.i18n_compile import catalogues

REQUIRED = {code for code, _name in settings.LANGUAGES} - {"en"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def _app_catalogues():
    return sorted({po.parents[2] for po in catalogues()})


def test_at_least_the_portal_is_translated():
    assert Path(settings.BASE_DIR, "aftersail", "portal", "locale") in _app_catalogues()


@pytest.mark.parametrize("locale_dir", _app_catalogues(), ids=lambda p: p.parent.name)
def test_every_required_language_is_present(locale_dir):
    present = {p.name for p in locale_dir.iterdir() if p.is_dir()}
    assert present >= REQUIRED


@pytest.mark.parametrize(
    "po_path", catalogues(), ids=lambda p: f"{p.parents[3].name}-{p.parents[1].name}"
)
def test_catalogue_is_complete_and_keeps_placeholders(po_path):
    with po_path.open("rb") as source:
        catalog = read_po(source)
    for message in catalog:
        if not message.id:
            continue
        assert "fuzzy" not in message.flags, message.id
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"untranslated: {ids[0]!r}"
        expected = sorted(PLACEHOLDER.findall(ids[0]))
        for string in strings:
            assert sorted(PLACEHOLDER.findall(string)) == expected, (ids[0], string)
