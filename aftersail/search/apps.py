from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "aftersail.search"
    label = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        from aftersail.search.indexing import connect_signals

        connect_signals()
