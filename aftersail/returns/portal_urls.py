from django.urls import path

from aftersail.returns import portal_views as views

app_name = "returns_portal"

urlpatterns = [
    path("", views.start, name="start"),
    path("order/<uuid:public_id>/", views.order_page, name="order"),
    path("r/<uuid:public_id>/", views.return_page, name="return"),
    path("r/<uuid:public_id>/method/", views.choose_method, name="method"),
    path("r/<uuid:public_id>/form.pdf", views.return_form_pdf, name="pdf"),
]
