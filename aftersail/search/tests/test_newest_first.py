"""Search returns the newest matches first, however the database finds them: on
PostgreSQL the newest conversations and messages are walked and older ones looked up in the
GIN index (fulltext.py); these tests make both paths matter by shrinking the walk."""

from datetime import timedelta

import pytest
from django.utils import timezone

from aftersail.conversations.actions import NewMessage, do_add_message
from aftersail.conversations.models import Conversation, Message
from aftersail.conversations.selectors import visible_conversation_q
from aftersail.search import fulltext
from aftersail.search.indexing import rebuild_index
from aftersail.search.models import DocumentKind, SearchDocument
from aftersail.search.services import _identifier_hits, search
from aftersail.search.visibility import Visibility
from aftersail.testing import factories as f

pytestmark = pytest.mark.django_db


def add(conversation, text):
    return do_add_message(
        conversation, NewMessage(kind="inbound", author_kind="customer", text=text)
    )


def newest_first_by_hand(word, who_sees=None):
    """Every document holding ``word``, newest first, without the search code."""
    documents = SearchDocument.objects.order_by("-id")
    return [d.id for d in documents if word in d.text.lower() and (who_sees is None or who_sees(d))]


@pytest.mark.parametrize("window", [0, 2, 5, 1000])
def test_newest_matches_first_whatever_the_walk(cast, window, monkeypatch):
    monkeypatch.setattr(fulltext, "RECENT_WINDOW", window)
    for n in range(12):
        add(cast.conversation_a, f"message {n} " + ("gadget" if n % 3 else "nothing"))
    f.make_customer(cast.store, name="Gadget Fan")  # an entity holding the word too
    expected = newest_first_by_hand("gadget")
    assert len(expected) == 9
    for limit in (1, 4, 50):
        hits = search("gadget", Visibility(), limit=limit)
        assert [hit.id for hit in hits] == expected[:limit]


@pytest.mark.parametrize("window", [0, 3, 1000])
def test_visibility_applies_to_both_parts(cast, window, monkeypatch):
    monkeypatch.setattr(fulltext, "RECENT_WINDOW", window)
    for conversation in cast.conversations:
        for n in range(3):
            add(conversation, f"gizmo {n}")
    team_a = set(Conversation.objects.filter(team=cast.team_a).values_list("id", flat=True))
    expected = newest_first_by_hand("gizmo", lambda d: d.conversation_id in team_a)
    who = Visibility(conversations=visible_conversation_q(cast.agent_a))
    assert [hit.id for hit in search("gizmo", who)] == expected
    assert {hit.conversation_id for hit in search("gizmo", who)} <= team_a


def test_rebuild_numbers_conversations_and_messages_in_the_order_they_happened(cast):
    base = timezone.now() - timedelta(days=3)
    early = add(cast.conversation_b, "from the first day")
    late = add(cast.conversation_a, "from the third day")
    Message.objects.filter(id=early.id).update(created_at=base)
    Message.objects.filter(id=late.id).update(created_at=base + timedelta(days=2))
    Conversation.objects.filter(id=cast.conversation_a.id).update(
        created_at=base + timedelta(days=1)
    )
    Conversation.objects.filter(id=cast.conversation_b.id).update(
        created_at=base - timedelta(days=1)
    )
    rebuild_index()
    text_documents = SearchDocument.objects.filter(
        kind__in=[DocumentKind.CONVERSATION, DocumentKind.MESSAGE],
        conversation__in=[cast.conversation_a, cast.conversation_b],
    ).order_by("id")
    order = [(d.kind, d.object_id) for d in text_documents]
    assert order.index(("conversation", cast.conversation_b.id)) < order.index(
        ("message", early.id)
    )
    assert order.index(("message", early.id)) < order.index(
        ("conversation", cast.conversation_a.id)
    )
    assert order.index(("conversation", cast.conversation_a.id)) < order.index(("message", late.id))


@pytest.mark.parametrize(
    ("query", "looks_like_identifier"),
    [("paket", False), ("BO-1001", True), ("anna@mail.example", True), ("12345", True)],
)
def test_identifier_lookup_only_for_identifier_shaped_queries(
    cast, query, looks_like_identifier, django_assert_num_queries
):
    with django_assert_num_queries(1 if looks_like_identifier else 0):
        assert _identifier_hits(query) is None
