"""Civil dates (``trustassess/date.h``) on ``datetime.date``.

The library's date arithmetic, for the rules it defines (31 January + 1 month
is the end of February; 29 February + N years is 28 February or 1 March by a
:class:`~trustassess.enums.Feb29Rule`). Dates go in and come out as
``datetime.date``; text is ISO 8601 ``YYYY-MM-DD`` whatever the locale.
"""

from __future__ import annotations

import ctypes
import datetime

from ._handle import c_signed, c_str, check, enum_arg
from ._lib import TaDate, lib
from .enums import Feb29Rule, Weekday

__all__ = [
    "is_leap_year",
    "days_in_month",
    "parse_date",
    "format_date",
    "to_days",
    "from_days",
    "diff_days",
    "weekday",
    "add_days",
    "add_months",
    "add_years",
]


def to_c(d: datetime.date, what: str = "date") -> TaDate:
    """A ``datetime.date`` as a ``ta_date`` (TypeError for anything else;
    ``datetime.datetime`` is refused: its time would be silently dropped)."""
    if isinstance(d, datetime.datetime) or not isinstance(d, datetime.date):
        raise TypeError(f"{what} must be a datetime.date, not {type(d).__name__}")
    return TaDate(d.year, d.month, d.day)


def from_c(d: TaDate) -> datetime.date:
    return datetime.date(d.year, d.month, d.day)


def is_leap_year(year: int) -> bool:
    """Whether `year` (1..9999) is a Gregorian leap year (False for a bad year)."""
    return bool(lib.ta_date_is_leap_year(c_signed(year, "year")))


def days_in_month(year: int, month: int) -> int:
    """Days in the month (28..31), or 0 for a bad year or month."""
    return lib.ta_date_days_in_month(c_signed(year, "year"), c_signed(month, "month"))


def parse_date(text: str) -> datetime.date:
    """Parses exactly ``YYYY-MM-DD``: ParseError for another shape, RangeError
    for a well-formed non-date (2023-02-29)."""
    raw = c_str(text, "text")
    out = TaDate()
    status = lib.ta_date_parse(ctypes.byref(out), raw, len(raw))
    if status:
        check(status, f"{text!r}: {'not YYYY-MM-DD' if status == 5 else 'no such date'}")
    return from_c(out)


def format_date(d: datetime.date) -> str:
    """``YYYY-MM-DD``."""
    buf = ctypes.create_string_buffer(11)
    check(lib.ta_date_format(buf, len(buf), to_c(d)))
    return buf.value.decode("ascii")


def to_days(d: datetime.date) -> int:
    """The Rata Die day number (0001-01-01 is day 1; as ``date.toordinal()``)."""
    out = ctypes.c_int32()
    check(lib.ta_date_to_days(ctypes.byref(out), to_c(d)))
    return out.value


def from_days(days: int) -> datetime.date:
    """The date of Rata Die day `days` (1 .. 3652059, else RangeError)."""
    out = TaDate()
    check(lib.ta_date_from_days(ctypes.byref(out), c_signed(days, "days")))
    return from_c(out)


def diff_days(a: datetime.date, b: datetime.date) -> int:
    """``b - a`` in days."""
    out = ctypes.c_int32()
    check(lib.ta_date_diff_days(ctypes.byref(out), to_c(a, "a"), to_c(b, "b")))
    return out.value


def weekday(d: datetime.date) -> Weekday:
    """The ISO weekday."""
    out = ctypes.c_int()
    check(lib.ta_date_weekday(ctypes.byref(out), to_c(d)))
    return Weekday(out.value)


def add_days(d: datetime.date, days: int) -> datetime.date:
    out = TaDate()
    check(lib.ta_date_add_days(ctypes.byref(out), to_c(d), c_signed(days, "days")))
    return from_c(out)


def add_months(d: datetime.date, months: int) -> datetime.date:
    """`d` plus `months` calendar months, clamped to the target month's last day."""
    out = TaDate()
    check(lib.ta_date_add_months(ctypes.byref(out), to_c(d), c_signed(months, "months")))
    return from_c(out)


def add_years(d: datetime.date, years: int, feb29: Feb29Rule = Feb29Rule.TO_FEB28) -> datetime.date:
    """`d` plus `years` years; 29 February in a common year by `feb29`."""
    out = TaDate()
    check(lib.ta_date_add_years(ctypes.byref(out), to_c(d), c_signed(years, "years"),
                                enum_arg(Feb29Rule, feb29, "feb29")))
    return from_c(out)


