"""Who is asking: turn a request's user into an agent profile, or refuse."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from aftersail.accounts.models import Agent, User

ViewFunc = TypeVar("ViewFunc", bound=Callable[..., HttpResponse])


def agent_of(user: User | AnonymousUser | Any) -> Agent | None:
    """The active agent profile of ``user``, or None for anonymous users and customers.

    The profile is cached on the user object, so one request asks the database once.
    """
    if not isinstance(user, User) or not user.is_active:
        return None
    try:
        agent: Agent = user.agent
    except Agent.DoesNotExist:
        return None
    return agent


def agent_required(view: ViewFunc) -> ViewFunc:
    """Anonymous visitors go to the desk login; logged-in non-agents get 403."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        agent = agent_of(request.user)
        if agent is None:
            raise PermissionDenied("This page is for agents of the desk.")
        request.agent = agent  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapper  # type: ignore[return-value]
