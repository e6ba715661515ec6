from datetime import UTC, datetime

import pytest
from django.utils.translation import get_language

from aftersail.core.localization import (
    customer_language,
    format_local,
    speaking_to,
    supported_language,
    zone_label,
)
from aftersail.testing import factories as f

MOMENT = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("code", "expected"),
    [("de", "de"), ("DE-at", "de"), ("pt_BR", None), ("ja-JP", "ja"), ("", None), (None, None)],
)
def test_supported_language(code, expected):
    assert supported_language(code) == expected


@pytest.mark.django_db
def test_fallback_chain_customer_then_store_then_english():
    store = f.make_store(default_language="fr")
    assert customer_language(f.make_customer(store, language="pl"), store) == "pl"
    assert customer_language(f.make_customer(store, language="sv"), store) == "fr"
    english_store = f.make_store(default_language="nl")
    assert customer_language(f.make_customer(english_store, language="sv"), english_store) == "en"
    assert customer_language(None) == "en"


@pytest.mark.django_db
def test_speaking_to_activates_and_restores_the_language():
    store = f.make_store()
    before = get_language()
    with speaking_to(f.make_customer(store, language="ja"), store) as language:
        assert language == "ja"
        assert get_language() == "ja"
    assert get_language() == before


@pytest.mark.parametrize(
    ("language", "text", "zone"),
    [
        ("en", "Tuesday 10:00", "Singapore Time"),
        ("de", "Dienstag 10:00", "Singapur (Ortszeit)"),
        ("ja", "火曜日 10:00", "シンガポール時間"),
    ],
)
def test_local_time_in_the_customers_words(language, text, zone):
    assert format_local(MOMENT, "Asia/Singapore", language, "EEEE HH:mm") == text
    assert zone_label("Asia/Singapore", language) == zone


def test_unknown_zones_fall_back_to_utc():
    assert format_local(MOMENT, "Nowhere/City", "en", "HH:mm") == "02:00"
