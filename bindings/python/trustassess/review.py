"""Five-yearly reviews of advanced foundation trusts (``trustassess/review.h``).

:class:`Holidays`: the bank holidays of England and Wales and working-day
arithmetic. :class:`ReviewSchedule`: trusts, evidence, early-review triggers
and a panel calendar -> each trust's due date, trigger and sitting, as
:class:`ReviewResult` dataclasses, CSV or iCalendar. Nothing reads a clock:
"today" is :meth:`ReviewSchedule.set_today`. The rules and our readings are
in docs/review.md.
"""

from __future__ import annotations

import ctypes
import datetime
from dataclasses import dataclass
from typing import Any, Iterable, List, Optional, Tuple, Union

from ._frame import frame
from ._handle import (Handle, c_opt_str, c_path, c_signed, c_str, check, enum_arg, from_tristate,
                      tristate)
from ._lib import TaDate, lib, text
from .dates import from_c, to_c
from .enums import Feb29Rule, ReviewTrigger, Weekday

__all__ = ["Holidays", "ReviewSchedule", "ReviewResult", "ReviewResults", "REVIEW_COLUMNS",
           "trigger_name"]


def trigger_name(kind: ReviewTrigger) -> str:
    """A short English label of a trigger kind."""
    return lib.ta_review_trigger_name(enum_arg(ReviewTrigger, kind, "kind")).decode("utf-8")


class Holidays(Handle):
    """England and Wales bank holidays, 1978..9999, and working-day arithmetic
    (``ta_holidays``). A date outside those years is RangeError."""

    _free_name = "ta_holidays_free"
    _error_name = "ta_holidays_error"
    _kind = "holiday calendar"

    def __init__(self) -> None:
        out = ctypes.c_void_p()
        check(lib.ta_holidays_new(ctypes.byref(out), None))
        super().__init__(out.value)  # type: ignore[arg-type]

    @classmethod
    def _borrowed(cls, ptr: int, owner: Handle) -> "Holidays":
        # A calendar owned by a schedule: never freed here, keeps the schedule alive.
        self = cls.__new__(cls)
        Handle.__init__(self, ptr, [owner])
        self._free_name = ""
        self._owner = owner
        return self

    _owner: Optional[Handle] = None

    def _h(self) -> int:
        if self._owner is not None and self._owner.closed:
            self.close()
        return super()._h()

    def add(self, d: datetime.date, name: str) -> None:
        """Makes weekday `d` a holiday (DuplicateError if it is one already)."""
        self._check(lib.ta_holidays_add(self._h(), to_c(d), c_str(name, "name")))

    def remove(self, d: datetime.date) -> None:
        """Makes holiday `d` a working day again (NotFoundError if it is none)."""
        self._check(lib.ta_holidays_remove(self._h(), to_c(d)))

    def is_working_day(self, d: datetime.date) -> bool:
        out = ctypes.c_int()
        self._check(lib.ta_holidays_is_working_day(ctypes.byref(out), self._h(), to_c(d)))
        return bool(out.value)

    def next_working_day(self, d: datetime.date) -> datetime.date:
        """The first working day strictly after `d`."""
        out = TaDate()
        self._check(lib.ta_holidays_next_working_day(ctypes.byref(out), self._h(), to_c(d)))
        return from_c(out)

    def previous_working_day(self, d: datetime.date) -> datetime.date:
        """The last working day strictly before `d`."""
        out = TaDate()
        self._check(lib.ta_holidays_previous_working_day(ctypes.byref(out), self._h(), to_c(d)))
        return from_c(out)

    def add_working_days(self, d: datetime.date, n: int) -> datetime.date:
        """`d` moved by `n` working days (n = 0 is `d` itself)."""
        out = TaDate()
        self._check(lib.ta_holidays_add_working_days(
            ctypes.byref(out), self._h(), to_c(d), c_signed(n, "n")
        ))
        return from_c(out)

    def days_off(self, year: int) -> List[Tuple[datetime.date, str]]:
        """The days off of `year` in date order, as GOV.UK lists them."""
        h = self._h()
        count = ctypes.c_size_t()
        self._check(lib.ta_holidays_list(ctypes.byref(count), h, c_signed(year, "year")))
        out = []
        d, name = TaDate(), ctypes.c_char_p()
        for i in range(count.value):
            self._check(lib.ta_holidays_entry(ctypes.byref(d), ctypes.byref(name), h, i))
            out.append((from_c(d), text(name.value) or ""))
        return out


@dataclass(frozen=True)
class ReviewResult:
    """One trust's review: when due, why, where placed."""

    code: str
    name: str
    due: datetime.date
    regular_due: datetime.date  #: last review (or authorisation) + the interval
    trigger: ReviewTrigger
    trigger_fired_on: Optional[datetime.date]
    placed: bool
    sitting: Optional[datetime.date]
    late_days: Optional[int]
    overdue: Optional[bool]  #: None when no "today" was set
    overdue_days: Optional[int]
    dropped: bool
    note: str

    def row(self) -> Tuple[object, ...]:
        """This result as one row of :data:`REVIEW_COLUMNS`."""
        return (self.code, self.name, self.due, self.regular_due, trigger_name(self.trigger),
                self.trigger_fired_on, self.placed, self.sitting, self.late_days, self.overdue,
                self.overdue_days, self.dropped, self.note)


