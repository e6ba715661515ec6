"""Language-aware full-text search over published article versions.

SQLite: an FTS5 table (``knowledge_fts``, rowid = version id) ranked with bm25.
PostgreSQL: ``to_tsvector`` with the language's text-search configuration where PostgreSQL
ships one (its stemmers), ``simple`` otherwise, ranked with ``ts_rank``.
Japanese has no spaces between words, so its text is indexed and queried as overlapping
character bigrams, the usual approach for CJK full-text search without a morphological
analyser.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F

from aftersail.commerce.models import Store
from aftersail.knowledge.models import ArticleVersion

# PostgreSQL's built-in text search configurations (see `\dF` in psql); Polish and Japanese
# have none, so they use 'simple' (lower-cased words, no stemming).
PG_CONFIGS = {"en": "english", "de": "german", "fr": "french", "es": "spanish"}
BIGRAM_LANGUAGES = {"ja", "zh", "ko"}
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af\uff66-\uff9f]+")
MAX_QUERY_TERMS = 24
# Without a stemmer in SQLite, query words are matched by their first letters, so that
# "returned" finds "return" and "Lieferung" finds "liefern"; titles weigh more than bodies.
PREFIX_LENGTH = 5
TITLE_WEIGHT = 4.0


@dataclass(frozen=True)
class SearchHit:
    version: ArticleVersion
    score: float

    @property
    def title(self) -> str:
        return self.version.title


_HIRAGANA = re.compile(r"^[\u3040-\u309f]+$")

# The commonest function words, which would otherwise rank every article alike.
STOPWORDS = {
    "en": "the a an i my me is are do does to of in on for and or it you we can how what my "
          "with be have has was want would please",
    "de": "der die das ein eine einen ich mein meine meinen ist sind wie was zu von in im auf "
          "für und oder es sie wir kann muss habe hat mit bitte",
    "fr": "le la les un une des je j mon ma mes est sont comment quel quelle de du en à a au "
          "pour et ou il vous nous puis ai avec",
    "es": "el la los las un una yo mi mis es son cómo qué de del en a al para y o tengo puedo "
          "me con por",
    "pl": "i w na z do jest są jak co czy mój moja moje się to o mi mam mogę",
}  # fmt: skip
_STOPWORDS = {language: set(words.split()) for language, words in STOPWORDS.items()}


def _bigrams(run: str) -> str:
    if len(run) == 1:
        return run
    # Bigrams of hiragana alone are mostly grammar (した, です); kanji and katakana carry meaning.
    pairs = [run[i : i + 2] for i in range(len(run) - 1)]
    return " ".join(pair for pair in pairs if not _HIRAGANA.match(pair)) or run


def prepare_text(text: str, language: str) -> str:
    """Text as the index sees it: NFKC-normalized, lower case, CJK runs as bigrams."""
    text = unicodedata.normalize("NFKC", text).lower()
    if language.split("-")[0] in BIGRAM_LANGUAGES:
        text = _CJK.sub(lambda match: " " + _bigrams(match.group(0)) + " ", text)
    return text


def query_terms(query: str, language: str) -> list[str]:
    """The query's words (CJK as bigrams), deduplicated; never any search-syntax character."""
    terms: list[str] = []
    stopwords = _STOPWORDS.get(language.split("-")[0], set())
    for word in _WORD.findall(prepare_text(query[:500], language)):
        if word not in terms and word not in stopwords:
            terms.append(word)
    return terms[:MAX_QUERY_TERMS]


def index_version(version: ArticleVersion) -> None:
    """Brings the index in line with ``version``: published versions in, drafts out."""
    version.search_document = prepare_text(f"{version.title}\n{version.body}", version.language)
    ArticleVersion.objects.filter(id=version.id).update(search_document=version.search_document)
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM knowledge_fts WHERE rowid = %s", [version.id])
        if version.is_published:
            cursor.execute(
                "INSERT INTO knowledge_fts (rowid, language, title, document) "
                "VALUES (%s, %s, %s, %s)",
                [version.id, version.language, prepare_text(version.title, version.language),
                 version.search_document],
            )  # fmt: skip


def unindex_version(version_id: int) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM knowledge_fts WHERE rowid = %s", [version_id])


def search_versions(store: Store, query: str, language: str, limit: int = 5) -> list[SearchHit]:
    terms = query_terms(query, language)
    if not terms or limit <= 0:
        return []
    published = ArticleVersion.objects.filter(
        article__store=store, language=language, status=ArticleVersion.Status.PUBLISHED
    ).select_related("article", "article__category")
    if connection.vendor == "sqlite":
        return _search_sqlite(published, terms, language, limit)
    return _search_postgres(published, terms, language, limit)


def _search_sqlite(published, terms, language, limit):  # type: ignore[no-untyped-def]
    match = " OR ".join(_fts_term(term, language) for term in terms)
    rank = f"bm25(knowledge_fts, 0, {TITLE_WEIGHT}, 1.0)"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, {rank} FROM knowledge_fts "  # noqa: S608 (constants only)
            f"WHERE knowledge_fts MATCH %s AND language = %s ORDER BY {rank} LIMIT %s",
            [match, language, limit * 4],
        )
        ranked = [(int(row[0]), -float(row[1])) for row in cursor.fetchall()]
    versions = published.in_bulk([version_id for version_id, _score in ranked])
    hits = [SearchHit(versions[vid], score) for vid, score in ranked if vid in versions]
    return hits[:limit]


def _fts_term(term: str, language: str) -> str:
    if language.split("-")[0] in BIGRAM_LANGUAGES or len(term) < 4:
        return f'"{term}"'
    return f'"{term[:PREFIX_LENGTH]}" *'


def _search_postgres(published, terms, language, limit):  # type: ignore[no-untyped-def]
    config = PG_CONFIGS.get(language.split("-")[0], "simple")
    vector = SearchVector(F("search_document"), config=config)
    # Each term is only word characters (see query_terms), so the raw tsquery is safe.
    bigrams = language.split("-")[0] in BIGRAM_LANGUAGES
    raw = " | ".join(term if bigrams or len(term) < 4 else f"{term}:*" for term in terms)
    tsquery = SearchQuery(raw, search_type="raw", config=config)
    rows = (
        published.annotate(rank=SearchRank(vector, tsquery))
        .filter(rank__gt=0)
        .order_by("-rank", "id")[:limit]
    )
    return [SearchHit(version, float(version.rank)) for version in rows]
