"""The status register of advanced foundation trusts (``trustassess/register.h``).

:class:`Register` holds dated events per trust (nominated, authorised,
reviewed, deauthorised, reauthorised, ft_authorised, ceased) and answers, for
any date, the status held, since when and the next review due, as
:class:`RegisterStatus`. Impossible sequences raise
:class:`~trustassess.InconsistentError` with the reason (and, from CSV, the
file, line and column). The rules and our readings are in docs/review.md.
"""

from __future__ import annotations

import ctypes
import datetime
from dataclasses import dataclass
from typing import List, Optional, Tuple, Union

from ._handle import Handle, c_opt_str, c_path, c_signed, c_str, check, enum_arg
from ._lib import TaDate, lib, text
from .dates import from_c, to_c
from .enums import Feb29Rule, FtStatus, RegisterEvent

__all__ = ["Register", "RegisterStatus", "event_name"]


def event_name(event: RegisterEvent) -> str:
    """The CSV name of an event ("nominated", "ft_authorised", ...)."""
    return lib.ta_register_event_name(enum_arg(RegisterEvent, event, "event")).decode("utf-8")


@dataclass(frozen=True)
class RegisterStatus:
    """A trust's state on a date (the columns of ``trustassess status``)."""

    code: str
    name: str
    known: bool  #: False before the trust's first event
    status: Optional[FtStatus]  #: None when not known
    since: Optional[datetime.date]  #: the event that gave the status
    ceased: bool
    next_review_due: Optional[datetime.date]  #: an AFT only
    reasons: str


def _date_or_none(d: TaDate) -> Optional[datetime.date]:
    return from_c(d) if d.year else None


class Register(Handle):
    """A status register (``ta_register``): interval 5 years, 29 February to
    28 February, a deauthorised trust a foundation trust, until changed."""

    _free_name = "ta_register_free"
    _error_name = "ta_register_error"
    _kind = "status register"

    def __init__(self) -> None:
        out = ctypes.c_void_p()
        check(lib.ta_register_new(ctypes.byref(out), None))
        super().__init__(out.value)  # type: ignore[arg-type]

    def set_interval_years(self, years: int) -> None:
        self._check(lib.ta_register_set_interval_years(self._h(), c_signed(years, "years")))

    def set_feb29_rule(self, rule: Feb29Rule) -> None:
        self._check(lib.ta_register_set_feb29_rule(self._h(), enum_arg(Feb29Rule, rule, "rule")))

    def set_deauthorised_status(self, status: FtStatus) -> None:
        """NHS trust or foundation trust (the default, our reading)."""
        self._check(lib.ta_register_set_deauthorised_status(
            self._h(), enum_arg(FtStatus, status, "status")))

    def add_event(self, code: str, on: datetime.date, event: Union[RegisterEvent, str],
                  name: Optional[str] = None, note: Optional[str] = None) -> None:
        """Adds an event (an enum or its CSV name, any case)."""
        if isinstance(event, str):
            out = ctypes.c_int()
            check(lib.ta_register_event_parse(ctypes.byref(out), c_str(event, "event")),
                  f'"{event}" is not a register event')
            event = RegisterEvent(out.value)
        self._check(lib.ta_register_add_event(
            self._h(), c_str(code, "code"), c_opt_str(name, "name"), to_c(on, "on"),
            enum_arg(RegisterEvent, event, "event"), c_opt_str(note, "note")))

    def read_text(self, data: Union[str, bytes], name: str = "<text>") -> None:
        """Reads EVENTS.csv text (Trust_code, Date, Event; optional Trust_name,
        Note). All or nothing; errors name NAME:LINE:COLUMN."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if not isinstance(raw, bytes):
            raise TypeError(f"data must be str or bytes, not {type(data).__name__}")
        self._check(lib.ta_register_read_buffer(self._h(), raw, len(raw), c_str(name, "name")))

    def read_csv(self, path: Union[str, "os.PathLike[str]"]) -> None:  # noqa: F821
        self._check(lib.ta_register_read_file(self._h(), c_path(path)))

    def __len__(self) -> int:
        return lib.ta_register_trust_count(self._h())

    def codes(self) -> List[str]:
        h = self._h()
        return [lib.ta_register_trust_code(h, i).decode("utf-8") for i in range(len(self))]

    def _index(self, code: str) -> int:
        i = ctypes.c_size_t()
        self._check(lib.ta_register_find(ctypes.byref(i), self._h(), c_str(code, "code")))
        return i.value

    def events(self, code: str) -> List[Tuple[datetime.date, RegisterEvent, str]]:
        """The trust's events in order: (date, event, note)."""
        h, i = self._h(), self._index(code)
        d, kind, note = TaDate(), ctypes.c_int(), ctypes.c_char_p()
        out = []
        for k in range(lib.ta_register_event_count(h, i)):
            self._check(lib.ta_register_event_info(
                ctypes.byref(d), ctypes.byref(kind), ctypes.byref(note), h, i, k
            ))
            out.append((from_c(d), RegisterEvent(kind.value), text(note.value) or ""))
        return out

    def latest(self) -> Optional[datetime.date]:
        """The date of the latest event of any trust (None when empty)."""
        h, best = self._h(), None
        d = TaDate()
        for i in range(len(self)):
            self._check(lib.ta_register_last_date(ctypes.byref(d), h, i))
            if d.year and (best is None or from_c(d) > best):
                best = from_c(d)
        return best

    def status_on(self, code: str, on: datetime.date) -> RegisterStatus:
        """Trust `code`'s state at the end of day `on`."""
        h, i = self._h(), self._index(code)
        c_on = to_c(on, "on")
        known, st, ceased, has = ctypes.c_int(), ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
        since, due = TaDate(), TaDate()
        needed = ctypes.c_size_t()
        self._check(lib.ta_register_status_on(
            ctypes.byref(known), ctypes.byref(st), ctypes.byref(since), h, i, c_on
        ))
        self._check(lib.ta_register_ceased_on(ctypes.byref(ceased), h, i, c_on))
        self._check(lib.ta_register_review_due(ctypes.byref(has), ctypes.byref(due), h, i, c_on))
        self._check(lib.ta_register_reasons(None, 0, ctypes.byref(needed), h, i, c_on))
        buf = ctypes.create_string_buffer(needed.value + 1)
        self._check(lib.ta_register_reasons(buf, len(buf), None, h, i, c_on))
        return RegisterStatus(
            code=code, name=text(lib.ta_register_trust_name(h, i)) or "",
            known=bool(known.value), status=FtStatus(st.value) if known.value else None,
            since=_date_or_none(since) if known.value else None, ceased=bool(ceased.value),
            next_review_due=from_c(due) if has.value else None,
            reasons=buf.value.decode("utf-8"))

    def statuses(self, on: Optional[datetime.date] = None) -> List[RegisterStatus]:
        """Every trust's state on `on` (default: the latest event's date)."""
        day = on if on is not None else self.latest()
        if day is None:
            return []
        return [self.status_on(c, day) for c in self.codes()]
