from django.urls import path

from aftersail.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.landing, name="landing"),
]
