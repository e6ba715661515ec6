"""Help-centre articles: one article, one version per language, each a draft or published."""

from __future__ import annotations

from django.db import models

from aftersail.core.fields import LanguageField
from aftersail.core.models import TimeStampedModel


class ArticleCategory(TimeStampedModel):
    store = models.ForeignKey(
        "commerce.Store", on_delete=models.CASCADE, related_name="article_categories"
    )
    slug = models.SlugField(max_length=80)
    titles = models.JSONField(default=dict, help_text='Title per language: {"en": "Shipping"}.')
    position = models.PositiveSmallIntegerField(default=0)

    class Meta(TimeStampedModel.Meta):
        ordering = ["store", "position", "slug"]
        verbose_name_plural = "article categories"
        constraints = [
            models.UniqueConstraint(fields=["store", "slug"], name="category_slug_unique_per_store")
        ]

    def __str__(self) -> str:
        return self.slug

    def title_in(self, language: str, fallback: str = "en") -> str:
        return str(self.titles.get(language) or self.titles.get(fallback) or self.slug)


class Article(TimeStampedModel):
    store = models.ForeignKey("commerce.Store", on_delete=models.CASCADE, related_name="articles")
    category = models.ForeignKey(
        ArticleCategory, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    slug = models.SlugField(max_length=120)
    fallback_language = LanguageField(
        default="en", help_text="Shown to visitors whose language has no published version."
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta(TimeStampedModel.Meta):
        ordering = ["store", "position", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["store", "slug"], name="article_slug_unique_per_store")
        ]

    def __str__(self) -> str:
        return self.slug


class ArticleVersion(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"  # visible to agents only
        PUBLISHED = "published", "Published"  # in the help centre and in search

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    language = LanguageField()
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="Plain text; blank lines separate paragraphs.")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    search_document = models.TextField(
        blank=True, editable=False, help_text="Title and body prepared for full-text search."
    )

    class Meta(TimeStampedModel.Meta):
        ordering = ["article", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="one_version_per_article_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article.slug} [{self.language}]"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def paragraphs(self) -> list[str]:
        return [part.strip() for part in self.body.split("\n\n") if part.strip()]


class ArticleFeedback(TimeStampedModel):
    """One "was this helpful?" answer from a visitor of the help centre."""

    version = models.ForeignKey(ArticleVersion, on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField()

    class Meta(TimeStampedModel.Meta):
        ordering = ["-created_at", "-id"]
