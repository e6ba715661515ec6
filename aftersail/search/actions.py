"""The search app's door: rebuilding the index after a bulk load (the demo, an import)."""

from __future__ import annotations

from aftersail.search.indexing import rebuild_index

__all__ = ["rebuild_index"]