#: The columns of :meth:`ReviewResults.to_pandas`.
REVIEW_COLUMNS = ("Trust_code", "Trust_name", "Due", "Regular_due", "Trigger", "Trigger_fired_on",
                  "Placed", "Sitting", "Late_days", "Overdue", "Overdue_days", "Dropped", "Note")


class ReviewResults(List[ReviewResult]):
    """The results of :meth:`ReviewSchedule.results`: a list, plus :meth:`to_pandas`."""

    def to_pandas(self) -> Any:
        """A typed ``pandas.DataFrame``, one row per trust (imports pandas
        only here): Trust_code, Trust_name text; Due, Regular_due,
        Trigger_fired_on and Sitting ``datetime64[ns]`` (``NaT`` when no
        trigger fired or the review was not placed); Trigger text (its
        :func:`trigger_name`); Placed and Dropped bool; Overdue nullable
        boolean (missing without a "today"); Late_days and Overdue_days
        nullable Int64; Note text."""
        return frame(REVIEW_COLUMNS, [r.row() for r in self],
                     {"Due": "date", "Regular_due": "date", "Trigger_fired_on": "date",
                      "Sitting": "date", "Placed": "bool", "Late_days": "Int64",
                      "Overdue": "boolean", "Overdue_days": "Int64", "Dropped": "bool"})


