"""The contact form page of the portal (thin: the work is in :mod:`aftersail.mail.contact`)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from aftersail.commerce.selectors import portal_store
from aftersail.core import ratelimit
from aftersail.mail.contact import ContactForm, ContactRefused, ContactRequest, do_submit_contact


def _page(
    request: HttpRequest, template: str, *, status: int = 200, **context: object
) -> HttpResponse:
    return render(request, template, context, status=status)


def contact(request: HttpRequest) -> HttpResponse:
    store = portal_store()
    if store is None:
        raise Http404
    form = ContactForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            do_submit_contact(
                ContactRequest(
                    store=store,
                    name=data["name"],
                    email=data["email"],
                    order_number=data["order_number"],
                    topic=data["topic"],
                    message=data["message"],
                    language=get_language() or store.default_language,
                    ip=ratelimit.client_ip(request.META),
                    files=data["attachments"],
                    honeypot=data["website"],
                )
            )
        except ContactRefused as refused:
            form.add_error(None, str(refused))
        else:
            return redirect("portal:contact_sent")
    status = 400 if request.method == "POST" else 200
    return _page(request, "mail/contact.html", store=store, form=form, status=status)


def contact_sent(request: HttpRequest) -> HttpResponse:
    return _page(request, "mail/contact_sent.html", store=portal_store())
