"""What the search app registers at start: the signal handlers that keep the index current."""

from aftersail.search.indexing import connect_signals

connect_signals()
