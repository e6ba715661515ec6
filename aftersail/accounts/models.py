"""People who work in the desk: users, their agent profiles, and teams."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone

from aftersail.core.fields import LanguageListField, TimeZoneField
from aftersail.core.models import TimeStampedModel


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("A user needs an email address")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A login. Agents have an :class:`Agent` profile; portal customers link to a Customer."""

    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=200, blank=True)
    is_staff = models.BooleanField(default=False, help_text="May use the Django admin.")
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return (self.full_name.split(" ")[0] if self.full_name else "") or self.email


class Team(TimeStampedModel):
    """A group of agents with a working time zone and the languages it covers."""

    class Kind(models.TextChoices):
        IN_HOUSE = "in_house", "In-house"
        # Outsourced agents see masked personal data and only their team's work.
        OUTSOURCED = "outsourced", "Outsourced"

    name = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.IN_HOUSE)
    time_zone = TimeZoneField(default="UTC")
    languages = LanguageListField(help_text="ISO 639-1 codes this team answers in.")

    class Meta(TimeStampedModel.Meta):
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_outsourced(self) -> bool:
        return self.kind == self.Kind.OUTSOURCED


class Agent(TimeStampedModel):
    """The desk profile of a user: role, teams, languages and the zone to show times in."""

    class Role(models.TextChoices):
        AGENT = "agent", "Agent"  # the conversations of their teams
        SUPERVISOR = "supervisor", "Supervisor"  # their teams, plus team management
        ADMIN = "admin", "Administrator"  # everything, settings included

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="agent")
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.AGENT)
    teams = models.ManyToManyField(Team, related_name="agents", blank=True)
    languages = LanguageListField(help_text="ISO 639-1 codes this agent writes.")
    time_zone = TimeZoneField(default="UTC")
    display_language = models.CharField(
        max_length=8,
        blank=True,
        default="",
        help_text="Language of the desk for this agent (en, de, fr, es, pl, ja); "
        "empty: the browser's.",
    )
    capacity = models.PositiveSmallIntegerField(
        default=20, help_text="Open conversations this agent can hold at once."
    )

    class Meta(TimeStampedModel.Meta):
        ordering = ["user__full_name", "user__email"]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def name(self) -> str:
        return self.user.get_full_name()

    @property
    def is_admin(self) -> bool:
        return self.role == self.Role.ADMIN

    @property
    def is_supervisor(self) -> bool:
        return self.role == self.Role.SUPERVISOR
