from django.urls import path

from aftersail.mail import contact_views
from aftersail.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("contact/", contact_views.contact, name="contact"),
    path("contact/sent/", contact_views.contact_sent, name="contact_sent"),
]
