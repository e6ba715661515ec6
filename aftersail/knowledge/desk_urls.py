from django.urls import path

from aftersail.knowledge import views

app_name = "knowledge_desk"

urlpatterns = [
    path(
        "conversations/<int:number>/articles/",
        views.desk_search,
        name="search",
    ),
    path(
        "conversations/<int:number>/articles/<slug:slug>/link/",
        views.desk_article_link,
        name="link",
    ),
]
