"""The REST API under /api/v1, documented by its OpenAPI schema at /api/v1/openapi.json."""

from __future__ import annotations

from ninja import NinjaAPI

from aftersail import __version__
from aftersail.api.auth import AgentSession
from aftersail.conversations.api import router as conversations_router
from aftersail.core.api import router as ops_router

api = NinjaAPI(
    title="Aftersail API",
    version=f"1 ({__version__})",
    description=(
        "Conversations, customers and orders of an Aftersail desk. "
        "Every call acts as an agent and sees what that agent may see."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
    auth=[AgentSession()],
)
api.add_router("/conversations", conversations_router)
api.add_router("/ops", ops_router)
