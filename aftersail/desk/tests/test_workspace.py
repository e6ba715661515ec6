"""The workspace pages do what they say: queues, filters, bulk, and conversation actions."""

from datetime import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from aftersail.conversations.models import Message
from aftersail.customers.models import Customer
from aftersail.macros.actions import load_library
from aftersail.testing import factories as f

pytestmark = pytest.mark.django_db


def inbox_ids(client, **query):
    response = client.get(reverse("desk:inbox"), query)
    assert response.status_code == 200
    return {c["id"] for c in response.context["page"]}


def test_queues(cast, login):
    mine = f.make_conversation(cast.customer, team=cast.team_a, assignee=cast.agent_a)
    client = login(cast.agent_a.user)
    assert inbox_ids(client, queue="mine") == {mine.id}
    assert inbox_ids(client, queue="unassigned") == {cast.conversation_a.id}
    assert inbox_ids(client, queue="teams") == {mine.id, cast.conversation_a.id}
    assert inbox_ids(client) == {mine.id, cast.conversation_a.id}
    admin = login(cast.admin.user)
    assert inbox_ids(admin, queue="teams") == {mine.id, cast.conversation_a.id}
    assert len(inbox_ids(admin, queue="all")) == 4


def test_filters(cast, login):
    client = login(cast.admin.user)
    chat = f.make_conversation(cast.customer, team=cast.team_a, channel="chat", language="de")
    client.post(reverse("desk:conversation_action", args=[chat.id, "tags"]), {"add": "vip"})
    client.post(
        reverse("desk:conversation_action", args=[chat.id, "category"]), {"category": "refund"}
    )
    assert inbox_ids(client, channel="chat") == {chat.id}
    assert inbox_ids(client, tag="vip") == {chat.id}
    assert inbox_ids(client, category="refund") == {chat.id}
    assert inbox_ids(client, market="us") == {cast.conversation_b.id, cast.conversation_out.id}
    assert inbox_ids(client, language="de") == {chat.id, cast.conversation_a.id}
    assert inbox_ids(client, assignee="none") == {c.id for c in cast.conversations} | {chat.id}
    client.post(reverse("desk:conversation_action", args=[chat.id, "status"]), {"status": "solved"})
    assert chat.id not in inbox_ids(client)
    assert inbox_ids(client, status="solved") == {chat.id}
    assert chat.id in inbox_ids(client, status="any")


@pytest.mark.parametrize(
    "query",
    [
        {"status": "bogus"},
        {"channel": "<script>"},
        {"tag": "a/b"},
        {"assignee": "1 OR 1"},
        {"queue": "../../"},
        {"market": "DEU"},
        {"language": "x" * 500},
        {"page": "-3"},
        {"market": "D\x00", "language": "d\x00e", "tag": "\x00", "assignee": "\x00"},
    ],
)
def test_hostile_filters_are_ignored(cast, login, query):
    assert login(cast.admin.user).get(reverse("desk:inbox"), query).status_code == 200


def test_bulk_assign_to_me_and_refusals(cast, login):
    client = login(cast.agent_a.user)
    response = client.post(
        reverse("desk:bulk"),
        {
            "ids": [cast.conversation_a.id, "x", "9" * 30],
            "action": "assign:me",
            "next": "https://evil.example/",
        },
    )
    assert response["Location"] == reverse("desk:inbox")
    cast.conversation_a.refresh_from_db()
    assert cast.conversation_a.assignee == cast.agent_a
    response = client.post(
        reverse("desk:bulk"),
        {"ids": [cast.conversation_a.id], "action": f"assign:{cast.agent_b.id}"},
    )
    cast.conversation_a.refresh_from_db()
    assert cast.conversation_a.assignee == cast.agent_a  # agent_b is not a colleague


def test_reply_with_german_macro_variant(cast, login):
    load_library()
    order = f.make_order(cast.customer, number="NL-2001")
    client = login(cast.agent_a.user)
    page = client.get(reverse("desk:conversation", args=[cast.conversation_a.id]))
    assert "Where is my order (de)" in page.content.decode()
    response = client.post(
        reverse("desk:conversation_action", args=[cast.conversation_a.id, "reply"]),
        {"kind": "reply", "macro": "where-is-my-order", "text": ""},
    )
    assert response.status_code == 302
    reply = cast.conversation_a.messages.get(kind="reply")
    assert reply.language == "de"
    assert reply.body_text.startswith("Guten Tag Clara,")
    assert f"Ihre Bestellung {order.number} ist unterwegs" in reply.body_text
    cast.conversation_a.refresh_from_db()
    assert (cast.conversation_a.status, cast.conversation_a.category) == (
        "pending",
        "where_is_my_order",
    )
    page = client.get(reverse("desk:conversation", args=[cast.conversation_a.id]))
    assert "Guten Tag Clara," in page.content.decode()


