"""The earned-autonomy screen (``trustassess/eligibility.h``).

:class:`Criteria` are criteria sets (the built-in ``aft-guide``, ``aft-2025``
and ``iho-2025``, or a criteria CSV). :class:`Screen` screens every trust of a
published file's last quarter (or of the quarter given as ``as_of``) against
them, with supplied evidence (judgements, CQC ratings) from code or a CSV, and
gives one :class:`EligibilityRow` per trust. :func:`eligibility` does all of
it in one call, as ``trustassess eligibility`` does. The screen is an aid to
the panel's judgement, never the decision; the criteria and the back-test
against NHS England's nominations are in docs/eligibility.md.
"""

from __future__ import annotations

import ctypes
import datetime
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple, Union

from ._frame import frame
from ._handle import (Handle, PathLike, c_int, c_opt_str, c_path, c_str, check, enum_arg,
                      tristate)
from ._lib import lib, text
from .dates import to_c
from .enums import CqcRating, CriterionOutcome, Eligibility
from .nhse import NhseFile

__all__ = ["Criteria", "Screen", "EligibilityRow", "EligibilityRows", "CriterionResult",
           "eligibility", "criteria_preset_names", "ELIGIBILITY_COLUMNS",
           "ELIGIBILITY_CRITERIA_COLUMNS"]

_FORMATS = {"csv": 0, "table": 1, "json": 2}


def criteria_preset_names() -> List[str]:
    """The built-in criteria sets ("aft-2025", "iho-2025", "aft-guide")."""
    return [lib.ta_criteria_preset_name(i).decode("utf-8")
            for i in range(lib.ta_criteria_preset_count())]


class Criteria(Handle):
    """A criteria set (``ta_criteria``)."""

    _free_name = "ta_criteria_free"
    _error_name = "ta_criteria_error"
    _kind = "criteria set"

    def __init__(self, ptr: int) -> None:
        super().__init__(ptr)

    @classmethod
    def preset(cls, name: str) -> "Criteria":
        """A built-in set by name (NotFoundError for an unknown one)."""
        out = ctypes.c_void_p()
        check(lib.ta_criteria_preset(ctypes.byref(out), c_str(name, "name"), None),
              f'no built-in criteria set "{name}"')
        return cls(out.value)  # type: ignore[arg-type]

    @classmethod
    def from_csv(cls, path: PathLike, name: str = "file") -> "Criteria":
        """A set read from a criteria CSV (Id,Name,Kind,Parameters,Source,Our_reading)."""
        out = ctypes.c_void_p()
        check(lib.ta_criteria_new(ctypes.byref(out), c_str(name, "name"), None))
        c = cls(out.value)  # type: ignore[arg-type]
        try:
            c._check(lib.ta_criteria_read_file(c._h(), c_path(path)))
        except BaseException:
            c.close()
            raise
        return c

    @property
    def name(self) -> str:
        return lib.ta_criteria_name(self._h()).decode("utf-8")

    def __len__(self) -> int:
        return lib.ta_criteria_count(self._h())

    def info(self, i: int) -> Tuple[str, str, str, str, str]:
        """Criterion i: (id, name, parameters, source, our reading)."""
        h, kind = self._h(), ctypes.c_int()
        self._check(lib.ta_criteria_criterion_kind(ctypes.byref(kind), h, c_int(i, "i")))
        return tuple(text(f(h, i)) or "" for f in (  # type: ignore[return-value]
            lib.ta_criteria_criterion_id, lib.ta_criteria_criterion_name,
            lib.ta_criteria_criterion_parameters, lib.ta_criteria_criterion_source,
            lib.ta_criteria_criterion_reading))


@dataclass(frozen=True)
class CriterionResult:
    """One criterion for one trust."""

    id: str
    outcome: CriterionOutcome
    value: Optional[float]
    threshold: Optional[float]
    period: Optional[str]
    reason: str


@dataclass(frozen=True)
class EligibilityRow:
    """One trust's screen: the verdict and every criterion behind it."""

    code: str
    name: str
    trust_type: str
    verdict: Eligibility
    criteria: Tuple[CriterionResult, ...]
    change: str  #: for a close trust, what would have to change
    iho_verdict: Optional[Eligibility]  #: None without an IHO set

    def row(self) -> Tuple[object, ...]:
        """This trust as one row of :data:`ELIGIBILITY_COLUMNS`."""
        iho = self.iho_verdict
        return (self.code, self.name, self.trust_type, self.verdict.name.lower(),
                self.verdict == Eligibility.ELIGIBLE, iho.name.lower() if iho is not None else None,
                (iho == Eligibility.ELIGIBLE) if iho is not None else None,
                sum(c.outcome == CriterionOutcome.MET for c in self.criteria), len(self.criteria),
                self.change)


