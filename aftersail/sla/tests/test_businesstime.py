"""Business-time arithmetic: exact timestamps around DST changes, odd offsets, holidays and
midnight-crossing shifts, then invariants checked by hypothesis."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aftersail.sla.businesstime import (
    Interval,
    NeverOpenError,
    Schedule,
    add_business_time,
    business_time_between,
    counted_time,
    due_with_pauses,
    is_open,
    next_open,
)

H = timedelta(hours=1)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def local(zone: str, *parts: int) -> datetime:
    return datetime(*parts, tzinfo=zoneinfo.ZoneInfo(zone))


def schedule(zone: str, days: range, start: str, end: str, **extra: object) -> Schedule:
    intervals = tuple(Interval.parse(day, start, end) for day in days)
    return Schedule(zoneinfo.ZoneInfo(zone), intervals, **extra)  # type: ignore[arg-type]


WEEKDAYS = range(5)
EVERY_DAY = range(7)


def test_warsaw_spring_forward_day_has_23_working_hours() -> None:
    # Europe/Warsaw: 2026-03-29 02:00 CET -> 03:00 CEST.
    warsaw = schedule("Europe/Warsaw", EVERY_DAY, "00:00", "24:00")
    day = business_time_between(
        warsaw, local("Europe/Warsaw", 2026, 3, 29), local("Europe/Warsaw", 2026, 3, 30)
    )
    assert day == 23 * H


def test_warsaw_fall_back_day_has_25_working_hours() -> None:
    # Europe/Warsaw: 2026-10-25 03:00 CEST -> 02:00 CET.
    warsaw = schedule("Europe/Warsaw", EVERY_DAY, "00:00", "24:00")
    day = business_time_between(
        warsaw, local("Europe/Warsaw", 2026, 10, 25), local("Europe/Warsaw", 2026, 10, 26)
    )
    assert day == 25 * H


def test_warsaw_office_hours_across_the_spring_weekend() -> None:
    warsaw = schedule("Europe/Warsaw", WEEKDAYS, "09:00", "17:00")
    # Friday 16:00 CET + 2 working hours: 1 h on Friday, 1 h from Monday 09:00 CEST.
    due = add_business_time(warsaw, utc(2026, 3, 27, 15), 2 * H)
    assert due == utc(2026, 3, 30, 8)


def test_new_york_interval_spanning_the_spring_gap_lasts_two_hours() -> None:
    # America/New_York: 2026-03-08 02:00 EST -> 03:00 EDT; 01:00-04:00 holds 2 real hours.
    nights = schedule("America/New_York", EVERY_DAY, "01:00", "04:00")
    assert business_time_between(nights, utc(2026, 3, 8), utc(2026, 3, 9)) == 2 * H
    due = add_business_time(nights, utc(2026, 3, 8, 6), 3 * H)  # 01:00 EST
    assert due == utc(2026, 3, 9, 6)  # 2 h on the 8th, then 01:00-02:00 EDT on the 9th


def test_new_york_shift_starting_in_the_gap_opens_after_the_jump() -> None:
    nights = schedule("America/New_York", EVERY_DAY, "02:30", "05:00")
    # 02:30 never happens on 2026-03-08; the shift opens at 03:30 EDT (07:30 UTC).
    assert next_open(nights, utc(2026, 3, 8, 5)) == utc(2026, 3, 8, 7, 30)
    assert business_time_between(nights, utc(2026, 3, 8), utc(2026, 3, 9)) == 1.5 * H


def test_new_york_fall_back() -> None:
    # America/New_York: 2026-11-01 02:00 EDT -> 01:00 EST.
    nights = schedule("America/New_York", EVERY_DAY, "00:00", "03:00")
    assert business_time_between(nights, utc(2026, 11, 1), utc(2026, 11, 2)) == 4 * H
    assert add_business_time(nights, utc(2026, 11, 1, 4), 3.5 * H) == utc(2026, 11, 1, 7, 30)


def test_sydney_dst_ends_in_april_and_starts_in_october() -> None:
    # Australia/Sydney: 2026-04-05 03:00 AEDT -> 02:00 AEST; 2026-10-04 02:00 AEST -> 03:00 AEDT.
    early = schedule("Australia/Sydney", EVERY_DAY, "00:00", "06:00")
    april = business_time_between(
        early, local("Australia/Sydney", 2026, 4, 5), local("Australia/Sydney", 2026, 4, 5, 12)
    )
    october = business_time_between(
        early, local("Australia/Sydney", 2026, 10, 4), local("Australia/Sydney", 2026, 10, 4, 12)
    )
    assert (april, october) == (7 * H, 5 * H)
    # Saturday 2026-04-04 05:00 AEDT + 2 h: 1 h on Saturday, then Sunday 00:00 AEDT + 1 h.
    assert add_business_time(early, utc(2026, 4, 3, 18), 2 * H) == utc(2026, 4, 4, 14)


def test_kolkata_half_hour_offset() -> None:
    kolkata = schedule("Asia/Kolkata", WEEKDAYS, "09:30", "18:00")
    # Monday 2026-11-30 17:30 IST (12:00 UTC) + 1 h -> Tuesday 10:00 IST.
    assert add_business_time(kolkata, utc(2026, 11, 30, 12), H) == utc(2026, 12, 1, 4, 30)
    assert next_open(kolkata, utc(2026, 12, 1, 0)) == utc(2026, 12, 1, 4)


def test_kathmandu_quarter_hour_offset_and_sunday_workweek() -> None:
    kathmandu = Schedule(
        zoneinfo.ZoneInfo("Asia/Kathmandu"),
        tuple(Interval.parse(day, "10:00", "17:00") for day in (6, 0, 1, 2, 3, 4)),
    )
    # Friday 2026-11-27 16:45 NPT (11:00 UTC) + 30 min -> Sunday 10:15 NPT (04:30 UTC).
    assert add_business_time(kathmandu, utc(2026, 11, 27, 11), timedelta(minutes=30)) == utc(
        2026, 11, 29, 4, 30
    )


def test_public_holiday_and_custom_closure_are_skipped() -> None:
    # 11 November is Independence Day in Poland (holidays.PL); the shop also closes the 12th.
    warsaw = schedule(
        "Europe/Warsaw",
        WEEKDAYS,
        "09:00",
        "17:00",
        holiday_country="PL",
        closed_dates=frozenset({date(2026, 11, 12)}),
    )
    # Tuesday 10 Nov 16:00 CET + 2 h -> 1 h on Tuesday, then Friday 13 Nov 10:00 CET.
    assert add_business_time(warsaw, utc(2026, 11, 10, 15), 2 * H) == utc(2026, 11, 13, 9)
    assert not is_open(warsaw, utc(2026, 11, 11, 10))


def test_night_shift_crossing_midnight() -> None:
    nights = schedule("Europe/Berlin", WEEKDAYS, "22:00", "06:00")
    assert nights.intervals[4] == Interval(4, 22 * 60, 30 * 60)
    # Saturday 03:00 CET belongs to Friday's shift.
    assert is_open(nights, utc(2026, 11, 28, 2))
    # Friday 23:00 CET + 8 h: 7 h until Saturday 06:00, then Monday 22:00 + 1 h.
    assert add_business_time(nights, utc(2026, 11, 27, 22), 8 * H) == utc(2026, 11, 30, 22)


def test_holiday_closes_the_shift_that_starts_on_it() -> None:
    nights = schedule(
        "Europe/Berlin", WEEKDAYS, "22:00", "06:00", closed_dates=frozenset({date(2026, 11, 27)})
    )
    # Thursday's shift ends Friday 06:00; Friday's does not happen; next is Monday 22:00.
    assert next_open(nights, utc(2026, 11, 27, 4)) == utc(2026, 11, 27, 4)
    assert next_open(nights, utc(2026, 11, 27, 6)) == utc(2026, 11, 30, 21)


def test_overlapping_intervals_count_once() -> None:
    overlap = Schedule(
        zoneinfo.ZoneInfo("UTC"),
        (Interval.parse(0, "08:00", "12:00"), Interval.parse(0, "10:00", "14:00")),
    )
    assert business_time_between(overlap, utc(2026, 11, 30), utc(2026, 12, 1)) == 6 * H


def test_schedule_without_hours_never_opens() -> None:
    empty = Schedule(zoneinfo.ZoneInfo("UTC"), ())
    with pytest.raises(NeverOpenError):
        add_business_time(empty, utc(2026, 1, 1), H)


@pytest.mark.parametrize(("start", "end"), [("25:00", "10:00"), ("09:75", "10:00"), ("x", "1")])
def test_invalid_interval_text_is_refused(start: str, end: str) -> None:
    with pytest.raises(ValueError):
        Interval.parse(0, start, end)


def test_pause_pushes_the_due_time_by_the_working_time_it_covers() -> None:
    office = schedule("Europe/Berlin", WEEKDAYS, "09:00", "17:00")
    start = utc(2026, 11, 30, 8)  # Monday 09:00 CET
    assert due_with_pauses(office, start, 4 * H, []) == utc(2026, 11, 30, 12)
    pauses = [(utc(2026, 11, 30, 9), utc(2026, 11, 30, 10))]
    assert due_with_pauses(office, start, 4 * H, pauses) == utc(2026, 11, 30, 13)
    assert due_with_pauses(office, start, 4 * H, [(utc(2026, 11, 30, 9), None)]) is None
    assert counted_time(office, start, utc(2026, 11, 30, 13), pauses) == 4 * H


# --- invariants -------------------------------------------------------------------------

SCHEDULES = [
    Schedule.always_open(),
    schedule("Europe/Warsaw", WEEKDAYS, "09:00", "17:00", holiday_country="PL"),
    schedule("America/New_York", EVERY_DAY, "01:00", "04:00"),
    schedule("Australia/Sydney", EVERY_DAY, "00:00", "06:00"),
    schedule("Asia/Kathmandu", WEEKDAYS, "10:00", "17:00"),
    schedule("Europe/Berlin", WEEKDAYS, "22:00", "06:00"),
]
schedules = st.sampled_from(SCHEDULES)
instants = st.datetimes(
    min_value=datetime(2025, 1, 1),  # noqa: DTZ001 - hypothesis wants naive bounds
    max_value=datetime(2027, 12, 31),  # noqa: DTZ001
    timezones=st.just(UTC),
)
amounts = st.integers(min_value=0, max_value=14 * 24 * 3600).map(lambda s: timedelta(seconds=s))


@settings(max_examples=150, deadline=None)
@given(schedules, instants, amounts)
def test_adding_then_measuring_gives_the_amount_back(
    plan: Schedule, start: datetime, amount: timedelta
) -> None:
    due = add_business_time(plan, start, amount)
    assert due >= start
    assert business_time_between(plan, start, due) == amount


@settings(max_examples=100, deadline=None)
@given(schedules, instants, amounts, amounts)
def test_more_time_is_never_due_earlier(
    plan: Schedule, start: datetime, first: timedelta, second: timedelta
) -> None:
    low, high = sorted((first, second))
    assert add_business_time(plan, start, low) <= add_business_time(plan, start, high)


@settings(max_examples=100, deadline=None)
@given(schedules, instants, instants, amounts)
def test_a_later_start_is_never_due_earlier(
    plan: Schedule, first: datetime, second: datetime, amount: timedelta
) -> None:
    early, late = sorted((first, second))
    assert add_business_time(plan, early, amount) <= add_business_time(plan, late, amount)


@settings(max_examples=100, deadline=None)
@given(
    schedules,
    instants,
    amounts,
    st.lists(st.tuples(amounts, amounts), max_size=3),
)
def test_a_pause_never_brings_the_due_time_earlier(
    plan: Schedule, start: datetime, target: timedelta, gaps: list[tuple[timedelta, timedelta]]
) -> None:
    pauses: list[tuple[datetime, datetime | None]] = []
    cursor = start
    for before, length in gaps:
        pauses.append((cursor + before, cursor + before + length))
        cursor = cursor + before + length
    unpaused = due_with_pauses(plan, start, target, [])
    paused = due_with_pauses(plan, start, target, pauses)
    assert unpaused is not None and paused is not None
    assert paused >= unpaused
    assert counted_time(plan, start, paused, pauses) == target
