"""Paging through long lists whose exact length is not worth counting.

Counting every conversation an agent may see costs a scan of all of them on each page
view (tens of milliseconds at 100,000 conversations), while the number only has to tell
"a few" from "many". ``CappedPage`` counts up to ``cap`` rows and says "1,000+" beyond;
"Older" keeps working past the cap because the next page is known to exist when one more
row than the page holds comes back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

MAX_PAGE = 10_000


def _pages(total: int, size: int) -> int:
    return max(1, -(-total // size))  # ceiling division; an empty list has one page


@dataclass
class CappedPage:
    rows: list[Any]
    number: int
    size: int
    total: int  # exact when not ``capped``; else ``cap``
    capped: bool
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def num_pages(self) -> int | None:
        """The number of pages, or None when there are more rows than were counted."""
        return None if self.capped else _pages(self.total, self.size)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def _page_number(raw: str | None) -> int:
    try:
        number = int(raw or 1)
    except ValueError:
        return 1
    return min(max(number, 1), MAX_PAGE)


def capped_page(
    queryset: QuerySet[Any],
    raw_number: str | None,
    size: int,
    cap: int,
    values: Sequence[str] = (),
) -> CappedPage:
    """Page ``raw_number`` (a query-string value; invalid means 1) of ``queryset``; its
    rows are dicts of ``values`` when given (the count then needs none of their joins).

    A number past the last page shows the last page, as Django's ``Paginator.get_page``
    does. Two queries plus the queryset's prefetches, whatever the page and the total.
    """
    total = queryset.order_by().values("pk")[: cap + 1].count()
    capped = total > cap
    total = min(total, cap)
    number = _page_number(raw_number)
    if not capped:
        number = min(number, _pages(total, size))
    offset = (number - 1) * size
    if values:
        queryset = queryset.values(*values)
    rows = list(queryset[offset : offset + size + 1])
    return CappedPage(
        rows=rows[:size],
        number=number,
        size=size,
        total=total,
        capped=capped,
        has_next=len(rows) > size,
    )