#: The columns of :meth:`EligibilityRows.to_pandas`, one row per trust.
ELIGIBILITY_COLUMNS = ("Trust_code", "Trust_name", "Trust_type", "Verdict", "Eligible",
                       "IHO_verdict", "IHO_eligible", "Criteria_met", "Criteria", "Change")

#: The columns of ``EligibilityRows.to_pandas(criteria=True)``, one row per
#: trust and criterion.
ELIGIBILITY_CRITERIA_COLUMNS = ("Trust_code", "Criterion", "Outcome", "Met", "Value", "Threshold",
                                "Period", "Reason")


class EligibilityRows(List[EligibilityRow]):
    """The rows of :meth:`Screen.results` and :func:`eligibility`: a list,
    plus :meth:`to_pandas`."""

    def to_pandas(self, criteria: bool = False) -> Any:
        """A typed ``pandas.DataFrame`` (imports pandas only here).

        One row per trust (:data:`ELIGIBILITY_COLUMNS`): Trust_code,
        Trust_name, Trust_type text; Verdict text (``eligible``, ``close``,
        ``not_eligible``) and Eligible bool; IHO_verdict text and IHO_eligible
        nullable boolean (missing without an IHO set); Criteria_met and
        Criteria int64 (the AFT criteria met, and assessed); Change text.

        With `criteria`, one row per trust and AFT criterion
        (:data:`ELIGIBILITY_CRITERIA_COLUMNS`): Outcome text (``met``,
        ``not_met``, ``no_evidence``) and Met bool; Value and Threshold
        float64 (NaN when the criterion has none); Period and Reason text.
        """
        if criteria:
            return frame(ELIGIBILITY_CRITERIA_COLUMNS,
                         [(r.code, c.id, c.outcome.name.lower(), c.outcome == CriterionOutcome.MET,
                           c.value, c.threshold, c.period, c.reason)
                          for r in self for c in r.criteria],
                         {"Met": "bool", "Value": "float64", "Threshold": "float64"})
        return frame(ELIGIBILITY_COLUMNS, [r.row() for r in self],
                     {"Eligible": "bool", "IHO_eligible": "boolean", "Criteria_met": "int64",
                      "Criteria": "int64"})


def _criteria(c: Union[Criteria, str, None]) -> Optional[Criteria]:
    if c is None or isinstance(c, Criteria):
        return c
    if isinstance(c, str):
        return Criteria.preset(c)
    raise TypeError(f"criteria must be Criteria, a preset name or None, not {type(c).__name__}")


