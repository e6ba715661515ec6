"""Search in the REST API."""

from uuid import UUID

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from aftersail.api.auth import caller
from aftersail.api.models import Scope
from aftersail.api.schemas import Input
from aftersail.search.models import DocumentKind
from aftersail.search.selectors import excerpt, search_for, terms_of

router = Router(tags=["search"])


class SearchQuery(Input):
    q: str = Field(min_length=1, max_length=200, description="Words, an order number, ...")
    limit: int = Field(20, ge=1, le=100)


class HitOut(Schema):
    kind: DocumentKind
    title: str
    excerpt: str
    conversation_id: UUID | None
    conversation_number: int | None
    customer_id: UUID | None
    customer_name: str | None


class SearchOut(Schema):
    query: str
    items: list[HitOut]


@router.get("", response=SearchOut, summary="Search everything the caller may see")
def search_all(request: HttpRequest, params: Query[SearchQuery]) -> SearchOut:
    """Conversations (subject), messages (text), customers (name, email), orders (number,
    customer email) and shipments (tracking number). Exact order numbers, email addresses
    and tracking numbers come first; then the newest matches."""
    who = caller(request)
    who.require(Scope.SEARCH)
    terms = terms_of(params.q)
    hits = search_for(who.actor, params.q, limit=params.limit)
    return SearchOut(
        query=params.q,
        items=[
            HitOut(
                kind=DocumentKind(hit.kind),
                title=hit.title,
                excerpt=excerpt(hit.text, terms),
                conversation_id=hit.conversation.public_id if hit.conversation else None,
                conversation_number=hit.conversation_id,
                customer_id=hit.customer.public_id if hit.customer else None,
                customer_name=hit.customer.name if hit.customer else None,
            )
            for hit in hits
        ],
    )
