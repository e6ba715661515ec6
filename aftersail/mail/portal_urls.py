"""The contact form's pages, mounted by the portal inside its own namespace
(``portal:contact``, ``portal:contact_sent``)."""

from django.urls import path

from aftersail.mail import contact_views

urlpatterns = [
    path("contact/", contact_views.contact, name="contact"),
    path("contact/sent/", contact_views.contact_sent, name="contact_sent"),
]