class Screen(Handle):
    """The screen over a published file (``ta_screen``); keeps the file alive."""

    _free_name = "ta_screen_free"
    _error_name = "ta_screen_error"
    _kind = "eligibility screen"

    def __init__(self, nhse_file: NhseFile, as_of: Optional[str] = None) -> None:
        """Every quarter of `nhse_file`, or those up to and including quarter
        `as_of` ("Q1 2025/26": only what was published by then; CQC ratings
        are then judged on its last day)."""
        if not isinstance(nhse_file, NhseFile):
            raise TypeError(f"nhse_file must be an NhseFile, not {type(nhse_file).__name__}")
        out = ctypes.c_void_p()
        fw, f = nhse_file.framework._h(), nhse_file._h()
        if as_of is None:
            check(lib.ta_screen_new_nhse(ctypes.byref(out), fw, f, None))
        else:
            check(lib.ta_screen_new_nhse_as_of(ctypes.byref(out), fw, f, c_str(as_of, "as_of"),
                                               None), f'no quarter "{as_of}" in the file')
        super().__init__(out.value, [nhse_file])  # type: ignore[arg-type]

    def set_as_of(self, d: datetime.date) -> None:
        """The date supplied CQC ratings are judged current on."""
        self._check(lib.ta_screen_set_as_of(self._h(), to_c(d, "as_of")))

    def set_quarters(self, quarters: int) -> None:
        """K of every segment criterion (1..40; 0: each criterion's own)."""
        self._check(lib.ta_screen_set_quarters(self._h(), c_int(quarters, "quarters")))

    def supply_judgement(self, code: str, key: str, value: Optional[bool],
                         note: Optional[str] = None) -> None:
        """A yes/no judgement for a trust (None removes it)."""
        self._check(lib.ta_screen_supply_judgement(self._h(), c_str(code, "code"),
                                                   c_str(key, "key"), tristate(value, "value"),
                                                   c_opt_str(note, "note")))

    def supply_cqc(self, code: str, rating: CqcRating, rated_on: datetime.date) -> None:
        self._check(lib.ta_screen_supply_cqc(self._h(), c_str(code, "code"),
                                             enum_arg(CqcRating, rating, "rating"),
                                             to_c(rated_on, "rated_on")))

    def read_evidence(self, data: Union[str, bytes], name: str = "<text>") -> None:
        """Supplied evidence from CSV text (Trust_code, Judgement, Value[, Date, Note])."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if not isinstance(raw, bytes):
            raise TypeError(f"data must be str or bytes, not {type(data).__name__}")
        self._check(lib.ta_screen_read_evidence_buffer(
            self._h(), raw, len(raw), c_str(name, "name")
        ))

    def read_evidence_csv(self, path: PathLike) -> None:
        self._check(lib.ta_screen_read_evidence_file(self._h(), c_path(path)))

    def periods(self) -> List[str]:
        h = self._h()
        return [lib.ta_screen_period(h, q).decode("utf-8")
                for q in range(lib.ta_screen_period_count(h))]

    def run(self, aft: Union[Criteria, str] = "aft-guide",
            iho: Union[Criteria, str, None] = "iho-2025") -> EligibilityRows:
        """Screens every trust against `aft` (and `iho`); returns :meth:`results`."""
        a, i = _criteria(aft), _criteria(iho)
        try:
            self._check(lib.ta_screen_run(self._h(), a._h() if a else None,
                                          i._h() if i else None))
        finally:
            if a is not aft and a is not None:
                a.close()
            if i is not iho and i is not None:
                i.close()
        return self.results()

    def _row_criteria(self, level: int, i: int) -> Tuple[CriterionResult, ...]:
        h = self._h()
        out = []
        for k in range(lib.ta_screen_criterion_count(h, level)):
            o, hv, ht = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
            v, t = ctypes.c_double(), ctypes.c_double()
            q = ctypes.c_size_t()
            self._check(lib.ta_screen_result_outcome(ctypes.byref(o), h, level, i, k))
            self._check(lib.ta_screen_result_value(ctypes.byref(hv), ctypes.byref(v), h, level, i,
                                                   k))
            self._check(lib.ta_screen_result_threshold(ctypes.byref(ht), ctypes.byref(t), h, level,
                                                       i, k))
            self._check(lib.ta_screen_result_period(ctypes.byref(q), h, level, i, k))
            period = None
            if q.value != ctypes.c_size_t(-1).value:
                period = lib.ta_screen_period(h, q.value).decode("utf-8")
            out.append(CriterionResult(
                id=lib.ta_screen_criterion_id(h, level, k).decode("utf-8"),
                outcome=CriterionOutcome(o.value), value=v.value if hv.value else None,
                threshold=t.value if ht.value else None, period=period,
                reason=text(lib.ta_screen_result_reason(h, level, i, k)) or ""))
        return tuple(out)

    def results(self) -> EligibilityRows:
        """One row per trust (StateError before :meth:`run`); a list with
        :meth:`EligibilityRows.to_pandas`."""
        h = self._h()
        rows = EligibilityRows()
        has_iho = lib.ta_screen_criterion_count(h, 1) > 0
        for i in range(lib.ta_screen_trust_count(h)):
            v, iv = ctypes.c_int(), ctypes.c_int()
            self._check(lib.ta_screen_verdict(ctypes.byref(v), h, 0, i))
            if has_iho:
                self._check(lib.ta_screen_verdict(ctypes.byref(iv), h, 1, i))
            rows.append(EligibilityRow(
                code=lib.ta_screen_trust_code(h, i).decode("utf-8"),
                name=text(lib.ta_screen_trust_name(h, i)) or "",
                trust_type=text(lib.ta_screen_trust_type(h, i)) or "",
                verdict=Eligibility(v.value), criteria=self._row_criteria(0, i),
                change=text(lib.ta_screen_change(h, 0, i)) or "",
                iho_verdict=Eligibility(iv.value) if has_iho else None))
        return rows

    def export(self, fmt: str = "csv", code: Optional[str] = None) -> str:
        """The results as the command writes them: csv, table or json."""
        if fmt not in _FORMATS:
            raise ValueError(f"fmt must be csv, table or json, not {fmt!r}")
        t, n = ctypes.c_char_p(), ctypes.c_size_t()
        self._check(lib.ta_screen_export(
            ctypes.byref(t), ctypes.byref(n), self._h(), _FORMATS[fmt], c_opt_str(code, "code")
        ))
        return ctypes.string_at(t, n.value).decode("utf-8")


def eligibility(nhse_file: NhseFile, *, as_of: Optional[str] = None,
                evidence: Optional[Union[str, bytes]] = None,
                evidence_csv: Optional[PathLike] = None,
                aft: Union[Criteria, str] = "aft-guide",
                iho: Union[Criteria, str, None] = "iho-2025",
                quarters: int = 0) -> EligibilityRows:
    """``trustassess eligibility`` in one call: the screen of `nhse_file` (as
    of quarter `as_of`), with supplied evidence as CSV text or a file."""
    with Screen(nhse_file, as_of=as_of) as s:
        if quarters:
            s.set_quarters(quarters)
        if evidence is not None:
            s.read_evidence(evidence)
        if evidence_csv is not None:
            s.read_evidence_csv(evidence_csv)
        return s.run(aft, iho)

