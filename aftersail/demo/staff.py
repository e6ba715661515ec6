"""The demo store's teams and agents: three teams in three time zones, one of them outsourced."""

from __future__ import annotations

DEMO_PASSWORD = "aftersail-demo"  # noqa: S105 - printed by `aftersail demo` on purpose

TEAMS: tuple[tuple[str, str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    # name, kind, zone, languages, markets routed to it
    ("Europe", "in_house", "Europe/Berlin", ("de", "en", "fr", "it", "nl", "pl", "es"),
     ("DE", "AT", "CH", "FR", "ES", "PL", "IT", "NL", "SE", "GB")),
    ("Americas", "in_house", "America/New_York", ("en", "es", "pt"), ("US", "CA", "BR")),
    ("Asia-Pacific", "outsourced", "Asia/Manila", ("en", "ja"), ("JP", "AU")),
)  # fmt: skip

AGENTS: tuple[tuple[str, str, str, str, tuple[str, ...], str, str], ...] = (
    # email, full name, role, team, languages, zone, name used when signing in Japanese
    ("sophie.wagner@nordlicht-outdoor.example", "Sophie Wagner", "admin", "Europe",
     ("de", "en", "fr"), "Europe/Berlin", ""),
    ("marta.kowalska@nordlicht-outdoor.example", "Marta Kowalska", "supervisor", "Europe",
     ("pl", "de", "en"), "Europe/Warsaw", ""),
    ("lukas.becker@nordlicht-outdoor.example", "Lukas Becker", "agent", "Europe",
     ("de", "en", "nl"), "Europe/Berlin", ""),
    ("camille.laurent@nordlicht-outdoor.example", "Camille Laurent", "agent", "Europe",
     ("fr", "en", "it"), "Europe/Paris", ""),
    ("javier.moreno@nordlicht-outdoor.example", "Javier Moreno", "agent", "Europe",
     ("es", "en", "it"), "Europe/Madrid", ""),
    ("emily.carter@nordlicht-outdoor.example", "Emily Carter", "agent", "Americas",
     ("en",), "America/Chicago", ""),
    ("daniel.ortiz@nordlicht-outdoor.example", "Daniel Ortiz", "agent", "Americas",
     ("en", "es", "pt"), "America/New_York", ""),
    ("aiko.tanaka@nordlicht-outdoor.example", "Aiko Tanaka", "agent", "Asia-Pacific",
     ("ja", "en"), "Asia/Tokyo", "田中"),
    ("miguel.santos@nordlicht-outdoor.example", "Miguel Santos", "agent", "Asia-Pacific",
     ("en",), "Asia/Manila", ""),
)  # fmt: skip
