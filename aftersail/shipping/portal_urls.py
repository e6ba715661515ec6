from django.urls import path

from aftersail.shipping import views

app_name = "shipping"

urlpatterns = [
    path("track/", views.track_lookup, name="track"),
    path("track/o/<str:token>/", views.track_order, name="track_order"),
    path("track/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
