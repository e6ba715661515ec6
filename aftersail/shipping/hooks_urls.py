"""Where carriers and tracking services push their events (signed; see docs/tracking.md)."""

from django.urls import path

from aftersail.shipping import views

app_name = "shipping_hooks"

urlpatterns = [
    path("<str:provider>/<uuid:account>/", views.webhook, name="webhook"),
]
