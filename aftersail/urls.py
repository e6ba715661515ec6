from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from aftersail.api.main import api
from aftersail.chat.urls import desk_urlpatterns as chat_desk_urls
from aftersail.core.views import healthz
from aftersail.knowledge.urls import desk_urlpatterns as knowledge_desk_urls

admin.site.site_header = "Aftersail administration"
admin.site.site_title = "Aftersail"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("desk/language/", include("aftersail.language.urls")),
    path("desk/kb/", include(knowledge_desk_urls)),
    path("desk/chat/", include(chat_desk_urls)),
    path("chat/", include("aftersail.chat.urls")),
    path("desk/search/", include("aftersail.search.urls")),
    path("desk/returns/", include("aftersail.returns.desk_urls")),
    path("desk/", include("aftersail.desk.urls")),
    # Inbound mail pushed by providers: /mail/inbound/mailgun/inbound_mime/, .../postmark/inbound/
    path("mail/inbound/", include("anymail.urls")),
    path("help/", include("aftersail.knowledge.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("returns/", include("aftersail.returns.portal_urls")),
    path("", include("aftersail.shipping.urls")),
    path("", include("aftersail.portal.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
