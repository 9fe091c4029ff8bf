"""Segmentation and league tables (``trustassess/assessment.h``).

An :class:`Assessment` applies one framework to the trusts of one period::

    with ta.Assessment(fw, period="Q4 2025/26") as a:
        a.add_columns(codes, metric_ids, scores, kind="score")
        a.set_trust_fields("RX1", name="...", trust_type="...")
        a.run()
        for r in a.league():          # TrustResult, in league order
            print(r.rank, r.adjusted, r.average_rounded, r.name)

Every figure is the library's: the average, its rounding, the segments, the
deficit cap, the rank and the league order. Results are frozen dataclasses
(:class:`TrustResult`); :meth:`Assessment.league_table` gives a
:class:`LeagueTable` with NHS England's published columns.

Analysis (``trustassess/analysis.h``) on a run assessment::

    a.likely_ranges(replicates=10000, interval=0.95, seed=1, threads=1)
    r = a.result("RX1")
    r.likely_average, r.likely_rank        # (1.2, 1.89), (1, 11); None until computed
    a.whatif("RX1", "OF1005")              # score decrease to the next better segment
    a.whatif_batch()                       # {trust code: {metric ID: decrease}}

Likely ranges are a seeded bootstrap of each trust's own metric scores: the
same seed gives the same ranges on any number of threads. They are kept on
the assessment until its inputs change, and every :class:`TrustResult` read
after :meth:`Assessment.likely_ranges` carries them (``likely_average``,
``likely_rank``); :meth:`Assessment.likely_average_range` and
:meth:`Assessment.likely_rank_range` read them for one trust and raise
instead (StateError before they are computed, NotFoundError for a trust that
is not segmented).
"""

from __future__ import annotations

import ctypes
import math
import os
from dataclasses import dataclass, field
from typing import (
    Any,
    Dict,
    Iterable,
    Iterator,
    List,
    Optional,
    Sequence,
    Tuple,
    Union,
)

from ._handle import (
    Handle,
    c_double,
    c_int,
    c_signed,
    c_str,
    c_unsigned,
    check,
    enum_arg,
    from_tristate,
    tristate,
)
from ._lib import lib, text
from .common import format_decimal
from .enums import Flag, InputKind, Quantile, Reason, TrustField
from .errors import NotFoundError
from .framework import Framework, doubles
from .trust import Trust

__all__ = [
    "Assessment",
    "TrustResult",
    "LeagueRow",
    "LeagueTable",
    "LEAGUE_COLUMNS",
    "quantile_cutoffs",
    "round_half_up",
    "range_text",
]

_ENOTFOUND = 3
_ESTATE = 8

#: Colours of segments 1-5 in pictures (the command's html/svg and :meth:`LeagueTable.plot`).
SEGMENT_COLOURS = {1: "#1a9850", 2: "#91cf60", 3: "#fc8d59", 4: "#d73027", 5: "#762a83"}

#: The likely ranges' bounds as numbers, after :data:`LEAGUE_COLUMNS` in
#: :meth:`LeagueTable.to_pandas`.
LEAGUE_RANGE_COLUMNS = ("Average_score_low", "Average_score_high", "Rank_low", "Rank_high")

#: The columns of NHS England's published league table (and ``trustassess league``).
LEAGUE_COLUMNS: Tuple[str, ...] = (
    "Quarter",
    "Region",
    "Trust_type",
    "Trust_subtype",
    "Trust_code",
    "Trust_name",
    "Average_score",
    "Likely_range_of_average_score",
    "Segment",
    "Trust_in_financial_deficit",
    "Rank",
    "Likely_range_of_rank",
)


def quantile_cutoffs(values: Sequence[float], n_out: int = 3,
                     definition: Quantile = Quantile.TYPE7) -> Tuple[float, ...]:
    """``ta_quantile_cutoffs``: cut-off k = quantile (k+1)/(n_out+1) of `values`
    (n_out = 3 gives the quartiles). NaN/inf or no values: InvalidArgumentError."""
    arr, n = doubles(values, "values")
    k = c_int(n_out, "n_out")
    if k < 0:
        raise TypeError("n_out must be non-negative")
    k = c_unsigned(k, "n_out", 64)
    out = (ctypes.c_double * max(k, 1))()
    check(lib.ta_quantile_cutoffs(out, k, arr, n, enum_arg(Quantile, definition, "definition"),
                                  None))
    return tuple(out[:k])


