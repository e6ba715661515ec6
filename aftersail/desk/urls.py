"""Every page an agent sees, mounted here under /desk/: the inbox and conversations (this
app), and the pages the domains keep beside their rules — SLA coverage and reports,
returns, the shipping report, the knowledge base panel, chat presence, translation,
search."""

from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path

from aftersail.desk import conversation, customers, views

desk_patterns: list[URLPattern | URLResolver] = [
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
    path("sla/", include("aftersail.sla.desk_urls")),
]

urlpatterns = [
    path("language/", include("aftersail.language.desk_urls")),
    path("kb/", include("aftersail.knowledge.desk_urls")),
    path("chat/", include("aftersail.chat.desk_urls")),
    path("search/", include("aftersail.search.desk_urls")),
    path("returns/", include("aftersail.returns.desk_urls")),
    path("reports/shipping/", include("aftersail.shipping.desk_urls")),
    path("", include((desk_patterns, "desk"))),
]
