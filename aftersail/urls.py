"""The project's wiring: health, the admin, the REST API, the desk (agents), inbound hooks of
mail providers and carriers, the chat widget's endpoints, and the portal (customers)."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from aftersail.api.main import api
from aftersail.core.views import healthz

admin.site.site_header = "Aftersail administration"
admin.site.site_title = "Aftersail"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("desk/", include("aftersail.desk.urls")),
    # Inbound mail pushed by providers: /mail/inbound/mailgun/inbound_mime/, .../postmark/inbound/
    path("mail/inbound/", include("anymail.urls")),
    path("hooks/tracking/", include("aftersail.shipping.hooks_urls")),
    path("chat/", include("aftersail.chat.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("aftersail.portal.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