def round_half_up(x: float, decimals: int) -> float:
    """``ta_decimal_round``: the library's rounding (x taken as the decimal it is
    within 1e-9 of; ties away from zero)."""
    out = ctypes.c_double()
    check(lib.ta_decimal_round(
        ctypes.byref(out), c_double(x, "x"), c_signed(decimals, "decimals")
    ))
    return out.value


def range_text(lo: float, hi: float, decimals: int = 2) -> str:
    """A likely range as NHS England writes it and ``trustassess league
    --likely-ranges`` prints it: ``"lo to hi"``, each bound formatted by the
    library to `decimals` decimals and then without trailing zeros
    (``range_text(1.2, 1.89)`` is ``"1.2 to 1.89"``, ``range_text(1, 11)``
    ``"1 to 11"``)."""
    def one(x: float) -> str:
        t = format_decimal(x, decimals)
        return t.rstrip("0").rstrip(".") if "." in t else t
    return f"{one(lo)} to {one(hi)}"


@dataclass(frozen=True)
class TrustResult:
    """One trust's results of a run. Figures are ``None`` for a trust that is
    not segmented (no score entering the average)."""

    index: int  #: the trust's index in the assessment (order first added)
    code: str
    name: str
    trust_type: str
    subtype: str
    region: str
    segmented: bool
    average: Optional[float]  #: unrounded mean of the scores entering the average
    average_rounded: Optional[float]  #: rounded half up to the framework's decimals
    n_scores: int
    unadjusted: Optional[int]  #: segment from the cut-offs
    adjusted: Optional[int]  #: after the deficit cap (the published "Segment")
    final: Optional[int]  #: after the Recovery Support Programme; None when unknown
    rank: Optional[int]  #: within the trust type, 1 best
    reason: Reason
    reason_text: str
    distance_to_better: Optional[float]
    deficit: Optional[bool]  #: financial-deficit flag (None = unknown)
    recovery_support: Optional[bool]  #: RSP flag (None = unknown)
    domain_scores: Dict[str, float] = field(default_factory=dict)  #: by domain key
    metric_scores: Dict[str, float] = field(default_factory=dict)  #: by metric score ID
    #: likely range (lo, hi) of the rounded average; None until
    #: :meth:`Assessment.likely_ranges` has run (and for a trust not segmented)
    likely_average: Optional[Tuple[float, float]] = None
    #: likely range (lo, hi) of the rank within the trust type; None as above
    likely_rank: Optional[Tuple[int, int]] = None


@dataclass(frozen=True)
class LeagueRow:
    """One row of a league table: the published columns, typed, and the full result."""

    quarter: str
    region: str
    trust_type: str
    trust_subtype: str
    trust_code: str
    trust_name: str
    average_score: float
    average_score_text: str  #: as published, e.g. ``"2.06"``
    segment: int  #: the adjusted segment
    in_financial_deficit: Optional[bool]
    rank: int
    result: TrustResult
    #: ``"lo to hi"`` as published (``"1.2 to 1.89"``); "" when not computed
    likely_range_of_average_score: str = ""
    #: ``"lo to hi"`` (``"1 to 11"``); "" when not computed
    likely_range_of_rank: str = ""

    def cells(self) -> Tuple[str, ...]:
        """The row as the CSV's text cells, in :data:`LEAGUE_COLUMNS` order."""
        deficit = {True: "Yes", False: "No", None: ""}[self.in_financial_deficit]
        return (self.quarter, self.region, self.trust_type, self.trust_subtype,
                self.trust_code, self.trust_name, self.average_score_text,
                self.likely_range_of_average_score, str(self.segment), deficit,
                str(self.rank), self.likely_range_of_rank)


