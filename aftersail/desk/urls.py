from django.contrib.auth import views as auth_views
from django.urls import include, path

from aftersail.desk import views

app_name = "desk"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("conversations/<int:number>/", views.conversation_detail, name="conversation"),
    path("sla/", include("aftersail.sla.urls")),
]
