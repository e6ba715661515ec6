from django.urls import path

from aftersail.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("", views.help_index, name="index"),
    path("search/", views.help_search, name="search"),
    path("<slug:slug>/", views.help_article, name="article"),
    path("<slug:slug>/feedback/", views.help_feedback, name="feedback"),
]
