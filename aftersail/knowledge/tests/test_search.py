"""Search finds the right article for queries in the article's language."""

from __future__ import annotations

import pytest

from aftersail.demo.articles import load_demo_articles
from aftersail.knowledge.models import Article, ArticleVersion
from aftersail.knowledge.search import prepare_text, query_terms
from aftersail.knowledge.selectors import search_articles, search_for_assistant
from aftersail.knowledge.services import do_publish, do_save_version, do_unpublish
from aftersail.testing import factories as f

QUERIES = [
    ("en", "how long does delivery take to France", "shipping-times"),
    ("en", "I want to return my jacket", "returns"),
    ("en", "do I have to pay customs duties in Switzerland", "customs-duties"),
    ("en", "the zipper is defective, is there a warranty", "warranty"),
    ("en", "cancel my order", "order-changes"),
    ("de", "Wie lange dauert die Lieferung nach Österreich?", "shipping-times"),
    ("de", "Ich möchte die Jacke zurücksenden", "returns"),
    ("de", "Muss ich Zoll bezahlen?", "customs-duties"),
    ("de", "Gewährleistung für defekte Schuhe", "warranty"),
    ("de", "Bestellung stornieren", "order-changes"),
    ("fr", "délai de livraison en Belgique", "shipping-times"),
    ("fr", "comment retourner un article", "returns"),
    ("fr", "droits de douane pour la Suisse", "customs-duties"),
    ("fr", "garantie produit défectueux", "warranty"),
    ("fr", "annuler ma commande", "order-changes"),
    ("es", "¿cuánto tarda la entrega?", "shipping-times"),
    ("es", "quiero hacer una devolución", "returns"),
    ("es", "aranceles en Reino Unido", "customs-duties"),
    ("es", "garantía de un artículo defectuoso", "warranty"),
    ("es", "cancelar mi pedido", "order-changes"),
    ("pl", "jak długo trwa dostawa", "shipping-times"),
    ("pl", "zwrot towaru", "returns"),
    ("pl", "czy zapłacę cło", "customs-duties"),
    ("pl", "gwarancja na wadliwy produkt", "warranty"),
    ("pl", "anulować zamówienie", "order-changes"),
    ("ja", "配送にはどのくらいかかりますか", "shipping-times"),
    ("ja", "返品したいです", "returns"),
    ("ja", "関税はかかりますか", "customs-duties"),
    ("ja", "商品に不具合があります。保証は？", "warranty"),
    ("ja", "注文をキャンセルしたい", "order-changes"),
]


@pytest.fixture
def store(db: None):  # type: ignore[no-untyped-def]
    store = f.make_store(slug="kb")
    load_demo_articles(store)
    return store


@pytest.mark.parametrize(("language", "query", "slug"), QUERIES)
def test_search_finds_the_article_in_its_language(store, language, query, slug) -> None:  # type: ignore[no-untyped-def]
    results = search_articles(store, query, language, limit=3)
    assert results, f"nothing found for {query!r}"
    assert results[0].slug == slug
    assert results[0].language == language
    assert results[0].url.endswith(f"/help/{slug}/?lang={language}")


def test_search_stays_in_the_store_and_language(store) -> None:  # type: ignore[no-untyped-def]
    other = f.make_store(slug="other")
    assert search_articles(other, "delivery", "en") == []
    assert search_articles(store, "Lieferung", "en") == []
    found = search_articles(store, "Lieferung", "de")
    assert found[0].slug == "shipping-times"
    assert {r.language for r in found} == {"de"}


def test_drafts_are_not_found_until_published(store) -> None:  # type: ignore[no-untyped-def]
    article = Article.objects.create(store=store, slug="gift-cards")
    version = do_save_version(article, "en", title="Gift cards", body="Vouchers never expire.")
    assert version.status == ArticleVersion.Status.DRAFT
    assert search_articles(store, "vouchers", "en") == []
    do_publish(version)
    assert [r.slug for r in search_articles(store, "vouchers", "en")] == ["gift-cards"]
    do_unpublish(version)
    assert search_articles(store, "vouchers", "en") == []


def test_editing_a_published_version_reindexes_it(store) -> None:  # type: ignore[no-untyped-def]
    article = Article.objects.get(store=store, slug="warranty")
    do_save_version(article, "en", title="Warranty", body="Lifetime repairs for backpacks.")
    assert [r.slug for r in search_articles(store, "backpacks", "en")] == ["warranty"]
    assert search_articles(store, "guarantee", "en") == []


@pytest.mark.parametrize(
    "query",
    ['"', "NEAR(", "a* OR", "'; DROP TABLE knowledge_fts; --", "\x00", "*", "^", "-", "((", "_",
     "x" * 5000, "AND OR NOT", "title:foo", "🙂🙂"],
)  # fmt: skip
def test_hostile_queries_never_break_search(store, query) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(search_articles(store, query, "en"), list)


def test_japanese_is_indexed_as_bigrams() -> None:
    assert prepare_text("返品したい", "ja") == " 返品 品し "
    assert query_terms("返品", "ja") == ["返品"]
    assert query_terms("Return RETURN return", "en") == ["return"]


def test_the_assistants_hook_returns_titles_and_links(store) -> None:  # type: ignore[no-untyped-def]
    (first, *_rest) = search_for_assistant("Zoll bezahlen", "de-AT", store)
    assert first.title == "Fallen Zölle oder Einfuhrumsatzsteuer an?"
    assert first.url == "http://127.0.0.1:8000/help/customs-duties/?lang=de"
