from django.urls import path

from aftersail.chat.consumers import DeskChatConsumer, WidgetConsumer

# Checked against each store's allowed shop origins by the consumer itself.
public_websocket_urlpatterns = [path("ws/chat/<slug:store>/", WidgetConsumer.as_asgi())]
# Behind the desk's session authentication and the allowed-hosts origin check.
websocket_urlpatterns = [path("ws/desk/chat/<int:number>/", DeskChatConsumer.as_asgi())]
