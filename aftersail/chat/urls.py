from django.urls import path

from aftersail.chat import views

app_name = "chat"

urlpatterns = [
    path("widget.js", views.widget_js, name="widget"),
    path("demo-shop/", views.demo_shop, name="demo_shop"),
    path("<slug:store>/upload/", views.upload, name="upload"),
]

desk_urlpatterns = (
    [
        path("presence/", views.presence_switch, name="presence_switch"),
        path("presence/set/", views.presence, name="presence"),
        path("conversations/<int:number>/live/", views.live, name="live"),
    ],
    "chat_desk",
)