class LeagueTable:
    """League-table rows with NHS England's published columns (:data:`LEAGUE_COLUMNS`).

    Iterating gives :class:`LeagueRow` objects; :meth:`to_rows` the text cells
    exactly as ``trustassess league`` writes them; :meth:`to_csv` the CSV;
    :meth:`to_pandas` a DataFrame.
    """

    columns: Tuple[str, ...] = LEAGUE_COLUMNS

    def __init__(self, rows: Iterable[LeagueRow],
                 cutoffs: Optional[Dict[str, Tuple[float, ...]]] = None,
                 warnings: Sequence[str] = ()) -> None:
        self._rows: List[LeagueRow] = list(rows)
        #: the cut-offs used, by quarter
        self.cutoffs: Dict[str, Tuple[float, ...]] = dict(cutoffs or {})
        #: what the run could not know, as ``trustassess league`` writes it on
        #: standard error: each metric ranked within fewer trusts than NHS
        #: England's pool (``from_values``), a finance pair the table lacks
        self.warnings: List[str] = list(warnings)

    def __iter__(self) -> Iterator[LeagueRow]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i: int) -> LeagueRow:
        return self._rows[i]

    def to_rows(self, header: bool = False) -> List[Tuple[str, ...]]:
        """The rows as tuples of text cells (Average_score formatted by the
        library), optionally preceded by the header."""
        rows = [r.cells() for r in self._rows]
        return [self.columns] + rows if header else rows

    def to_csv(self, path: Any = None) -> str:
        """The table as CSV text (LF line ends, minimal quoting), as the command
        writes it; also written to `path` when given."""
        import csv
        import io

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerows(self.to_rows(header=True))
        out = buf.getvalue()
        if path is not None:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(out)
        return out

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame``, typed: :data:`LEAGUE_COLUMNS` (Average_score
        float, Segment and Rank int64, Trust_in_financial_deficit a nullable
        bool, the likely ranges as published text) followed by
        :data:`LEAGUE_RANGE_COLUMNS`, the likely ranges' bounds as numbers
        (Average_score_low/high float64, Rank_low/high nullable Int64; missing
        until likely ranges are computed). Imports pandas (only here)."""
        import pandas as pd

        data: Dict[str, List[Any]] = {c: [] for c in self.columns + LEAGUE_RANGE_COLUMNS}
        for r in self._rows:
            data["Quarter"].append(r.quarter)
            data["Region"].append(r.region)
            data["Trust_type"].append(r.trust_type)
            data["Trust_subtype"].append(r.trust_subtype)
            data["Trust_code"].append(r.trust_code)
            data["Trust_name"].append(r.trust_name)
            data["Average_score"].append(r.average_score)
            data["Likely_range_of_average_score"].append(r.likely_range_of_average_score or None)
            data["Segment"].append(r.segment)
            data["Trust_in_financial_deficit"].append(r.in_financial_deficit)
            data["Rank"].append(r.rank)
            data["Likely_range_of_rank"].append(r.likely_range_of_rank or None)
            avg = r.result.likely_average if r.likely_range_of_average_score else None
            rank = r.result.likely_rank if r.likely_range_of_rank else None
            data["Average_score_low"].append(avg[0] if avg else None)
            data["Average_score_high"].append(avg[1] if avg else None)
            data["Rank_low"].append(rank[0] if rank else None)
            data["Rank_high"].append(rank[1] if rank else None)
        dtypes = {"Average_score": "float64", "Segment": "int64", "Rank": "int64",
                  "Trust_in_financial_deficit": "boolean", "Average_score_low": "float64",
                  "Average_score_high": "float64", "Rank_low": "Int64", "Rank_high": "Int64"}
        return pd.DataFrame({c: pd.Series(v, dtype=dtypes.get(c, object))
                             for c, v in data.items()}, columns=list(data))

    def plot(self, path: Any = None, quarter: Optional[str] = None,
             trust_type: Optional[str] = None) -> Any:
        """NHS England's caterpillar plot of the table, as ``trustassess league
        --format html`` draws it: per quarter and trust type, trusts in league
        order, a dot at each average and a bar over its likely range, coloured
        by segment, the cut-offs dashed. Returns the matplotlib ``Figure``
        (one row of axes per quarter and trust type); saves it to `path` (PNG,
        SVG or PDF by the name's extension) when given. Optional: imports
        matplotlib (Debian python3-matplotlib) only here, with the Agg backend
        when no display is set."""
        import matplotlib

        if not os.environ.get("DISPLAY"):
            matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        groups: Dict[Tuple[str, str], List[LeagueRow]] = {}
        for r in self._rows:
            if (quarter is None or r.quarter == quarter) and \
                    (trust_type is None or r.trust_type == trust_type):
                groups.setdefault((r.quarter, r.trust_type), []).append(r)
        if not groups:
            raise ValueError("plot: no rows to draw (check quarter and trust_type)")
        fig, axes = plt.subplots(len(groups), 1, squeeze=False,
                                 figsize=(max(6.0, 0.14 * max(map(len, groups.values())) + 2),
                                          3.6 * len(groups)))
        for ax, ((q, t), rows) in zip(axes[:, 0], groups.items()):
            for x, r in enumerate(rows):
                colour = SEGMENT_COLOURS.get(r.segment, "#9e9e9e")
                rng = r.result.likely_average if r.likely_range_of_average_score else None
                if rng:
                    ax.vlines(x, rng[0], rng[1], colors=colour, linewidth=2)
                ax.plot(x, r.average_score, "o", color=colour, markersize=5)
            for c in self.cutoffs.get(q, ()):
                ax.axhline(c, color="#555555", linestyle="--", linewidth=0.8)
                ax.annotate(f"cut-off {c:.2f}", (len(rows) - 0.5, c), fontsize=7,
                            va="bottom", ha="right")
            ax.set_title(f"{q}, {t}: {len(rows)} trusts", fontsize=10, loc="left")
            ax.set_ylabel("Average score (lower is better)")
            ax.set_xlabel("Trusts in league order (rank 1 on the left)")
            ax.set_xticks([])
            for seg, colour in SEGMENT_COLOURS.items():
                ax.plot([], [], "o", color=colour, label=f"Segment {seg}")
            ax.legend(fontsize=7, ncol=5, loc="upper left")
        fig.tight_layout()
        if path is not None:
            fig.savefig(path)
        return fig

    def __repr__(self) -> str:
        return f"<LeagueTable: {len(self._rows)} rows>"


def _codes(values: Any, what: str) -> Tuple["ctypes.Array[ctypes.c_char_p]", int]:
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{what} must be a sequence of str, not a single {type(values).__name__}")
    items = [c_str(v, f"{what}[{i}]") for i, v in enumerate(values)]
    return (ctypes.c_char_p * max(len(items), 1))(*items), len(items)


class Assessment(Handle):
    """One period's segmentation and league table (``ta_assessment``).

    Keeps its framework alive. Changing inputs after :meth:`run` discards the
    results; reading results before a run is StateError.
    """

    _free_name = "ta_assessment_free"
    _error_name = "ta_assessment_error"
    _kind = "assessment"

    def __init__(self, framework: Framework, period: Optional[str] = None) -> None:
        """An empty assessment of `framework`, labelled `period` (e.g. "Q4 2025/26")."""
        if not isinstance(framework, Framework):
            raise TypeError(f"framework must be a Framework, not {type(framework).__name__}")
        out = ctypes.c_void_p()
        check(lib.ta_assessment_new(ctypes.byref(out), framework._h(), None))
        super().__init__(out.value, [framework])  # type: ignore[arg-type]
        self._set_framework(framework)
        if period is not None:
            self.period = period

    @classmethod
    def _wrap(cls, ptr: int, framework: Framework, *owners: Handle) -> "Assessment":
        self = cls.__new__(cls)
        Handle.__init__(self, ptr, [framework, *owners])
        self._set_framework(framework)
        return self

    def _set_framework(self, framework: Framework) -> None:
        self.framework = framework
        # The framework is immutable: what results need of it is read once, so
        # that results stay readable when the caller closes the framework
        # first (its C memory lives on while this assessment holds it).
        self._domain_keys = [d.key for d in framework.domains()]
        self._metric_ids = framework.metric_ids()
        self._decimals = framework.decimals

    # -- inputs ------------------------------------------------------------

    @property
    def period(self) -> str:
        """The period label ("" if none)."""
        return text(lib.ta_assessment_period(self._h())) or ""

    @period.setter
    def period(self, value: str) -> None:
        self._check(lib.ta_assessment_set_period(self._h(), c_str(value, "period")))

    def add_trust(self, trust: Trust) -> None:
        """Copies a trust in (DuplicateError for a code already present)."""
        if not isinstance(trust, Trust):
            raise TypeError(f"trust must be a Trust, not {type(trust).__name__}")
        self._check(lib.ta_assessment_add_trust(self._h(), trust._h()))

    def add_columns(self, trust_codes: Sequence[str], metric_ids: Sequence[str],
                    numbers: Sequence[float],
                    kind: Union[InputKind, str] = InputKind.SCORE) -> None:
        """Bulk input: rows of (trust code, metric ID, number), as three equally
        long sequences (lists, tuples, pandas Series, ...). `kind` is "score" or
        "value". Any bad row fails the whole call with its index in the message
        and leaves the assessment as it was."""
        codes, n1 = _codes(trust_codes, "trust_codes")
        ids, n2 = _codes(metric_ids, "metric_ids")
        nums, n3 = doubles(list(numbers) if not isinstance(numbers, (str, bytes)) else numbers,
                           "numbers")
        if not n1 == n2 == n3:
            raise ValueError(f"trust_codes, metric_ids and numbers differ in length "
                             f"({n1}, {n2}, {n3})")
        self._check(lib.ta_assessment_add_columns(self._h(), n1, codes, ids, nums,
                                                  enum_arg(InputKind, kind, "kind")))

    def set_trust_field(self, code: str, field_: TrustField, value: str) -> None:
        self._check(lib.ta_assessment_set_trust_field(
            self._h(), c_str(code, "code"), enum_arg(TrustField, field_, "field"),
            c_str(value, "value")))

    def set_trust_fields(self, code: str, *, name: Optional[str] = None,
                         trust_type: Optional[str] = None, subtype: Optional[str] = None,
                         region: Optional[str] = None) -> None:
        """Sets the given descriptive fields of a trust added by :meth:`add_columns`."""
        for f, v in ((TrustField.NAME, name), (TrustField.TYPE, trust_type),
                     (TrustField.SUBTYPE, subtype), (TrustField.REGION, region)):
            if v is not None:
                self.set_trust_field(code, f, v)

    def set_trust_flag(self, code: str, flag: Flag, value: Optional[bool]) -> None:
        """Sets a trust's flag to True, False or None (unknown)."""
        self._check(lib.ta_assessment_set_trust_flag(
            self._h(), c_str(code, "code"), enum_arg(Flag, flag, "flag"), tristate(value, "value")))

    def set_cutoffs(self, cutoffs: Optional[Sequence[float]]) -> None:
        """Explicit cut-offs (segments - 1 of them, strictly ascending);
        ``None`` or ``()`` returns to the framework's."""
        arr, n = doubles(() if cutoffs is None else cutoffs, "cutoffs")
        self._check(lib.ta_assessment_set_cutoffs(self._h(), n, arr))

    def set_scores_only(self, scores_only: bool = True) -> None:
        """Use only the scores given: raw values are ignored and no rule derives
        a score (a combined metric is not built from its parts), so a metric
        without a given score is left out, never imputed."""
        if not isinstance(scores_only, bool):
            raise TypeError("scores_only must be a bool")
        self._check(lib.ta_assessment_set_scores_only(self._h(), int(scores_only)))

    def set_reconstruct(self, reconstruct: bool = True) -> None:
        """Whether given 2-decimal scores of rank-scored metrics become the
        unrounded scores their comparison pool fixes (the framework's pool
        sizes; default ``True``). ``False`` keeps every given score as given.
        What could not be reconstructed is in :meth:`notes`."""
        if not isinstance(reconstruct, bool):
            raise TypeError("reconstruct must be a bool")
        self._check(lib.ta_assessment_set_reconstruct(self._h(), int(reconstruct)))

    def run(self) -> "Assessment":
        """Scores, segments and ranks (idempotent). Returns self."""
        self._check(lib.ta_assessment_run(self._h()))
        return self

    # -- results -----------------------------------------------------------

    @property
    def cutoffs(self) -> Tuple[float, ...]:
        """The cut-offs the last run used."""
        h = self._h()
        count = ctypes.c_size_t()
        self._check(lib.ta_assessment_cutoffs(None, 0, ctypes.byref(count), h))
        buf = (ctypes.c_double * max(count.value, 1))()
        self._check(lib.ta_assessment_cutoffs(buf, count.value, ctypes.byref(count), h))
        return tuple(buf[: count.value])

    def __len__(self) -> int:
        return lib.ta_assessment_trust_count(self._h())

    @property
    def trust_count(self) -> int:
        return len(self)

    def trust_codes(self) -> List[str]:
        h = self._h()
        return [lib.ta_assessment_trust_code(h, i).decode("utf-8") for i in range(len(self))]

    def find_trust(self, code: str) -> int:
        """A trust's index by code; NotFoundError if absent."""
        idx = ctypes.c_size_t()
        status = lib.ta_assessment_find_trust(ctypes.byref(idx), self._h(), c_str(code, "code"))
        if status == 3:
            check(status, f"no trust {code!r} in the assessment")
        self._check(status)
        return idx.value

    def _index(self, trust: Union[int, str]) -> int:
        if isinstance(trust, str):
            return self.find_trust(trust)
        i = c_int(trust, "trust")
        if not 0 <= i < len(self):
            raise IndexError(f"trust index {i} out of range (0..{len(self) - 1})")
        return i

    def result(self, trust: Union[int, str]) -> TrustResult:
        """The results of one trust, by index or code (StateError before a run)."""
        i = self._index(trust)
        h = self._h()
        seg = ctypes.c_int()
        self._check(lib.ta_assessment_is_segmented(ctypes.byref(seg), h, i))
        segmented = bool(seg.value)
        average = rounded = distance = None
        n_scores = 0
        unadjusted = adjusted = final = rank = None
        if segmented:
            u, r, n = ctypes.c_double(), ctypes.c_double(), ctypes.c_size_t()
            self._check(lib.ta_assessment_average(
                ctypes.byref(u), ctypes.byref(r), ctypes.byref(n), h, i
            ))
            average, rounded, n_scores = u.value, r.value, n.value
            s1, s2, s3 = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
            self._check(lib.ta_assessment_segments(
                ctypes.byref(s1), ctypes.byref(s2), ctypes.byref(s3), h, i
            ))
            unadjusted, adjusted, final = s1.value, s2.value, (s3.value or None)
            rk = ctypes.c_uint32()
            self._check(lib.ta_assessment_rank(ctypes.byref(rk), h, i))
            rank = rk.value
            d = ctypes.c_double()
            self._check(lib.ta_assessment_distance_to_better(ctypes.byref(d), h, i))
            distance = d.value
        reason = ctypes.c_int()
        status = lib.ta_assessment_reason(ctypes.byref(reason), h, i)
        if status != 0 and segmented:
            self._check(status)
        domain_scores: Dict[str, float] = {}
        has, score = ctypes.c_int(), ctypes.c_double()
        for d_i, key in enumerate(self._domain_keys):
            self._check(lib.ta_assessment_domain_score(
                ctypes.byref(has), ctypes.byref(score), h, i, d_i
            ))
            if has.value:
                domain_scores[key] = score.value
        metric_scores: Dict[str, float] = {}
        for m_i, mid in enumerate(self._metric_ids):
            self._check(lib.ta_assessment_metric_score(
                ctypes.byref(has), ctypes.byref(score), h, i, m_i
            ))
            if has.value:
                metric_scores[mid] = score.value
        likely_average: Optional[Tuple[float, float]] = None
        likely_rank: Optional[Tuple[int, int]] = None
        if segmented:
            likely_average = self._likely_average(i, quiet=True)
            likely_rank = self._likely_rank(i, quiet=True)
        return TrustResult(
            index=i,
            code=lib.ta_assessment_trust_code(h, i).decode("utf-8"),
            name=self._field(i, TrustField.NAME),
            trust_type=self._field(i, TrustField.TYPE),
            subtype=self._field(i, TrustField.SUBTYPE),
            region=self._field(i, TrustField.REGION),
            segmented=segmented,
            average=average,
            average_rounded=rounded,
            n_scores=n_scores,
            unadjusted=unadjusted,
            adjusted=adjusted,
            final=final,
            rank=rank,
            reason=Reason(reason.value) if status == 0 else Reason.NONE,
            reason_text=self._reason_text(i),
            distance_to_better=distance,
            deficit=from_tristate(lib.ta_assessment_trust_flag(h, i, Flag.FINANCIAL_DEFICIT)),
            recovery_support=from_tristate(
                lib.ta_assessment_trust_flag(h, i, Flag.RECOVERY_SUPPORT)),
            domain_scores=domain_scores,
            metric_scores=metric_scores,
            likely_average=likely_average,
            likely_rank=likely_rank,
        )

    def _field(self, i: int, f: TrustField) -> str:
        return text(lib.ta_assessment_trust_field(self._h(), i, int(f))) or ""

    def _reason_text(self, i: int) -> str:
        h = self._h()
        needed = ctypes.c_size_t()
        buf = ctypes.create_string_buffer(256)
        status = lib.ta_assessment_reason_text(buf, len(buf), ctypes.byref(needed), h, i)
        if status != 0:
            return ""
        if needed.value >= len(buf):
            buf = ctypes.create_string_buffer(needed.value + 1)
            self._check(lib.ta_assessment_reason_text(buf, len(buf), None, h, i))
        return buf.value.decode("utf-8")

    def results(self) -> List[TrustResult]:
        """Every trust's results, in the order the trusts were first added."""
        return [self.result(i) for i in range(len(self))]

    def league_indices(self) -> List[int]:
        """Trust indices of the segmented trusts in league order (library's order:
        trust type, rank, name, code)."""
        h = self._h()
        out = []
        idx = ctypes.c_size_t()
        for pos in range(lib.ta_assessment_league_count(h)):
            self._check(lib.ta_assessment_league_entry(ctypes.byref(idx), h, pos))
            out.append(idx.value)
        return out

    def league(self) -> Iterator[TrustResult]:
        """The segmented trusts' results in league order."""
        for i in self.league_indices():
            yield self.result(i)

    def league_rows(self) -> List[LeagueRow]:
        """The league in NHS England's columns (Segment = adjusted segment)."""
        decimals = self._decimals
        period = self.period
        rows = []
        for r in self.league():
            assert r.average_rounded is not None and r.adjusted is not None and r.rank is not None
            rows.append(LeagueRow(
                quarter=period, region=r.region, trust_type=r.trust_type,
                trust_subtype=r.subtype, trust_code=r.code, trust_name=r.name,
                average_score=r.average_rounded,
                average_score_text=format_decimal(r.average_rounded, decimals),
                segment=r.adjusted, in_financial_deficit=r.deficit, rank=r.rank, result=r,
                likely_range_of_average_score=(
                    range_text(*r.likely_average, decimals=decimals)
                    if r.likely_average is not None else ""),
                likely_range_of_rank=(
                    f"{r.likely_rank[0]} to {r.likely_rank[1]}"
                    if r.likely_rank is not None else "")))
        return rows

    def league_table(self) -> LeagueTable:
        """This assessment's league as a :class:`LeagueTable` (run first)."""
        return LeagueTable(self.league_rows(), {self.period: self.cutoffs})

    # -- analysis (trustassess/analysis.h) -----------------------------------

    def likely_ranges(self, replicates: int = 10000, interval: float = 0.95, seed: int = 1,
                      threads: int = 1) -> "Assessment":
        """Computes every segmented trust's likely range of rounded average and
        of rank (``ta_assessment_likely_ranges``): `replicates` (1..10**7)
        bootstrap replicates of each trust's own scores, the central
        `interval` (strictly between 0 and 1) of them, seeded by `seed`
        (0..2**64-1), on `threads` threads (0 or 1: the calling thread; at
        most 256). The same seed gives the same ranges whatever `threads` is.
        Runs the assessment first if needed. Bad arguments:
        InvalidArgumentError. Returns self; read the ranges from
        :meth:`result` (``likely_average``, ``likely_rank``) or
        :meth:`likely_average_range` / :meth:`likely_rank_range`."""
        n = c_unsigned(replicates, "replicates", 32)
        p = c_double(interval, "interval")
        s = c_unsigned(seed, "seed", 64)
        t = c_unsigned(threads, "threads", 32)
        self._check(lib.ta_assessment_likely_ranges(self._h(), n, p, s, t))
        return self

    def _likely_average(self, i: int, quiet: bool) -> Optional[Tuple[float, float]]:
        lo, hi = ctypes.c_double(), ctypes.c_double()
        status = lib.ta_assessment_likely_average_range(
            ctypes.byref(lo), ctypes.byref(hi), self._h(), i
        )
        if quiet and status in (_ESTATE, _ENOTFOUND):
            return None
        self._check(status)
        return lo.value, hi.value

    def _likely_rank(self, i: int, quiet: bool) -> Optional[Tuple[int, int]]:
        lo, hi = ctypes.c_uint32(), ctypes.c_uint32()
        status = lib.ta_assessment_likely_rank_range(
            ctypes.byref(lo), ctypes.byref(hi), self._h(), i
        )
        if quiet and status in (_ESTATE, _ENOTFOUND):
            return None
        self._check(status)
        return lo.value, hi.value

    def likely_average_range(self, trust: Union[int, str]) -> Tuple[float, float]:
        """(lo, hi) of a trust's likely rounded average, by index or code.
        StateError when :meth:`likely_ranges` has not been run since the inputs
        last changed; NotFoundError for a trust that is not segmented."""
        r = self._likely_average(self._index(trust), quiet=False)
        assert r is not None
        return r

    def likely_rank_range(self, trust: Union[int, str]) -> Tuple[int, int]:
        """(lo, hi) of a trust's likely rank within its type (1 best); as
        :meth:`likely_average_range`."""
        r = self._likely_rank(self._index(trust), quiet=False)
        assert r is not None
        return r

    def _metric(self, metric: Union[int, str]) -> int:
        if isinstance(metric, str):
            try:
                return self._metric_ids.index(metric)
            except ValueError:
                raise NotFoundError(f"the framework has no metric {metric!r}",
                                    _ENOTFOUND) from None
        m = c_int(metric, "metric")
        if not 0 <= m < len(self._metric_ids):
            raise IndexError(f"metric index {m} out of range (0..{len(self._metric_ids) - 1})")
        return m

    def whatif(self, trust: Union[int, str], metric: Union[int, str]) -> float:
        """By how much `metric`'s score (score ID such as ``"OF1005"``, or
        index) would have to fall for `trust` (code or index) to reach the
        next better unadjusted segment (``ta_assessment_whatif_score``): a
        whole number of the framework's rounding steps, 0.0 when the trust is
        already in segment 1, ``math.inf`` when no decrease that keeps the
        score at or above 1.00 is enough. A deficit cap is not lifted.
        StateError before a run; NotFoundError when the trust is not segmented
        or has no score for the metric entering its average."""
        i = self._index(trust)
        m = self._metric(metric)
        d = ctypes.c_double()
        self._check(lib.ta_assessment_whatif_score(ctypes.byref(d), self._h(), i, m))
        return d.value

    def whatif_batch(self, threads: int = 1) -> Dict[str, Dict[str, float]]:
        """:meth:`whatif` for every trust and metric at once
        (``ta_assessment_whatif_batch``): ``{trust code: {metric ID:
        decrease}}`` with only the cells that apply (math.inf where nothing is
        enough). ``pandas.DataFrame.from_dict(d, orient="index")`` makes it a
        trust x metric table (NaN where the cell does not apply). The result
        does not depend on `threads`. StateError before a run."""
        t = c_unsigned(threads, "threads", 32)
        h = self._h()
        n_trusts, n_metrics = len(self), len(self._metric_ids)
        n = n_trusts * n_metrics
        out = (ctypes.c_double * max(n, 1))()
        self._check(lib.ta_assessment_whatif_batch(out, n, h, t))
        codes = self.trust_codes()
        result: Dict[str, Dict[str, float]] = {}
        for i, code in enumerate(codes):
            row = {mid: out[i * n_metrics + m] for m, mid in enumerate(self._metric_ids)
                   if not math.isnan(out[i * n_metrics + m])}
            if row:
                result[code] = row
        return result

    def notes(self) -> List[str]:
        """Things the run could not do but did not fail on."""
        h = self._h()
        return [lib.ta_assessment_note(h, k).decode("utf-8")
                for k in range(lib.ta_assessment_note_count(h))]

    def __repr__(self) -> str:
        if self.closed:
            return "<Assessment (closed)>"
        return f"<Assessment {self.period!r}: {len(self)} trusts>"
