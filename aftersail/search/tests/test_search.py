"""Search: what is found, exact identifiers, visibility, the page and the API."""

import pytest
from django.urls import reverse

from aftersail.api.models import Scope
from aftersail.conversations.actions import NewMessage, do_add_message
from aftersail.conversations.models import Message
from aftersail.search.indexing import rebuild_index
from aftersail.search.models import SearchDocument
from aftersail.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(cast):
    order = f.make_order(cast.customer, number="NL-10023")
    f.make_shipment(order, tracking_number="00340434161094042557")
    do_add_message(
        cast.conversation_b,
        NewMessage(kind="inbound", author_kind="customer", text="The zipper of my jacket broke"),
    )
    return cast


def _kinds(client, q):
    response = client.get("/api/v1/search", {"q": q})
    assert response.status_code == 200, response.content
    return [(hit["kind"], hit["title"]) for hit in response.json()["items"]]


def test_finds_each_kind_and_exact_identifiers(data, login):
    client = login(data.admin.user)
    assert _kinds(client, "NL-10023") == [("order", "NL-10023")]
    assert _kinds(client, "nl-10023") == [("order", "NL-10023")]
    assert _kinds(client, "00340434161094042557") == [("shipment", "00340434161094042557")]
    by_email = _kinds(client, "Customer@Mail.example")
    assert by_email == [("order", "NL-10023"), ("customer", "Clara Kunde")]
    assert _kinds(client, "zipper jack") == [("message", "Refund please")]
    assert _kinds(client, "paket") == [("message", "Paket fehlt"), ("conversation", "Paket fehlt")]
    assert _kinds(client, "clara") == [("customer", "Clara Kunde")]
    assert _kinds(client, "zipper sofa") == []


def test_diacritics_and_case_do_not_matter(data, login):
    data.customer.name = "Zoë Ångström"
    data.customer.save()
    assert _kinds(login(data.admin.user), "zoe angstrom") == [("customer", "Zoë Ångström")]


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        ("admin", {"Paket fehlt", "Refund please", "Invoice copy"}),
        ("supervisor_a", {"Paket fehlt"}),
        ("agent_a", {"Paket fehlt"}),
        ("agent_b", {"Refund please"}),
        ("outsourced", {"Invoice copy"}),
    ],
)
def test_results_obey_visibility(data, login, member, expected):
    client = login(getattr(data, member).user)
    for conversation in data.conversations:
        do_add_message(
            conversation,
            NewMessage(kind="note", author_kind="agent", text="escalated to warehouse"),
        )
    found = {title for _kind, title in _kinds(client, "warehouse")}
    assert found == expected
    orders = _kinds(client, "NL-10023")
    assert orders == ([("order", "NL-10023")] if "Paket fehlt" in expected else [])


def test_keys_search_their_store_and_teams(data, bearer):
    other = f.make_store()
    f.make_order(f.make_customer(other), number="NL-10023-X")
    f.make_order(f.make_customer(other), number="ZZ-1")
    assert _kinds(bearer(), "ZZ-1") == []
    assert _kinds(bearer(teams=[data.team_b]), "NL-10023") == []
    assert _kinds(bearer(teams=[data.team_b]), "zipper") == [("message", "Refund please")]
    assert bearer(scopes=[Scope.ORDERS_READ]).get("/api/v1/search", {"q": "x"}).status_code == 403


@pytest.mark.parametrize(
    "q",
    [
        '"',
        "*",
        "AND OR NOT",
        'a" OR "b',
        "'; DROP TABLE x; --",
        "NEAR(a b)",
        "^",
        "x" * 199,
        "-",
        "()",
        "\\",
        "a:*",
        "日本語",
        "🙂",
    ],
)
def test_hostile_queries_do_not_break_the_search(data, login, q):
    client = login(data.admin.user)
    assert client.get("/api/v1/search", {"q": q}).status_code == 200
    assert client.get(reverse("search:page"), {"q": q}).status_code == 200


@pytest.mark.parametrize("q", ["", "x" * 201])
def test_bad_api_queries_are_422(data, login, q):
    assert login(data.admin.user).get("/api/v1/search", {"q": q}).status_code == 422


def test_index_follows_changes_and_deletes(data, login):
    client = login(data.admin.user)
    data.conversation_b.subject = "Broken tent pole"
    data.conversation_b.save()
    assert _kinds(client, "tent pole") == [("conversation", "Broken tent pole")]
    data.conversation_b.messages.all().delete()
    assert _kinds(client, "zipper") == []


def test_rebuild_gives_the_same_index(data):
    before = set(SearchDocument.objects.values_list("kind", "object_id", "text"))
    Message.objects.bulk_create(
        [
            Message(
                conversation=data.conversation_a,
                kind="note",
                author_kind="agent",
                channel="email",
                body_text="bulk loaded",
            )
        ]
    )
    assert rebuild_index() == len(before) + 1
    after = set(SearchDocument.objects.values_list("kind", "object_id", "text"))
    assert before < after


@pytest.mark.parametrize("member", ["agent_a", "agent_b", "outsourced", "supervisor_a", "admin"])
def test_search_page_for_agents(data, login, member):
    response = login(getattr(data, member).user).get(reverse("search:page"), {"q": "paket"})
    assert response.status_code == 200
    visible = member in ("agent_a", "supervisor_a", "admin")
    assert ("Paket fehlt" in response.content.decode()) is visible


def test_search_page_is_closed_to_customers_and_anonymous(data, login):
    url = reverse("search:page")
    assert login(data.customer_user).get(url).status_code == 403
    anonymous = login(None).get(url, {"q": "x"})
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("desk:login"))


@pytest.mark.parametrize(("notes", "rows"), [(0, 2), (30, 32), (60, 50)])
def test_search_page_query_count_is_fixed(data, login, django_assert_num_queries, notes, rows):
    client = login(data.agent_a.user)
    for n in range(notes):
        do_add_message(
            data.conversation_a,
            NewMessage(kind="note", author_kind="agent", text=f"paket note {n}"),
        )
    # session, user, agent; the full-text ids; the page's documents
    with django_assert_num_queries(5):
        response = client.get(reverse("search:page"), {"q": "paket"})
    assert len(response.context["rows"]) == rows
    # An identifier-shaped query adds the lookup of identifiers and, when one matched,
    # the check of its visibility: 7 whatever the number of hits.
    with django_assert_num_queries(7):
        response = client.get(reverse("search:page"), {"q": "NL-10023"})
    assert [hit.title for hit, _excerpt in response.context["rows"]][:1] == ["NL-10023"]


def test_an_address_typed_with_its_unicode_domain_finds_the_customer(cast, login):
    buyer = f.make_customer(cast.store, name="Jörg Bücher", email="jörg@xn--bcher-kva.de")
    f.make_conversation(buyer, team=cast.team_a)
    rebuild_index()
    client = login(cast.admin.user)
    assert _kinds(client, "Jörg@Bücher.DE") == [("customer", "Jörg Bücher")]
    assert _kinds(client, "jörg@xn--bcher-kva.de") == [("customer", "Jörg Bücher")]
