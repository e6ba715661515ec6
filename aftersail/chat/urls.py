from django.urls import path

from aftersail.chat import views

app_name = "chat"

urlpatterns = [
    path("widget.js", views.widget_js, name="widget"),
    path("demo-shop/", views.demo_shop, name="demo_shop"),
    path("<slug:store>/upload/", views.upload, name="upload"),
]
