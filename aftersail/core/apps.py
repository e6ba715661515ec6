from importlib import import_module
from importlib.util import find_spec

from django.apps import AppConfig


class DomainConfig(AppConfig):
    """An app with doors (see CONTRIBUTING.md): at start, its ``events`` module (the kinds it
    publishes), its ``steps`` (inbound pipeline steps), its ``reactions`` (what it does on
    other apps' events) and its ``plugins`` (what it registers elsewhere: a channel adapter,
    a warm-up, signal handlers) are imported, so every kind is defined and every reaction
    and registry entry is in place before the first request or task."""

    default = False  # a base for the apps' own configs, never picked for an app itself
    plug_ins = ("events", "steps", "reactions", "plugins")

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.default = True  # each app's own config is the one Django picks for it

    def ready(self) -> None:
        for part in self.plug_ins:
            module = f"{self.name}.{part}"
            if find_spec(module) is not None:
                import_module(module)


class CoreConfig(AppConfig):
    name = "aftersail.core"
    label = "core"
    verbose_name = "Core"
