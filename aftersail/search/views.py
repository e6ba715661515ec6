"""The desk's search page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from aftersail.accounts.access import agent_required
from aftersail.accounts.actors import Actor
from aftersail.search.selectors import MAX_QUERY_LENGTH, excerpt, search_for, terms_of

PAGE_SIZE = 50


@agent_required
def search_page(request: HttpRequest) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()
    terms = terms_of(query)
    hits = search_for(Actor.of_agent(agent), query, limit=PAGE_SIZE) if query else []
    rows = [(hit, excerpt(hit.text, terms)) for hit in hits]
    return render(request, "search/search.html", {"agent": agent, "query": query, "rows": rows})
