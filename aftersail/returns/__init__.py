"""Consumer-law table, merchant return policies, eligibility, RMAs, claims and refunds."""
