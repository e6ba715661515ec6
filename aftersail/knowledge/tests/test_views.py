"""The help centre in the visitor's language, feedback, and the agents' link endpoint."""

from __future__ import annotations

import pytest
from django.test import Client

from aftersail.demo.articles import load_demo_articles
from aftersail.knowledge.models import Article, ArticleFeedback
from aftersail.knowledge.services import FEEDBACK_LIMIT, do_save_version


@pytest.fixture
def kb(cast):  # type: ignore[no-untyped-def]
    load_demo_articles(cast.store)
    return cast


def test_help_centre_speaks_the_visitors_language(kb) -> None:  # type: ignore[no-untyped-def]
    response = Client(headers={"accept-language": "fr"}).get("/help/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Quel est le délai de livraison ?" in html
    assert "Expédition et livraison" in html
    assert "How long does delivery take?" not in html


def test_lang_parameter_wins_and_article_falls_back(kb) -> None:  # type: ignore[no-untyped-def]
    article = Article.objects.create(store=kb.store, slug="care", fallback_language="en")
    do_save_version(article, "en", title="Caring for down", body="Wash cold.", publish=True)
    do_save_version(article, "de", title="Daunenpflege", body="Kalt waschen.")  # draft
    response = Client().get("/help/care/?lang=de")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Caring for down" in html and "Daunenpflege" not in html
    assert "Dieser Artikel ist noch nicht in Ihrer Sprache verfügbar." in html
    assert (
        Client().get("/help/returns/?lang=ja").content.decode().count("商品を返品するには？") >= 1
    )


def test_unknown_or_unpublished_articles_are_404(kb) -> None:  # type: ignore[no-untyped-def]
    article = Article.objects.create(store=kb.store, slug="secret")
    do_save_version(article, "en", title="Secret", body="Draft only.")
    assert Client().get("/help/secret/").status_code == 404
    assert Client().get("/help/nothing-here/").status_code == 404


def test_search_page(kb) -> None:  # type: ignore[no-untyped-def]
    html = Client().get("/help/search/", {"q": "Zoll", "lang": "de"}).content.decode()
    assert "Fallen Zölle oder Einfuhrumsatzsteuer an?" in html
    html = Client().get("/help/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_feedback_is_recorded_and_rate_limited(kb) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    response = client.post("/help/warranty/feedback/?lang=es", {"helpful": "yes"})
    assert response.status_code == 303
    assert response["Location"] == "/help/warranty/?lang=es&thanks=1"
    feedback = ArticleFeedback.objects.get()
    assert feedback.helpful is True and feedback.version.language == "es"
    assert client.post("/help/warranty/feedback/", {"helpful": "maybe"}).status_code == 400
    for _ in range(FEEDBACK_LIMIT - 1):
        assert client.post("/help/warranty/feedback/", {"helpful": "no"}).status_code == 303
    assert client.post("/help/warranty/feedback/", {"helpful": "no"}).status_code == 429
    assert ArticleFeedback.objects.count() == FEEDBACK_LIMIT
    assert client.get("/help/warranty/feedback/").status_code == 405


def test_agent_gets_the_link_in_the_conversations_language(kb, login) -> None:  # type: ignore[no-untyped-def]
    url = f"/desk/kb/conversations/{kb.conversation_a.id}/articles/returns/link/"
    response = login(kb.agent_a.user).get(url)
    assert response.status_code == 200
    assert response.json() == {
        "title": "Wie kann ich einen Artikel zurücksenden?",
        "language": "de",
        "url": "http://127.0.0.1:8000/help/returns/?lang=de",
        "text": "Wie kann ich einen Artikel zurücksenden?: http://127.0.0.1:8000/help/returns/?lang=de",
    }


@pytest.mark.parametrize(
    ("who", "status"),
    [("admin", 200), ("supervisor_a", 200), ("agent_a", 200), ("agent_b", 404),
     ("outsourced", 404), ("customer", 403), ("anonymous", 302)],
)  # fmt: skip
def test_desk_endpoints_permissions(kb, login, who, status) -> None:  # type: ignore[no-untyped-def]
    user = None if who == "anonymous" else (
        kb.customer_user if who == "customer" else getattr(kb, who).user
    )  # fmt: skip
    client = login(user)
    base = f"/desk/kb/conversations/{kb.conversation_a.id}/articles/"
    assert client.get(base + "returns/link/").status_code == status
    response = client.get(base, {"q": "Rücksendung"})
    assert response.status_code == status
    if status == 200:
        assert "Wie kann ich einen Artikel zurücksenden?" in response.content.decode()
        assert "/articles/returns/link/" in response.content.decode()
