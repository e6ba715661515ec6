from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "aftersail.search"
    label = "search"
    verbose_name = "Search"
