"""Mailbox passwords come from the environment only, and only from password variables."""

from pathlib import Path

import pytest

from aftersail.mail.secrets import MissingSecret, read_secret


def test_a_password_is_read_from_the_variable_or_its_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SUPPORT_IMAP_PASSWORD", "s3cret")
    assert read_secret("SUPPORT_IMAP_PASSWORD") == "s3cret"
    secret_file = tmp_path / "password"
    secret_file.write_text("from-file\n")
    monkeypatch.setenv("SHOP_SMTP_PASSWORD_FILE", str(secret_file))
    assert read_secret("SHOP_SMTP_PASSWORD") == "from-file"
    assert read_secret("UNSET_IMAP_PASSWORD") == ""
    assert read_secret("") == ""


@pytest.mark.parametrize("name", ["SECRET_KEY", "DATABASE_URL", "MAILGUN_WEBHOOK_SIGNING_KEY",
                                  "lower_password", "X_PASSWORD; rm"])  # fmt: skip
def test_other_variables_are_refused(name: str) -> None:
    with pytest.raises(MissingSecret):
        read_secret(name)
