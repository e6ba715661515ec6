from django.urls import path

from aftersail.returns import desk_views as views

app_name = "returns_desk"

urlpatterns = [
    path("", views.return_list, name="list"),
    path("reports/", views.report, name="report"),
    path("<uuid:public_id>/", views.return_detail, name="detail"),
    path("<uuid:public_id>/action/", views.return_action, name="action"),
    path("customers/<uuid:public_id>/", views.customer_section, name="customer"),
    path("orders/<uuid:public_id>/start/", views.start_return, name="start"),
    path("claims/<uuid:public_id>/decide/", views.claim_decide, name="claim_decide"),
]
