"""The door through which other apps create, change and merge customers."""

from __future__ import annotations

from aftersail.customers.by_identity import (
    check_identity,
    do_add_identity,
    find_or_create_customer,
)
from aftersail.customers.errors import CustomerError
from aftersail.customers.merging import PROFILE_FIELDS, check_merge_customers, merge_records
from aftersail.customers.models import CustomerIdentity
from aftersail.customers.profiles import (
    CustomerFields,
    check_email,
    do_create_customer,
    do_update_customer,
)

IdentityKind = CustomerIdentity.Kind

__all__ = [
    "PROFILE_FIELDS",
    "CustomerError",
    "CustomerFields",
    "IdentityKind",
    "check_email",
    "check_identity",
    "check_merge_customers",
    "do_add_identity",
    "do_create_customer",
    "do_update_customer",
    "find_or_create_customer",
    "merge_records",
]
