from django.urls import path

from aftersail.language import views

app_name = "language"

urlpatterns = [
    path(
        "messages/<uuid:public_id>/translation/",
        views.translate_message,
        name="translate_message",
    ),
    path(
        "conversations/<int:number>/reply-translated/",
        views.reply_translated,
        name="reply_translated",
    ),
]
