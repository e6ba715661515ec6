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
    path("desk/returns/", include("aftersail.returns.desk_urls")),
    path("desk/search/", include("aftersail.search.urls")),
    path("desk/", include("aftersail.desk.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("returns/", include("aftersail.returns.portal_urls")),
    path("", include("aftersail.portal.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
