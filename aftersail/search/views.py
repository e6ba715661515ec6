"""The desk's search page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from aftersail.accounts.access import agent_required
from aftersail.api.auth import Caller
from aftersail.search.services import MAX_QUERY_LENGTH, excerpt, search, terms_of

PAGE_SIZE = 50


@agent_required
def search_page(request: HttpRequest) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()
    terms = terms_of(query)
    hits = search(query, Caller(agent=agent).search_visibility(), limit=PAGE_SIZE) if query else []
    rows = [(hit, excerpt(hit.text, terms)) for hit in hits]
    return render(request, "search/search.html", {"agent": agent, "query": query, "rows": rows})
