"""Creating and changing agents and teams."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from aftersail.accounts.models import Agent, Team, User
from aftersail.core.fields import validate_language_code, validate_time_zone


@transaction.atomic
def do_create_agent(
    *,
    email: str,
    password: str,
    full_name: str = "",
    role: str = Agent.Role.AGENT,
    team_names: Sequence[str] = (),
    languages: Sequence[str] = ("en",),
    time_zone: str = "UTC",
    display_language: str = "",
) -> Agent:
    """A login plus its agent profile. Admins may also use the Django admin."""
    if role not in Agent.Role.values:
        raise ValidationError(f"unknown role {role!r}; use one of {', '.join(Agent.Role.values)}")
    validate_time_zone(time_zone)
    for code in languages:
        validate_language_code(code)
    desk_languages = {code for code, _name in settings.LANGUAGES}
    if display_language and display_language not in desk_languages:
        raise ValidationError(
            f"the desk speaks {', '.join(sorted(desk_languages))}, not {display_language!r}"
        )
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(f"a user with the email {email} exists already")
    teams = list(Team.objects.filter(name__in=team_names))
    unknown = set(team_names) - {team.name for team in teams}
    if unknown:
        raise ValidationError(f"unknown team(s): {', '.join(sorted(unknown))}")
    is_admin = role == Agent.Role.ADMIN
    user = User.objects.create_user(
        email, password, full_name=full_name, is_staff=is_admin, is_superuser=is_admin
    )
    agent = Agent.objects.create(
        user=user,
        role=role,
        languages=list(languages),
        time_zone=time_zone,
        display_language=display_language,
    )
    agent.teams.set(teams)
    return agent
