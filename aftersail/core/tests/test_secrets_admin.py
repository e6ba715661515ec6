"""Provider API keys are write-only in the admin: never shown again, kept when left empty."""

import pytest
from django.urls import reverse

from aftersail.language.models import TranslationSettings
from aftersail.shipping.models import TrackingAccount

pytestmark = pytest.mark.django_db


def change_form(client, settings_row):
    return client.get(
        reverse("admin:language_translationsettings_change", args=[settings_row.id])
    ).content.decode()


def post(client, settings_row, api_key):
    return client.post(
        reverse("admin:language_translationsettings_change", args=[settings_row.id]),
        {
            "store": settings_row.store_id,
            "provider": "deepl",
            "api_url": "https://api-free.deepl.com",
            "api_key": api_key,
            "glossary": "Nordlicht",
        },
    )


def test_a_stored_key_is_never_shown_and_kept_when_left_empty(cast, login):
    row = TranslationSettings.objects.create(
        store=cast.store, provider="deepl", api_url="https://api-free.deepl.com",
        api_key="deepl-secret-123",
    )  # fmt: skip
    client = login(cast.admin.user)
    page = change_form(client, row)
    assert "deepl-secret-123" not in page
    assert 'type="password"' in page and "A value is stored" in page
    assert post(client, row, "").status_code == 302
    row.refresh_from_db()
    assert (row.api_key, row.glossary) == ("deepl-secret-123", "Nordlicht")
    assert post(client, row, "  new-key  ").status_code == 302
    row.refresh_from_db()
    assert row.api_key == "new-key"
    assert post(client, row, "-").status_code == 302
    row.refresh_from_db()
    assert row.api_key == ""
    assert "No value stored." in change_form(client, row)


def test_tracking_account_secrets_are_write_only(cast, login):
    account = TrackingAccount.objects.create(
        store=cast.store, provider="aftership", webhook_secret="whs-abc", api_key="key-xyz"
    )
    page = (
        login(cast.admin.user)
        .get(reverse("admin:shipping_trackingaccount_change", args=[account.id]))
        .content.decode()
    )
    assert "whs-abc" not in page and "key-xyz" not in page
    assert page.count("A value is stored") == 2
