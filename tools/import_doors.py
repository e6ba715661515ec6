"""An import-linter contract for Aftersail's doors: an app may use another app only
through the modules that app opens to others.

    [importlinter:contract:doors]
    type = doors
    apps = aftersail
    doors = models actions events selectors apps
    open_apps = aftersail.core
    also_open =
        aftersail.conversations.pipeline
    ignore_imports =
        aftersail.demo.** -> aftersail.**

For every import from a module of one app (``aftersail.desk.views``) to a module of another
(``aftersail.conversations.lifecycle``), the imported module must be a door of its app: its
first name below the app is one of ``doors`` (``models``, ``actions``, ...), or it is listed
in ``also_open`` (a registry such as the inbound pipeline), or its app is in ``open_apps``
(the shared kernel). Tests are held to the same rule. Imports inside one app are free, and
so are the project's wiring modules (``aftersail.urls``, ``aftersail.routing``), which are
not apps.
"""

from __future__ import annotations

from typing import Any

import grimp
from importlinter.application import contract_utils, output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck


class DoorsContract(Contract):
    type_name = "doors"

    apps = fields.StringField()
    doors = fields.ListField(subfield=fields.StringField())
    open_apps = fields.ListField(subfield=fields.StringField(), required=False)
    also_open = fields.ListField(subfield=fields.StringField(), required=False)
    ignore_imports = fields.SetField(subfield=fields.ImportExpressionField(), required=False)
    unmatched_ignore_imports_alerting = fields.EnumField(
        contract_utils.AlertLevel, default=contract_utils.AlertLevel.ERROR
    )

    def _app_and_rest(self, graph: grimp.ImportGraph, module: str) -> tuple[str, list[str]] | None:
        """The app a module belongs to and its path inside it; None for modules outside the
        apps (the project's wiring: urls, routing, settings, asgi)."""
        root = str(self.apps)
        parts = module.split(".")
        if parts[0] != root or len(parts) < 2:
            return None
        app = f"{root}.{parts[1]}"
        if not graph.find_children(app):  # a module such as aftersail.urls, not an app
            return None
        return app, parts[2:]

    def _is_door(self, app: str, rest: list[str], module: str) -> bool:
        if app in set(self.open_apps or ()):  # type: ignore[call-overload]
            return True
        if not rest:  # the app's package itself (its __init__)
            return True
        if rest[0] in set(self.doors):  # type: ignore[call-overload]
            return True
        also = set(self.also_open or ())  # type: ignore[call-overload]
        return any(module == door or module.startswith(door + ".") for door in also)

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        removal = contract_utils.remove_ignored_imports_and_report(
            graph=graph,
            ignore_imports=self.ignore_imports,  # type: ignore[arg-type]
            unmatched_alerting=self.unmatched_ignore_imports_alerting,  # type: ignore[arg-type]
        )
        illegal: list[dict[str, Any]] = []
        for importer in sorted(graph.modules):
            source = self._app_and_rest(graph, importer)
            if source is None:
                continue
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                target = self._app_and_rest(graph, imported)
                if target is None or target[0] == source[0]:
                    continue
                if self._is_door(target[0], target[1], imported):
                    continue
                details = graph.get_import_details(importer=importer, imported=imported)
                illegal.append(
                    {
                        "importer": importer,
                        "imported": imported,
                        "line_numbers": tuple(d["line_number"] for d in details),
                    }
                )
        return ContractCheck(
            kept=not illegal,
            warnings=list(removal.warnings),
            ignored_import_count=removal.ignored_import_count,
            metadata={"illegal_imports": illegal},
        )

    def render_broken_contract(self, check: ContractCheck) -> None:
        output.print_error(
            "These imports reach into another app past its doors "
            "(models, actions, events, selectors, or a listed registry):",
            bold=False,
        )
        output.new_line()
        for link in check.metadata["illegal_imports"]:
            lines = ", ".join(map(str, link["line_numbers"]))
            output.print_error(
                f"- {link['importer']} -> {link['imported']} (l.{lines})", bold=False
            )
        output.new_line()
