from aftersail.core.apps import DomainConfig


class SearchConfig(DomainConfig):
    name = "aftersail.search"
    label = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        super().ready()
        from aftersail.search.indexing import connect_signals

        connect_signals()
