from django.urls import path

from aftersail.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("", views.help_index, name="index"),
    path("search/", views.help_search, name="search"),
    path("<slug:slug>/", views.help_article, name="article"),
    path("<slug:slug>/feedback/", views.help_feedback, name="feedback"),
]

desk_urlpatterns = (
    [
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
    ],
    "knowledge_desk",
)
