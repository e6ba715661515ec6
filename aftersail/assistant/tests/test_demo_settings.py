from datetime import datetime

import pytest

from aftersail.assistant.models import AssistantSettings
from aftersail.demo.loader import load_demo
from aftersail.language.models import TranslationSettings
from aftersail.language.selectors import is_configured

pytestmark = pytest.mark.django_db


def test_the_demo_store_has_assistant_and_translation_settings():
    summary = load_demo(now=datetime.fromisoformat("2026-11-22T09:30:00+00:00"))
    settings = AssistantSettings.objects.get(store=summary.store)
    assert settings.answer_first_email
    assert settings.order_number_pattern == r"N\d{6}"
    glossary = TranslationSettings.objects.get(store=summary.store).glossary_terms()
    assert glossary[:3] == ["Nordlicht Outdoor", "Nordlicht", "Polar -10"]
    assert not is_configured(summary.store)
