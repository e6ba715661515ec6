"""Customer pages of the desk: the editable profile and merging two customer records."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aftersail.accounts.access import agent_required
from aftersail.accounts.actors import Actor
from aftersail.conversations.actions import do_change_customer, do_merge_customers
from aftersail.conversations.selectors import visible_conversations, visible_customers
from aftersail.core.errors import ActionError
from aftersail.customers.actions import PROFILE_FIELDS
from aftersail.customers.models import Customer, CustomerIdentity
from aftersail.customers.selectors import customer_local_now, stored_email
from aftersail.returns.selectors import customer_returns_context


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Customer
        fields = PROFILE_FIELDS


@agent_required
def customer_profile(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    customer = get_object_or_404(visible_customers(agent), public_id=public_id)
    form = ProfileForm(request.POST or None, instance=customer)
    if request.method == "POST" and form.is_valid():
        try:
            do_change_customer(customer, form.cleaned_data, Actor.of_agent(agent))
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Profile saved."))
            return redirect("desk:customer", customer.public_id)
    conversations = (
        visible_conversations(agent).filter(customer=customer).order_by("-last_message_at")[:50]
    )
    return render(
        request,
        "desk/customer.html",
        {
            "agent": agent,
            "customer": customer,
            "customer_now": customer_local_now(customer),
            "identities": customer.identities.all(),
            "conversations": conversations,
            "form": form,
            **customer_returns_context(customer, agent),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@agent_required
def customer_merge(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Merges another record (found by its email address) into this customer."""
    agent = request.agent  # type: ignore[attr-defined]
    customer = get_object_or_404(visible_customers(agent), public_id=public_id)
    typed = (request.POST.get("email") or "").replace("\x00", "").strip()[:254]
    email = stored_email(typed) or typed.lower()
    identity = (
        CustomerIdentity.objects.filter(
            store=customer.store, kind=CustomerIdentity.Kind.EMAIL, value=email
        )
        .exclude(customer=customer)
        .first()
    )
    other = visible_customers(agent).filter(id=identity.customer_id).first() if identity else None
    if other is None:
        messages.error(request, _("No other customer you can see has that email address."))
        return redirect("desk:customer", customer.public_id)
    try:
        do_merge_customers(other, customer, Actor.of_agent(agent))
    except ActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Customer records merged."))
    return redirect("desk:customer", customer.public_id)
