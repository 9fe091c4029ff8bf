"""Verifying NHS England's published figures (``trustassess/verify.h``).

>>> v = ta.verify(ta.read_nhse_csv(path), quarter="Q4")
>>> v.ok, len(v.differences)

Each published figure is recomputed two ways (step by step from the figures
of the step before, and end to end from the published metric scores) and
compared; a difference the rounding of the published inputs explains is
``Verdict.EXPLAINED``. The result is plain data: the C handle is freed before
:func:`verify` returns.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple

from ._frame import frame
from ._handle import Handle, check
from ._lib import lib, text
from .enums import Verdict, VerifyMode
from .nhse import NhseFile

__all__ = ["verify", "Verification", "Summary", "Difference", "Unchecked",
           "VERIFY_DIFFERENCE_COLUMNS", "VERIFY_SUMMARY_COLUMNS", "VERIFY_UNCHECKED_COLUMNS"]

#: The columns of :meth:`Verification.to_pandas` (one tuple per table).
VERIFY_DIFFERENCE_COLUMNS = ("Period", "Trust_code", "Figure", "Mode", "Published", "Computed",
                             "Verdict", "Reason")
VERIFY_SUMMARY_COLUMNS = ("Period", "Figure", "Mode", "Checked", "Agreed", "Explained",
                          "Unexplained")
VERIFY_UNCHECKED_COLUMNS = ("Period", "Figure", "Count", "Reason")


@dataclass(frozen=True)
class Summary:
    """Per (period, figure, mode): figures checked, agreeing, explained."""

    period: str
    figure: str  #: the framework's figure ID ("OF5002"); the rank is "OF5000 Rank"
    mode: VerifyMode
    checked: int
    agreed: int
    explained: int

    @property
    def unexplained(self) -> int:
        return self.checked - self.agreed - self.explained


@dataclass(frozen=True)
class Difference:
    """One published figure that differs from the recomputed one."""

    period: str
    trust_code: str
    figure: str
    mode: VerifyMode
    published: float
    computed: float
    verdict: Verdict
    reason: str


@dataclass(frozen=True)
class Unchecked:
    """Published figures the verification does not check, by (period, figure, reason)."""

    period: str
    figure: str
    count: int
    reason: str = ""  #: why, e.g. "pool of 205 trusts; this file has 61"


@dataclass(frozen=True)
class Verification:
    """The outcome of :func:`verify`; ``ok`` when no difference is unexplained."""

    summaries: Tuple[Summary, ...]
    differences: Tuple[Difference, ...]
    unchecked: Tuple[Unchecked, ...]
    ok: bool
    notes: Tuple[str, ...] = ()  #: what reconstructing unrounded scores could not do

    @property
    def not_checked(self) -> int:
        """How many published figures went unchecked (see :attr:`unchecked` for why)."""
        return sum(u.count for u in self.unchecked)

    def unexplained(self) -> List[Difference]:
        return [d for d in self.differences if d.verdict == Verdict.UNEXPLAINED]

    def to_pandas(self, table: str = "differences") -> Any:
        """A typed ``pandas.DataFrame`` of one of the three tables (imports
        pandas only here):

        - ``"differences"`` (the default): Period, Trust_code, Figure, Mode and
          Verdict as text (``step_by_step``, ``unexplained``, ...), Published
          and Computed float64, Reason text;
        - ``"summaries"``: Period, Figure, Mode text; Checked, Agreed,
          Explained, Unexplained int64;
        - ``"unchecked"``: Period, Figure text; Count int64; Reason text.
        """
        if table == "differences":
            return frame(VERIFY_DIFFERENCE_COLUMNS,
                         [(d.period, d.trust_code, d.figure, d.mode.name.lower(), d.published,
                           d.computed, d.verdict.name.lower(), d.reason)
                          for d in self.differences],
                         {"Published": "float64", "Computed": "float64"})
        if table == "summaries":
            return frame(VERIFY_SUMMARY_COLUMNS,
                         [(s.period, s.figure, s.mode.name.lower(), s.checked, s.agreed,
                           s.explained, s.unexplained) for s in self.summaries],
                         {c: "int64" for c in VERIFY_SUMMARY_COLUMNS[3:]})
        if table == "unchecked":
            return frame(VERIFY_UNCHECKED_COLUMNS,
                         [(u.period, u.figure, u.count, u.reason) for u in self.unchecked],
                         {"Count": "int64"})
        raise ValueError(f"table must be differences, summaries or unchecked, not {table!r}")


class _Verification(Handle):
    _free_name = "ta_verification_free"
    _error_name = "ta_verification_error"
    _kind = "verification"

    def __init__(self, nf: NhseFile) -> None:
        out = ctypes.c_void_p()
        check(lib.ta_verification_new(ctypes.byref(out), nf._h(), None))
        super().__init__(out.value, [nf])  # type: ignore[arg-type]


def _s(p: ctypes.c_char_p) -> str:
    return text(p.value) or ""


def _t(value: Optional[bytes]) -> str:
    return text(value) or ""


def verify(nhse_file: NhseFile, quarter: Optional[str] = None) -> Verification:
    """Verifies one quarter ("Q4 2025/26" or a unique "Q4") or, by default,
    every quarter of the file."""
    if not isinstance(nhse_file, NhseFile):
        raise TypeError(f"nhse_file must be an NhseFile, not {type(nhse_file).__name__}")
    period = nhse_file.find_period(quarter).encode("utf-8") if quarter is not None else None
    with _Verification(nhse_file) as v:
        h = v._h()
        v._check(lib.ta_verification_run(h, period))
        p, fig = ctypes.c_char_p(), ctypes.c_char_p()
        mode, verdict = ctypes.c_int(), ctypes.c_int()
        n1, n2, n3 = ctypes.c_size_t(), ctypes.c_size_t(), ctypes.c_size_t()
        pub, comp = ctypes.c_double(), ctypes.c_double()
        summaries = []
        for k in range(lib.ta_verification_summary_count(h)):
            v._check(lib.ta_verification_summary_mode(ctypes.byref(mode), h, k))
            v._check(lib.ta_verification_summary_counts(
                ctypes.byref(n1), ctypes.byref(n2), ctypes.byref(n3), h, k
            ))
            summaries.append(Summary(_t(lib.ta_verification_summary_period(h, k)),
                                     _t(lib.ta_verification_summary_figure(h, k)),
                                     VerifyMode(mode.value), n1.value, n2.value, n3.value))
        differences = []
        for k in range(lib.ta_verification_difference_count(h)):
            v._check(lib.ta_verification_difference_mode(ctypes.byref(mode), h, k))
            v._check(lib.ta_verification_difference_values(ctypes.byref(pub), ctypes.byref(comp),
                                                           h, k))
            v._check(lib.ta_verification_difference_verdict(ctypes.byref(verdict), h, k))
            differences.append(Difference(_t(lib.ta_verification_difference_period(h, k)),
                                          _t(lib.ta_verification_difference_trust_code(h, k)),
                                          _t(lib.ta_verification_difference_figure(h, k)),
                                          VerifyMode(mode.value), pub.value, comp.value,
                                          Verdict(verdict.value),
                                          _t(lib.ta_verification_difference_reason(h, k))))
        unchecked = []
        for k in range(lib.ta_verification_unchecked_count(h)):
            v._check(lib.ta_verification_unchecked(
                ctypes.byref(p), ctypes.byref(fig), ctypes.byref(n1), h, k
            ))
            unchecked.append(Unchecked(_s(p), _s(fig), n1.value,
                                       text(lib.ta_verification_unchecked_reason(h, k)) or ""))
        notes = tuple(text(lib.ta_verification_note(h, k)) or ""
                      for k in range(lib.ta_verification_note_count(h)))
        status = lib.ta_verification_status(h)
        if status not in (0, 9):
            v._check(status)
        return Verification(tuple(summaries), tuple(differences), tuple(unchecked), status == 0,
                            notes)
