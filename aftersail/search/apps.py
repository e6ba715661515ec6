from aftersail.core.apps import DomainConfig


class SearchConfig(DomainConfig):
    name = "aftersail.search"
    label = "search"
    verbose_name = "Search"