class ReviewSchedule(Handle):
    """The review schedule (``ta_review_schedule``): interval 5 years, the
    default triggers, England and Wales holidays, capacity 1 until changed."""

    _free_name = "ta_review_schedule_free"
    _error_name = "ta_review_schedule_error"
    _kind = "review schedule"

    def __init__(self) -> None:
        out = ctypes.c_void_p()
        check(lib.ta_review_schedule_new(ctypes.byref(out), None))
        super().__init__(out.value)  # type: ignore[arg-type]

    # -- parameters ------------------------------------------------------------

    def set_interval_years(self, years: int) -> None:
        self._check(lib.ta_review_schedule_set_interval_years(self._h(), c_signed(years, "years")))

    def set_feb29_rule(self, rule: Feb29Rule) -> None:
        self._check(lib.ta_review_schedule_set_feb29_rule(
            self._h(), enum_arg(Feb29Rule, rule, "rule")))

    def set_today(self, today: datetime.date) -> None:
        """The date overdue reviews are counted against."""
        self._check(lib.ta_review_schedule_set_today(self._h(), to_c(today, "today")))

    @property
    def holidays(self) -> Holidays:
        """The schedule's own holiday calendar (discards computed results)."""
        ptr = lib.ta_review_schedule_holidays(self._h())
        return Holidays._borrowed(ptr, self)

    # -- trusts and evidence -----------------------------------------------

    def add_trust(self, code: str, name: str, authorised_on: datetime.date) -> None:
        self._check(lib.ta_review_schedule_add_trust(
            self._h(), c_str(code, "code"), c_str(name, "name"), to_c(authorised_on)))

    def add_review(self, code: str, reviewed_on: datetime.date) -> None:
        self._check(lib.ta_review_schedule_add_review(self._h(), c_str(code, "code"),
                                                      to_c(reviewed_on)))

    def set_end(self, code: str, ceases_on: datetime.date, note: Optional[str] = None) -> None:
        self._check(lib.ta_review_schedule_set_end(self._h(), c_str(code, "code"),
                                                   to_c(ceases_on), c_opt_str(note, "note")))

    def add_evidence(self, code: str, quarter_end: datetime.date, segment: int = 0,
                     deficit: Optional[bool] = None, rsp: Optional[bool] = None) -> None:
        """One quarter's adjusted segment (0 = unknown) and flags (None = unknown)."""
        self._check(lib.ta_review_schedule_add_evidence(
            self._h(), c_str(code, "code"), to_c(quarter_end), c_signed(segment, "segment"),
            tristate(deficit, "deficit"), tristate(rsp, "rsp")))

    def add_register(self, register: "Register", on: datetime.date) -> None:  # noqa: F821
        """Adds every trust that is an advanced foundation trust on `on` in
        `register` (a :class:`~trustassess.Register`), from its last
        (re)authorisation, with its reviews since and a later ceasing."""
        from .register import Register

        if not isinstance(register, Register):
            raise TypeError(f"register must be a Register, not {type(register).__name__}")
        self._check(lib.ta_review_schedule_add_register(self._h(), register._h(), to_c(on, "on")))

    def read_csv(self, data: Union[str, bytes], name: str = "<text>") -> None:
        """Reads trusts from CSV text (Trust_code, Trust_name, Authorised_on,
        Last_reviewed_on, optional Ceases_on); errors name NAME:LINE:COLUMN."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if not isinstance(raw, bytes):
            raise TypeError(f"data must be str or bytes, not {type(data).__name__}")
        self._check(lib.ta_review_schedule_read_buffer(self._h(), raw, len(raw),
                                                    c_str(name, "name")))

    def read_file(self, path: Any) -> None:
        """Reads trusts from a CSV file (a str or os.PathLike path), as
        :meth:`read_csv`; errors name the path."""
        self._check(lib.ta_review_schedule_read_file(self._h(), c_path(path)))

    # -- triggers and sittings -----------------------------------------------

    def clear_triggers(self) -> None:
        self._check(lib.ta_review_schedule_clear_triggers(self._h()))

    def add_trigger(self, kind: ReviewTrigger, worse_than: int = 0, quarters: int = 0,
                    lead_days: int = 0) -> None:
        self._check(lib.ta_review_schedule_add_trigger(
            self._h(), enum_arg(ReviewTrigger, kind, "kind"), c_signed(worse_than, "worse_than"),
            c_signed(quarters, "quarters"), c_signed(lead_days, "lead_days")))

    def add_sitting(self, d: datetime.date) -> None:
        self._check(lib.ta_review_schedule_add_sitting(self._h(), to_c(d)))

    def add_sittings_weekly(self, start: datetime.date, end: datetime.date,
                            weekdays: Iterable[Weekday]) -> int:
        """Sittings on every working day start..end whose weekday is in
        `weekdays`; returns how many were added."""
        mask = 0
        for wd in weekdays:
            mask |= 1 << (enum_arg(Weekday, wd, "weekday") - 1)
        added = ctypes.c_size_t()
        self._check(lib.ta_review_schedule_add_sittings_weekly(
            ctypes.byref(added), self._h(), to_c(start, "start"), to_c(end, "end"), mask
        ))
        return added.value

    def set_capacity(self, per_sitting: int) -> None:
        self._check(lib.ta_review_schedule_set_capacity(self._h(),
                                                        c_signed(per_sitting, "per_sitting")))

    # -- results ---------------------------------------------------------------

    def compute(self) -> ReviewResults:
        """Computes due dates and placements; returns :meth:`results`."""
        self._check(lib.ta_review_schedule_compute(self._h()))
        return self.results()

    def results(self) -> ReviewResults:
        """One result per trust, by due date then code (StateError before
        compute); a list with :meth:`ReviewResults.to_pandas`."""
        h = self._h()
        count = lib.ta_review_schedule_count(h)
        if count == 0:
            # 0 results before compute: the first result's status tells
            # "not computed" (StateError) from "computed, none" (EINVAL).
            st = lib.ta_review_schedule_due(None, None, h, 0)
            if st != 1:
                self._check(st)
        out = ReviewResults()
        for i in range(count):
            due, regular, fired, sitting = TaDate(), TaDate(), TaDate(), TaDate()
            kind, placed, ov = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
            late, days = ctypes.c_int32(), ctypes.c_int32()
            self._check(lib.ta_review_schedule_due(ctypes.byref(due), ctypes.byref(regular), h, i))
            self._check(lib.ta_review_schedule_trigger(
                ctypes.byref(kind), ctypes.byref(fired), h, i
            ))
            self._check(lib.ta_review_schedule_placement(
                ctypes.byref(placed), ctypes.byref(sitting), ctypes.byref(late), h, i
            ))
            self._check(lib.ta_review_schedule_overdue(ctypes.byref(ov), ctypes.byref(days), h, i))
            trig = ReviewTrigger(kind.value)
            overdue = from_tristate(ov.value)
            out.append(ReviewResult(
                code=text(lib.ta_review_schedule_code(h, i)) or "",
                name=text(lib.ta_review_schedule_name(h, i)) or "",
                due=from_c(due), regular_due=from_c(regular), trigger=trig,
                trigger_fired_on=from_c(fired) if trig != ReviewTrigger.NONE else None,
                placed=bool(placed.value),
                sitting=from_c(sitting) if placed.value else None,
                late_days=late.value if placed.value else None,
                overdue=overdue, overdue_days=days.value if overdue else None,
                dropped=bool(lib.ta_review_schedule_dropped(h, i)),
                note=text(lib.ta_review_schedule_note(h, i)) or ""))
        return out

    def to_csv(self) -> str:
        """The results as CSV (LF line ends)."""
        t, n = ctypes.c_char_p(), ctypes.c_size_t()
        self._check(lib.ta_review_schedule_to_csv(ctypes.byref(t), ctypes.byref(n), self._h()))
        return ctypes.string_at(t, n.value).decode("utf-8")

    def to_ics(self, dtstamp: Union[str, datetime.datetime]) -> str:
        """The placed reviews as an iCalendar VCALENDAR; `dtstamp` is an aware
        UTC datetime or the text YYYYMMDDTHHMMSSZ."""
        if isinstance(dtstamp, datetime.datetime):
            if dtstamp.tzinfo is None:
                raise ValueError("dtstamp must be timezone-aware (UTC)")
            dtstamp = dtstamp.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        t, n = ctypes.c_char_p(), ctypes.c_size_t()
        self._check(lib.ta_review_schedule_to_ics(
            ctypes.byref(t), ctypes.byref(n), self._h(), c_str(dtstamp, "dtstamp")
        ))
        return ctypes.string_at(t, n.value).decode("utf-8")
