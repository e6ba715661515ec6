from django.contrib.auth import views as auth_views
from django.urls import include, path

from aftersail.desk import conversation, customers, views

app_name = "desk"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("bulk/", views.bulk, name="bulk"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("conversations/<int:number>/", conversation.conversation_detail, name="conversation"),
    path(
        "conversations/<int:number>/<slug:action>/",
        conversation.conversation_action,
        name="conversation_action",
    ),
    path("customers/<uuid:public_id>/", customers.customer_profile, name="customer"),
    path("customers/<uuid:public_id>/merge/", customers.customer_merge, name="customer_merge"),
    path("sla/", include("aftersail.sla.urls")),
]
