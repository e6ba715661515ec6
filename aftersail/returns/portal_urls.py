from django.urls import path

from aftersail.returns import portal_claims
from aftersail.returns import portal_views as views

app_name = "returns_portal"

urlpatterns = [
    path("", views.start, name="start"),
    path("order/<uuid:public_id>/", views.order_page, name="order"),
    path("link/<str:token>/", views.signed_link, name="link"),
    path("return-link/<str:token>/", views.signed_return_link, name="return_link"),
    path("order/<uuid:public_id>/defect/", portal_claims.report_defect, name="defect"),
    path("claim/<uuid:public_id>/", portal_claims.claim_page, name="claim"),
    path("r/<uuid:public_id>/", views.return_page, name="return"),
    path("r/<uuid:public_id>/method/", views.choose_method, name="method"),
    path("r/<uuid:public_id>/form.pdf", views.return_form_pdf, name="pdf"),
]
