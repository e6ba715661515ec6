import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from aftersail.accounts.models import Agent
from aftersail.testing.factories import make_team

pytestmark = pytest.mark.django_db


def test_create_agent_command(monkeypatch, capsys):
    make_team("Europe")
    monkeypatch.setenv("AFTERSAIL_AGENT_PASSWORD", "a long enough secret")
    call_command(
        "create_agent",
        "Ada@Example.com",
        "--role",
        "admin",
        "--team",
        "Europe",
        "--language",
        "de",
        "--language",
        "en",
        "--time-zone",
        "Europe/Vienna",
        "--display-language",
        "de",
    )
    agent = Agent.objects.get()
    assert agent.user.email == "ada@example.com"
    assert agent.user.check_password("a long enough secret")
    assert agent.user.is_staff and agent.user.is_superuser
    assert (agent.role, agent.languages, agent.time_zone, agent.display_language) == (
        "admin",
        ["de", "en"],
        "Europe/Vienna",
        "de",
    )
    assert [t.name for t in agent.teams.all()] == ["Europe"]
    assert "Created administrator ada@example.com" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--team", "Nowhere"], "unknown team"),
        (["--time-zone", "Moon/Base"], "IANA"),
        (["--language", "klingon!"], "language code"),
        (["--display-language", "it"], "the desk speaks de, en, es, fr, ja, pl, not 'it'"),
    ],
)
def test_create_agent_refuses_bad_input(monkeypatch, args, message):
    monkeypatch.setenv("AFTERSAIL_AGENT_PASSWORD", "a long enough secret")
    with pytest.raises(CommandError, match=message):
        call_command("create_agent", "x@example.com", *args)
    assert not Agent.objects.exists()


def test_create_agent_refuses_duplicates_and_short_passwords(monkeypatch):
    monkeypatch.setenv("AFTERSAIL_AGENT_PASSWORD", "short")
    with pytest.raises(CommandError, match="at least 8"):
        call_command("create_agent", "x@example.com")
    monkeypatch.setenv("AFTERSAIL_AGENT_PASSWORD", "a long enough secret")
    call_command("create_agent", "x@example.com")
    with pytest.raises(CommandError, match="exists already"):
        call_command("create_agent", "X@example.com")
