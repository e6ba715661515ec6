"""Team rules, round robin and least loaded among agents on shift who speak the language."""

from datetime import datetime, time

import pytest
import time_machine

from aftersail.accounts.actors import Actor
from aftersail.assignment.models import RoutingMode, Shift, TeamRouting, TeamRule
from aftersail.assignment.services import do_route, match_team, on_shift
from aftersail.conversations.actions import ConversationError, do_assign
from aftersail.conversations.models import Conversation
from aftersail.testing import factories as f

pytestmark = pytest.mark.django_db
# A Monday, 10:00 in Berlin (UTC+1 in winter).
MONDAY_10_BERLIN = datetime.fromisoformat("2026-03-02 09:00:00+00:00")


def unrouted(customer, **kwargs):
    conversation = f.make_conversation(customer, **kwargs)
    assert conversation.team is None
    return conversation


def test_first_matching_rule_wins(cast):
    TeamRule.objects.create(name="US", position=10, team=cast.team_b, countries=["us"])
    TeamRule.objects.create(name="German", position=20, team=cast.team_a, languages=["de"])
    TeamRule.objects.create(
        name="Chat returns",
        position=5,
        team=cast.team_out,
        channels=["chat"],
        categories=["return"],
    )
    german = unrouted(cast.customer, language="de")
    american = unrouted(cast.conversation_b.customer)
    assert match_team(german) == cast.team_a
    assert match_team(american) == cast.team_b
    chat = unrouted(cast.customer, channel="chat")
    chat.category = "return"
    assert match_team(chat) == cast.team_out
    french = unrouted(f.make_customer(cast.store, language="fr", country="FR"))
    assert match_team(french) is None


def test_route_assigns_team_only_in_manual_mode(cast):
    TeamRule.objects.create(name="German", team=cast.team_a, languages=["de"])
    conversation = unrouted(cast.customer, language="de")
    do_route(conversation, now=MONDAY_10_BERLIN)
    conversation.refresh_from_db()
    assert (conversation.team, conversation.assignee) == (cast.team_a, None)
    assert conversation.events.get(kind="assigned").actor_kind == "system"


def make_team_with_agents(cast, mode):
    team = f.make_team("Routing", languages=("de", "en"))
    TeamRouting.objects.create(team=team, mode=mode)
    ids = []
    for name, languages in (("anna", ("de",)), ("ben", ("de", "en")), ("cem", ("en",))):
        agent = f.make_agent(
            f"{name}@desk.example", teams=(team,), languages=languages, time_zone="Europe/Berlin"
        )
        ids.append(agent)
    return team, ids


def route_new(cast, team, language="de"):
    conversation = f.make_conversation(cast.customer, team=team, language=language)
    do_route(conversation, now=MONDAY_10_BERLIN)
    conversation.refresh_from_db()
    return conversation.assignee


def test_round_robin_takes_turns_among_speakers_of_the_language(cast):
    team, (anna, ben, cem) = make_team_with_agents(cast, RoutingMode.ROUND_ROBIN)
    assert [route_new(cast, team) for _ in range(4)] == [anna, ben, anna, ben]
    assert route_new(cast, team, language="en") == cem  # the next English speaker after ben
    assert route_new(cast, team, language="en") == ben  # wraps around
    assert TeamRouting.objects.get(team=team).last_agent == ben


def test_least_loaded_respects_capacity_and_shifts(cast):
    team, (anna, ben, _cem) = make_team_with_agents(cast, RoutingMode.LEAST_LOADED)
    f.make_conversation(cast.customer, team=team, assignee=anna)
    assert route_new(cast, team) == ben  # anna has one open conversation, ben none
    assert route_new(cast, team) == anna  # 1 each: lowest id
    ben.capacity = 1
    ben.save()
    assert route_new(cast, team) == anna  # ben is full
    Shift.objects.create(agent=anna, weekday=0, starts=time(14), ends=time(22))
    anna.capacity = 99
    anna.save()
    ben.capacity = 99
    ben.save()
    assert route_new(cast, team) == ben  # anna's shift starts at 14:00 Berlin time


def test_nobody_available_leaves_it_in_the_team_queue(cast):
    team, _agents = make_team_with_agents(cast, RoutingMode.ROUND_ROBIN)
    assert route_new(cast, team, language="ja") is None


@pytest.mark.parametrize(
    ("weekday", "starts", "ends", "local", "expected"),
    [
        (0, time(9), time(17), "2026-03-02 10:00", True),
        (0, time(9), time(17), "2026-03-02 17:00", False),
        (0, time(22), time(6), "2026-03-02 23:30", True),  # overnight, same evening
        (0, time(22), time(6), "2026-03-03 05:59", True),  # overnight, next morning
        (0, time(22), time(6), "2026-03-03 06:00", False),
        (6, time(22), time(6), "2026-03-02 01:00", True),  # Sunday night into Monday
    ],
)
def test_on_shift(weekday, starts, ends, local, expected):
    shift = Shift(weekday=weekday, starts=starts, ends=ends)
    moment = datetime.fromisoformat(f"{local}+01:00")
    assert on_shift([shift], "Europe/Berlin", moment) is expected


def test_no_schedule_means_always_available():
    assert on_shift([], "Asia/Tokyo", MONDAY_10_BERLIN) is True


def test_pipeline_route_step_runs_on_inbound(cast, django_capture_on_commit_callbacks):
    TeamRule.objects.create(name="German", team=cast.team_a, languages=["de"])
    TeamRouting.objects.create(team=cast.team_a, mode=RoutingMode.ROUND_ROBIN)
    with (
        time_machine.travel(MONDAY_10_BERLIN, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        # German text: the language step (when installed) agrees with the rule's language.
        conversation = f.make_conversation(
            cast.customer, language="de", text="Guten Tag, wo ist mein Paket? Ich warte schon."
        )
    conversation = Conversation.objects.get(id=conversation.id)
    assert conversation.team == cast.team_a
    # Team A: admin (en only), supervisor_a (en only), agent_a (de, en) -> agent_a.
    assert conversation.assignee == cast.agent_a


def test_manual_assignment_rules(cast):
    c = cast.conversation_a
    do_assign(c, actor=Actor.of_agent(cast.agent_a), team=cast.team_a, agent=cast.agent_a)
    c.refresh_from_db()
    assert c.assignee == cast.agent_a
    with pytest.raises(ConversationError):
        do_assign(c, actor=Actor.of_agent(cast.agent_a), team=cast.team_b, agent=cast.agent_b)
    with pytest.raises(ConversationError):
        do_assign(c, actor=Actor.of_agent(cast.agent_a), team=None, agent=cast.agent_a)
    with pytest.raises(ConversationError):
        do_assign(
            c, actor=Actor.of_agent(cast.agent_a), team=None, agent=None
        )  # would hide it from all
    with pytest.raises(ConversationError):
        do_assign(
            c, actor=Actor.of_agent(cast.admin), team=cast.team_a, agent=cast.agent_b
        )  # not a member
    do_assign(c, actor=Actor.of_agent(cast.admin), team=cast.team_b, agent=cast.agent_b)
    c.refresh_from_db()
    assert (c.team, c.assignee) == (cast.team_b, cast.agent_b)
