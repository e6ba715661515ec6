"""The REST API under /api/v1, documented by its OpenAPI schema at /api/v1/openapi.json."""

from __future__ import annotations

from ninja import NinjaAPI

from aftersail import __version__
from aftersail.api.auth import AgentSession, ApiKeyBearer
from aftersail.api.conversations import router as conversations_router
from aftersail.api.customers import router as customers_router
from aftersail.api.ops import router as ops_router
from aftersail.api.orders import router as orders_router
from aftersail.api.search import router as search_router

api = NinjaAPI(
    title="Aftersail API",
    version=f"1 ({__version__})",
    description=(
        "Conversations, customers and orders of an Aftersail desk. "
        "Every call acts as an agent (session) or an API key (`Authorization: Bearer`) "
        "and sees what that agent or key may see."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
    auth=[ApiKeyBearer(), AgentSession()],
)
api.add_router("/conversations", conversations_router)
api.add_router("/customers", customers_router)
api.add_router("/orders", orders_router)
api.add_router("/search", search_router)
api.add_router("/ops", ops_router)