def test_unknown_macro_is_refused(cast, login):
    client = login(cast.agent_a.user)
    client.post(
        reverse("desk:conversation_action", args=[cast.conversation_a.id, "reply"]),
        {"macro": "nope", "text": "x"},
    )
    assert cast.conversation_a.messages.count() == 1


def test_note_with_mention_emails_the_colleague(cast, login, django_capture_on_commit_callbacks):
    client = login(cast.supervisor_a.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("desk:conversation_action", args=[cast.conversation_a.id, "reply"]),
            {"kind": "note", "text": "@agent.a please phone DHL"},
        )
    note = cast.conversation_a.messages.get(kind="note")
    assert note.delivery == "" and note.body_text == "@agent.a please phone DHL"
    assert [m.to for m in mail.outbox] == [["agent.a@cast.example"]]
    assert mail.outbox[0].subject == (
        f"Supervisor.A mentioned you on conversation #{cast.conversation_a.id}"
    )
    assert f"/desk/conversations/{cast.conversation_a.id}/" in mail.outbox[0].body


def test_attachment_upload(cast, login, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client = login(cast.agent_a.user)
    client.post(
        reverse("desk:conversation_action", args=[cast.conversation_a.id, "reply"]),
        {
            "kind": "reply",
            "text": "Here is the label",
            "attachments": [SimpleUploadedFile("label.pdf", b"%PDF", "application/pdf")],
        },
    )
    reply = cast.conversation_a.messages.get(kind="reply")
    assert list(reply.attachments.values_list("filename", "size")) == [("label.pdf", 4)]


def test_snooze_from_the_page_uses_the_agents_clock(cast, login):
    client = login(cast.agent_a.user)  # Europe/Berlin
    with time_machine.travel("2026-03-02 09:00:00+00:00", tick=False):
        client.post(
            reverse("desk:conversation_action", args=[cast.conversation_a.id, "snooze"]),
            {"until": "2026-03-03T09:00"},
        )
    cast.conversation_a.refresh_from_db()
    assert cast.conversation_a.snoozed_until == datetime.fromisoformat("2026-03-03 08:00+00:00")
    client = login(cast.agent_a.user)
    assert cast.conversation_a.id in inbox_ids(client, queue="snoozed")
    assert cast.conversation_a.id not in inbox_ids(client)
    for bad in ("", "tomorrow", "2026-13-45T99:00", "x" * 100, "2020-01-01T00:00"):
        client.post(
            reverse("desk:conversation_action", args=[cast.conversation_a.id, "snooze"]),
            {"until": bad},
        )
    client.post(reverse("desk:conversation_action", args=[cast.conversation_a.id, "wake"]))
    cast.conversation_a.refresh_from_db()
    assert cast.conversation_a.snoozed_until is None


def test_merge_and_split_from_the_page(cast, login):
    client = login(cast.agent_a.user)
    other = f.make_conversation(cast.customer, team=cast.team_a, text="Second question")
    hidden = f.make_conversation(cast.customer, team=cast.team_b, text="other team")
    client.post(
        reverse("desk:conversation_action", args=[other.id, "merge"]), {"into": str(hidden.id)}
    )
    other.refresh_from_db()
    assert other.merged_into is None  # agent_a cannot see team B's conversation
    client.post(
        reverse("desk:conversation_action", args=[other.id, "merge"]),
        {"into": str(cast.conversation_a.id)},
    )
    other.refresh_from_db()
    assert other.merged_into == cast.conversation_a
    moved = cast.conversation_a.messages.get(body_text="Second question")
    client.post(
        reverse("desk:conversation_action", args=[cast.conversation_a.id, "split"]),
        {"message": str(moved.public_id)},
    )
    moved.refresh_from_db()
    assert moved.conversation_id not in (cast.conversation_a.id, other.id)
    for bad in ("", "not-a-uuid", "0" * 100):
        response = client.post(
            reverse("desk:conversation_action", args=[cast.conversation_a.id, "split"]),
            {"message": bad},
        )
        assert response.status_code == 302


def test_customer_360_beside_the_conversation(cast, login):
    order = f.make_order(cast.customer, number="NL-9", lines=(("TENT-2", 2, "100.00"),))
    f.make_shipment(order, carrier="dhl", tracking_number="JJD000", status="delivered")
    f.make_order(cast.customer, number="NL-10", lines=(("SOCK", 1, "9.50"),))
    past = f.make_conversation(cast.customer, team=cast.team_a, subject="Old question")
    client = login(cast.agent_a.user)
    with time_machine.travel("2026-07-01 12:00:00+00:00", tick=False):
        response = client.get(reverse("desk:conversation", args=[cast.conversation_a.id]))
    body = response.content.decode()
    assert response.context["order_count"] == 2
    assert response.context["lifetime_value"] == Decimal("209.50")
    assert "209.50 EUR" in body
    assert [p.id for p in response.context["past_conversations"]] == [past.id]
    for text in ("#NL-9", "2 × Product TENT-2", "JJD000", "Wed 14:00", "Old question"):
        assert text in body


def test_customer_merge_page(cast, login):
    dup = f.make_customer(cast.store, name="Clara K.", email="clara@old.example")
    f.make_conversation(dup, team=cast.team_a)
    client = login(cast.agent_a.user)
    client.post(
        reverse("desk:customer_merge", args=[cast.customer.public_id]),
        {"email": "CLARA@old.example"},
    )
    assert cast.customer.identities.filter(value="clara@old.example").exists()
    invisible = f.make_customer(cast.store, email="hidden@x.example")
    f.make_conversation(invisible, team=cast.team_b)
    client.post(
        reverse("desk:customer_merge", args=[cast.customer.public_id]),
        {"email": "hidden@x.example"},
    )
    assert not cast.customer.identities.filter(value="hidden@x.example").exists()
    response = client.post(
        reverse("desk:customer_merge", args=[cast.customer.public_id]),
        {"email": "hidden\x00@x.example"},
    )
    assert response.status_code == 302


def test_profile_validation(cast, login):
    client = login(cast.agent_a.user)
    response = client.post(
        reverse("desk:customer", args=[cast.customer.public_id]),
        {"name": "C", "language": "xx-invalid-lang", "time_zone": "Mars/Base"},
    )
    assert response.status_code == 400
    cast.customer.refresh_from_db()
    assert cast.customer.name == "Clara Kunde"


def test_reply_to_message_kinds(cast, login):
    client = login(cast.agent_a.user)
    client.post(
        reverse("desk:conversation_action", args=[cast.conversation_a.id, "reply"]),
        {"kind": "inbound", "text": "spoof"},
    )
    assert cast.conversation_a.messages.get(body_text="spoof").kind == Message.Kind.REPLY


HOSTILE = ["", "0", "-1", "9" * 40, "<script>alert(1)</script>", "../../etc", "\x00", "é" * 300]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_action_inputs_never_break_the_page(cast, login, value):
    client = login(cast.agent_a.user)
    fields = [
        "status",
        "priority",
        "category",
        "add",
        "remove",
        "team",
        "assignee",
        "into",
        "message",
        "until",
        "macro",
        "kind",
        "text",
    ]
    for action in (
        "status",
        "priority",
        "category",
        "tags",
        "assign",
        "merge",
        "split",
        "snooze",
        "wake",
        "reply",
    ):
        url = reverse("desk:conversation_action", args=[cast.conversation_a.id, action])
        response = client.post(url, dict.fromkeys(fields, value))
        assert response.status_code == 302, (action, value)
    response = client.post(reverse("desk:bulk"), {"ids": [value], "action": value})
    assert response.status_code == 302
    cast.conversation_a.refresh_from_db()
    assert cast.conversation_a.status in {"new", "open"}


def test_unknown_action_is_404(cast, login):
    client = login(cast.agent_a.user)
    url = reverse("desk:conversation_action", args=[cast.conversation_a.id, "delete"])
    assert client.post(url).status_code == 404


def test_mention_mail_speaks_the_agents_language(cast, login, django_capture_on_commit_callbacks):
    cast.agent_a.display_language = "de"
    cast.agent_a.save()
    client = login(cast.supervisor_a.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("desk:conversation_action", args=[cast.conversation_a.id, "reply"]),
            {"kind": "note", "text": "@agent.a bitte DHL anrufen"},
        )
    assert mail.outbox[0].subject == (
        f"Supervisor.A hat Sie in Konversation #{cast.conversation_a.id} erwähnt"
    )


def test_merging_by_an_address_typed_with_its_unicode_domain(cast, login):
    duplicate = f.make_customer(cast.store, name="C. Kunde", email="clara@xn--mller-kva.de")
    f.make_conversation(duplicate, team=cast.team_a)
    client = login(cast.agent_a.user)
    response = client.post(
        reverse("desk:customer_merge", args=[cast.customer.public_id]),
        {"email": "Clara@Müller.DE"},
        follow=True,
    )
    assert "Customer records merged." in response.content.decode()
    assert not Customer.objects.filter(id=duplicate.id).exists()
    assert cast.customer.identities.filter(value="clara@xn--mller-kva.de").exists()
