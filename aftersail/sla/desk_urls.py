from django.urls import path

from aftersail.sla import views

urlpatterns = [
    path("coverage/", views.coverage, name="sla-coverage"),
    path("reports/", views.reports, name="sla-reports"),
]
