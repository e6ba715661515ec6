"""Business calendars, SLA policies and clocks, reply-by promises, coverage and reports."""
