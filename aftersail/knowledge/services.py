"""Writing and reading the knowledge base: ``do_*`` changes it, the rest reads it."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from aftersail.commerce.models import Store
from aftersail.core import ratelimit
from aftersail.knowledge.models import Article, ArticleFeedback, ArticleVersion
from aftersail.knowledge.search import index_version, search_versions

FEEDBACK_LIMIT = 20  # answers per visitor address per hour
FEEDBACK_WINDOW = 3600


class KnowledgeError(ValueError):
    pass


@transaction.atomic
def do_save_version(
    article: Article, language: str, *, title: str, body: str, publish: bool = False
) -> ArticleVersion:
    """Creates or updates the article's version in ``language``; a published version that
    is edited stays published (its new text is what visitors see)."""
    title, body = title.strip(), body.strip()
    if not title or not body:
        raise KnowledgeError("an article version needs a title and a body")
    version, _created = ArticleVersion.objects.get_or_create(
        article=article, language=language, defaults={"title": title, "body": body}
    )
    version.title, version.body = title[:200], body
    if publish and not version.is_published:
        version.status = ArticleVersion.Status.PUBLISHED
        version.published_at = timezone.now()
    version.save()
    index_version(version)
    return version


@transaction.atomic
def do_publish(version: ArticleVersion) -> None:
    if version.is_published:
        return
    version.status = ArticleVersion.Status.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_at", "updated_at"])
    index_version(version)


@transaction.atomic
def do_unpublish(version: ArticleVersion) -> None:
    if not version.is_published:
        return
    version.status = ArticleVersion.Status.DRAFT
    version.save(update_fields=["status", "updated_at"])
    index_version(version)


def published_version(article: Article, language: str) -> ArticleVersion | None:
    """The version a visitor speaking ``language`` reads: theirs, else the article's
    fallback language, else the store's default language; None when nothing is published."""
    versions = {
        version.language: version
        for version in article.versions.filter(status=ArticleVersion.Status.PUBLISHED)
    }
    for candidate in (language, article.fallback_language, article.store.default_language):
        if candidate in versions:
            return versions[candidate]
    return None


def article_path(article: Article, language: str) -> str:
    return f"{reverse('knowledge:article', args=[article.slug])}?lang={language}"


def article_url(article: Article, language: str) -> str:
    return settings.SITE_URL.rstrip("/") + article_path(article, language)


@dataclass(frozen=True)
class ArticleResult:
    """What the assistant and the desk get back from a search."""

    article_id: int
    slug: str
    language: str
    title: str
    url: str
    snippet: str
    score: float


def search_articles(store: Store, query: str, language: str, limit: int = 5) -> list[ArticleResult]:
    """Published articles of ``store`` matching ``query`` in ``language``, best first."""
    results = []
    for hit in search_versions(store, query, language, limit):
        version = hit.version
        paragraphs = version.paragraphs()
        snippet = paragraphs[0][:240] if paragraphs else ""
        results.append(
            ArticleResult(
                article_id=version.article_id,
                slug=version.article.slug,
                language=version.language,
                title=version.title,
                url=article_url(version.article, version.language),
                snippet=snippet,
                score=hit.score,
            )
        )
    return results


def check_feedback_allowed(identity: str) -> bool:
    return ratelimit.hit(
        "kb-feedback", identity, limit=FEEDBACK_LIMIT, window_seconds=FEEDBACK_WINDOW
    )


def do_record_feedback(version: ArticleVersion, *, helpful: bool) -> ArticleFeedback:
    return ArticleFeedback.objects.create(version=version, helpful=helpful)


def feedback_counts(version: ArticleVersion) -> tuple[int, int]:
    helpful = version.feedback.filter(helpful=True).count()
    return helpful, version.feedback.count() - helpful
