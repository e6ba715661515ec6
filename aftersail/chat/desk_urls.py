from django.urls import path

from aftersail.chat import views

app_name = "chat_desk"

urlpatterns = [
    path("presence/", views.presence_switch, name="presence_switch"),
    path("presence/set/", views.presence, name="presence"),
    path("conversations/<int:number>/live/", views.live, name="live"),
]
