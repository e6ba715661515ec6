from django.urls import path

from aftersail.shipping import views

app_name = "shipping_desk"

urlpatterns = [path("", views.report, name="report")]
