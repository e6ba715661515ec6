"""Coverage and report pages: who may see them, and the figures they show."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from aftersail.conversations.actions import NewMessage, do_add_message
from aftersail.conversations.models import Conversation, Message
from aftersail.sla.clocks import do_recompute_clocks
from aftersail.sla.coverage import market_coverage
from aftersail.sla.models import Promise
from aftersail.sla.reports import date_range, sla_report
from aftersail.sla.tests.conftest import MONDAY_9_BERLIN
from aftersail.testing import factories as f

PAGES = ["/desk/sla/coverage/", "/desk/sla/reports/"]


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("admin", 200),
        ("supervisor_a", 200),
        ("agent_a", 403),
        ("agent_b", 403),
        ("outsourced", 403),
        ("customer_user", 403),
    ],
)
def test_who_may_see_sla_pages(hours, login, url, who, status):
    person = getattr(hours, who)
    user = getattr(person, "user", person)
    assert login(user).get(url).status_code == status


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_is_sent_to_login(cast, login, url):
    response = login(None).get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/desk/login/")


def test_hostile_query_parameters_are_ignored(hours, login):
    client = login(hours.admin.user)
    for query in [
        "?from=2026-13-45&to=<script>",
        "?by=__class__",
        "?from=0001-01-01&to=9999-12-31",
    ]:
        assert client.get("/desk/sla/reports/" + query).status_code == 200
        assert client.get("/desk/sla/coverage/" + query).status_code == 200


def test_date_range_is_read_in_the_viewers_zone():
    assert date_range(date(2026, 11, 30), date(2026, 11, 30), "Asia/Tokyo") == (
        utc(2026, 11, 29, 15),
        utc(2026, 11, 30, 15),
    )
    # The Warsaw day of the autumn change lasts 25 hours.
    start, end = date_range(date(2026, 10, 25), date(2026, 10, 25), "Europe/Warsaw")
    assert end - start == timedelta(hours=25)


def _history(hours):
    """Three German-market conversations for team A, one US one for team B."""
    made = []
    for n, (customer_kwargs, team, minutes) in enumerate(
        [
            ({"country": "DE", "language": "de"}, hours.team_a, 30),
            ({"country": "DE", "language": "de"}, hours.team_a, 90),
            ({"country": "DE", "language": "de"}, hours.team_a, 180),
            ({"country": "US", "language": "en", "time_zone": "America/Chicago"}, hours.team_b, 60),
        ]
    ):
        customer = f.make_customer(hours.store, email=f"h{n}@mail.example", **customer_kwargs)
        with time_machine.travel(MONDAY_9_BERLIN + timedelta(hours=6 * (n == 3)), tick=False):
            conversation = f.make_conversation(customer, team=team, language=customer.language)
        reply_at = conversation.created_at + timedelta(minutes=minutes)
        do_add_message(
            conversation,
            NewMessage(
                kind="reply",
                author_kind="agent",
                author_agent=hours.agent_a if team == hours.team_a else hours.agent_b,
                text="Hi",
                at=reply_at,
            ),
        )
        do_recompute_clocks(conversation)
        made.append(conversation)
    return made


def test_report_figures_by_team(hours):
    made = _history(hours)
    Promise.objects.create(
        conversation=made[0],
        message=made[0].messages.first(),
        received_at=MONDAY_9_BERLIN,
        reply_by=MONDAY_9_BERLIN + timedelta(hours=2),
        customer_zone="UTC",
        language="de",
        text="-",
        state="kept",
    )

    rows = sla_report(Conversation.objects.all(), "team", utc(2026, 11, 30), utc(2026, 12, 1))
    by_key = {row.key: row for row in rows}
    team_a = by_key["Team A"]
    first = team_a.times["first_reply"]
    assert sorted(first.calendar) == [1800, 5400, 10800]
    assert first.median_calendar == 5400
    assert (team_a.met, team_a.breached, team_a.attainment) == (2, 1, 2 / 3)
    assert (team_a.kept, team_a.broken, team_a.promises_kept) == (1, 0, 1.0)
    # Team B's reply: Monday 14:00-15:00 UTC is 09:00-10:00 in New York, all working time.
    team_b = by_key["Team B"].times["first_reply"]
    assert (team_b.business, team_b.calendar) == ([3600], [3600])


def test_report_page_shows_the_figures(hours, login):
    _history(hours)
    with time_machine.travel(utc(2026, 12, 1, 12), tick=False):
        page = login(hours.admin.user).get("/desk/sla/reports/?by=market").content.decode()
    assert 'data-key="DE"' in page and 'data-key="US"' in page
    assert "1:30" in page  # median first reply of the German market
    assert "67 %" in page


def test_coverage_counts_messages_in_market_time_and_flags_uncovered_hours(hours):
    made = _history(hours)

    mine = Conversation.objects.filter(id__in=[c.id for c in made])
    [de, us] = market_coverage(mine, utc(2026, 11, 23), utc(2026, 12, 1))
    assert (de.country, de.zone, de.language, de.teams) == ("DE", "Europe/Berlin", "de", ["Team A"])
    # Three messages at Monday 09:00 Berlin; team A works 09-17 Monday to Friday.
    assert de.grid[0][9].messages == 3 and de.grid[0][9].covered == 1.0
    assert de.grid[0][8].covered == 0.0 and de.grid[5][10].covered == 0.0
    assert de.uncovered_messages == 0
    # The US market has no single zone: the first CLDR zone; team B (en) or the outsourced team.
    assert us.language == "en" and us.teams == ["Team A", "Team B", "Team Outsourced"]
    assert us.messages == 1


def test_coverage_page_renders_the_heat_map(hours, login):
    _history(hours)
    Message.objects.update(created_at=utc(2026, 11, 28, 23))  # Sunday 00:00 Berlin
    with time_machine.travel(utc(2026, 12, 1, 12), tick=False):
        page = login(hours.supervisor_a.user).get("/desk/sla/coverage/").content.decode()
    assert 'data-market="DE"' in page
    assert 'class="uncovered"' in page
