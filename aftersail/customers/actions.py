"""The door through which other apps create, change and merge customers."""

from __future__ import annotations

from aftersail.customers.merging import PROFILE_FIELDS, check_merge_customers, merge_records
from aftersail.customers.profiles import (
    CustomerError,
    CustomerFields,
    check_email,
    do_create_customer,
    do_update_customer,
    find_or_create_by_email,
)

__all__ = [
    "PROFILE_FIELDS",
    "CustomerError",
    "CustomerFields",
    "check_email",
    "check_merge_customers",
    "do_create_customer",
    "do_update_customer",
    "find_or_create_by_email",
    "merge_records",
]
