"""Every page a customer sees, mounted here: the landing page, the contact form (mail), the
help centre (knowledge), returns and warranty claims (returns) and order tracking
(shipping). Each domain keeps its pages beside its rules; this module only mounts them."""

from django.urls import URLPattern, URLResolver, include, path

from aftersail.mail import portal_urls as contact_urls
from aftersail.portal import views

portal_patterns: list[URLPattern | URLResolver] = [
    path("", views.landing, name="landing"),
    *contact_urls.urlpatterns,
]

urlpatterns = [
    path("help/", include("aftersail.knowledge.portal_urls")),
    path("returns/", include("aftersail.returns.portal_urls")),
    path("", include("aftersail.shipping.portal_urls")),
    path("", include((portal_patterns, "portal"))),
]
