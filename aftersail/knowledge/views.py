"""The public help centre (``/help/``) in the visitor's language, and the agents' endpoints
for finding an article and inserting its link into a reply."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_POST

from aftersail.accounts.access import agent_required
from aftersail.commerce.models import Store
from aftersail.commerce.selectors import portal_store
from aftersail.conversations.selectors import visible_conversations
from aftersail.core.localization import supported_language
from aftersail.core.ratelimit import client_ip
from aftersail.knowledge import services
from aftersail.knowledge.models import Article, ArticleCategory, ArticleVersion


def _visitor_language(request: HttpRequest) -> str:
    """``?lang=`` (links sent to customers carry it) wins over the browser's preference."""
    chosen = supported_language(request.GET.get("lang"))
    if chosen:
        translation.activate(chosen)
        request.LANGUAGE_CODE = chosen
    return get_language() or settings.LANGUAGE_CODE


def _page(request: HttpRequest, template: str, store: Store, **extra: Any) -> HttpResponse:
    return render(request, template, {"store": store, **extra})


def _store_or_404() -> Store:
    store = portal_store()
    if store is None:
        raise Http404("no store")
    return store


@require_GET
def help_index(request: HttpRequest) -> HttpResponse:
    language = _visitor_language(request)
    store = _store_or_404()
    sections = []
    articles = Article.objects.filter(store=store).select_related("store", "category")
    for category in [*ArticleCategory.objects.filter(store=store), None]:
        entries = []
        for article in articles:
            if article.category_id != (category.id if category else None):
                continue
            version = services.published_version(article, language)
            if version is not None:
                entries.append(
                    {"version": version, "url": services.article_path(article, language)}
                )
        if entries:
            title = category.title_in(language, store.default_language) if category else ""
            sections.append({"title": title, "entries": entries})
    return _page(request, "knowledge/help_index.html", store, sections=sections)


@require_GET
def help_search(request: HttpRequest) -> HttpResponse:
    language = _visitor_language(request)
    store = _store_or_404()
    query = request.GET.get("q", "")[:200]
    results = services.search_articles(store, query, language, limit=10) if query else []
    return _page(request, "knowledge/help_search.html", store, query=query, results=results)


@require_GET
def help_article(request: HttpRequest, slug: str) -> HttpResponse:
    language = _visitor_language(request)
    store = _store_or_404()
    article = get_object_or_404(Article.objects.select_related("store"), store=store, slug=slug)
    version = services.published_version(article, language)
    if version is None:
        raise Http404("no published version")
    thanked = request.GET.get("thanks") == "1"
    return _page(
        request,
        "knowledge/help_article.html",
        store,
        version=version,
        other_language=version.language != language,
        thanked=thanked,
    )


@require_POST
def help_feedback(request: HttpRequest, slug: str) -> HttpResponse:
    language = _visitor_language(request)
    store = _store_or_404()
    article = get_object_or_404(Article.objects.select_related("store"), store=store, slug=slug)
    version = services.published_version(article, language)
    if version is None or request.POST.get("helpful") not in ("yes", "no"):
        return HttpResponse(status=400)
    if not services.check_feedback_allowed(client_ip(request.META)):
        return HttpResponse(status=429)
    services.do_record_feedback(version, helpful=request.POST["helpful"] == "yes")
    response = HttpResponse(status=303)
    response["Location"] = services.article_path(article, language) + "&thanks=1"
    return response


@agent_required
@require_GET
def desk_search(request: HttpRequest, number: int) -> HttpResponse:
    """Articles for the conversation's language; the include renders "insert link" buttons."""
    conversation = get_object_or_404(
        visible_conversations(request.agent).select_related("store"),  # type: ignore[attr-defined]
        id=number,
    )
    language = supported_language(conversation.language) or conversation.store.default_language
    query = request.GET.get("q", "")[:200]
    results = services.search_articles(conversation.store, query, language, limit=8)
    return render(
        request,
        "knowledge/desk_article_picker.html",
        {"conversation": conversation, "results": results, "query": query},
    )


@agent_required
@require_GET
def desk_article_link(request: HttpRequest, number: int, slug: str) -> JsonResponse:
    """The article's title and link in the conversation's language, for the reply box."""
    conversation = get_object_or_404(
        visible_conversations(request.agent).select_related("store"),  # type: ignore[attr-defined]
        id=number,
    )
    article = get_object_or_404(
        Article.objects.select_related("store"), store=conversation.store, slug=slug
    )
    wanted = supported_language(conversation.language) or conversation.store.default_language
    version: ArticleVersion | None = services.published_version(article, wanted)
    if version is None:
        raise Http404("no published version")
    url = services.article_url(article, version.language)
    return JsonResponse(
        {
            "title": version.title,
            "language": version.language,
            "url": url,
            "text": f"{version.title}: {url}",
        }
    )
