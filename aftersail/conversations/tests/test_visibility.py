import pytest

from aftersail.conversations.models import Conversation
from aftersail.conversations.visibility import (
    can_see_conversation,
    visible_conversation_q,
    visible_conversations,
)

pytestmark = pytest.mark.django_db


def _subjects(agent):
    return sorted(visible_conversations(agent).values_list("subject", flat=True))


def test_each_member_of_the_cast_sees_exactly_their_teams(cast):
    assert _subjects(cast.admin) == ["Invoice copy", "Paket fehlt", "Refund please"]
    assert _subjects(cast.supervisor_a) == ["Paket fehlt"]
    assert _subjects(cast.agent_a) == ["Paket fehlt"]
    assert _subjects(cast.agent_b) == ["Refund please"]
    assert _subjects(cast.outsourced) == ["Invoice copy"]


def test_a_personal_assignment_outside_the_team_is_visible(cast):
    cast.conversation_b.assignee = cast.agent_a
    cast.conversation_b.save()
    assert _subjects(cast.agent_a) == ["Paket fehlt", "Refund please"]
    assert can_see_conversation(cast.agent_a, cast.conversation_b)


def test_can_see_matches_the_queryset_for_everyone(cast):
    for agent in (cast.admin, cast.supervisor_a, cast.agent_a, cast.agent_b, cast.outsourced):
        visible = set(visible_conversations(agent).values_list("id", flat=True))
        for conversation in cast.conversations:
            assert can_see_conversation(agent, conversation) == (conversation.id in visible)


def test_the_condition_form_agrees_with_the_queryset(cast):

    cast.conversation_b.assignee = cast.agent_a
    cast.conversation_b.save()
    for agent in (cast.admin, cast.supervisor_a, cast.agent_a, cast.agent_b, cast.outsourced):
        by_q = set(Conversation.objects.filter(visible_conversation_q(agent)).values_list("id"))
        assert by_q == set(visible_conversations(agent).values_list("id"))
