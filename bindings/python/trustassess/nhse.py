"""NHS England's published NOF files (``trustassess/nhse.h``) and league tables.

>>> f = ta.read_nhse_csv("mental-health-and-community-trust-data-q1-q4.csv")
>>> f.periods
['Q1 2025/26', 'Q2 2025/26', 'Q3 2025/26', 'Q4 2025/26']
>>> ta.league_table(f, quarter="Q4").to_pandas()

:func:`league_table` gives exactly the rows and cells of the command
``trustassess league FILE [--quarter Q] [--trust-type T] [--cutoffs C]
[--from-values] [--likely-ranges [--replicates N] [--seed S] [--threads T]]``:
per quarter (file order) and trust type (byte order), one
assessment, ranked separately, rows in the library's league order.
"""

from __future__ import annotations

import ctypes
import datetime
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple, Union

from ._handle import Handle, PathLike, c_double, c_opt_str, c_path, c_str, c_unsigned, check
from ._lib import lib
from .assessment import Assessment, LeagueRow, LeagueTable, quantile_cutoffs
from .enums import NhseSource, Quantile
from .errors import NotFoundError
from .framework import Framework

__all__ = ["NhseFile", "Published", "read_nhse_csv", "read_nhse_bytes", "league_table"]

DEFAULT_PRESET = "nof-2025-26"


@dataclass(frozen=True)
class Published:
    """A published figure: the Value and (when the row has one) the Rank."""

    value: float
    rank: Optional[float]


class NhseFile(Handle):
    """A published NOF file read against a framework (``ta_nhse_file``).

    Use :func:`read_nhse_csv` / :func:`read_nhse_bytes`. Keeps its framework
    alive; when it made the framework itself (the default preset) it closes it
    with itself.
    """

    _free_name = "ta_nhse_file_free"
    _error_name = "ta_nhse_file_error"
    _kind = "NHS England file"

    def __init__(self, framework: Optional[Framework] = None) -> None:
        """An empty file handle for `framework` (default: the nof-2025-26 preset)."""
        own = framework is None
        if framework is None:
            framework = Framework.preset(DEFAULT_PRESET)
        elif not isinstance(framework, Framework):
            raise TypeError(f"framework must be a Framework, not {type(framework).__name__}")
        out = ctypes.c_void_p()
        check(lib.ta_nhse_file_new(ctypes.byref(out), framework._h(), None))
        super().__init__(out.value, [framework])  # type: ignore[arg-type]
        self.framework = framework
        self._own_framework = own
        self._segment_count = framework.segment_count  # immutable: read once

    def close(self) -> None:
        super().close()
        if self._own_framework:
            self.framework.close()

    def read(self, path: PathLike) -> "NhseFile":
        """Reads a file (once per handle). TrustAssessIOError if it cannot be
        read; ParseError (naming line and column) for malformed content."""
        self._check(lib.ta_nhse_file_read(self._h(), c_path(path)))
        return self

    def read_bytes(self, data: Union[bytes, str], name: str = "<bytes>") -> "NhseFile":
        """Reads the file's content from memory; `name` labels it in messages."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if not isinstance(raw, (bytes, bytearray)):
            raise TypeError(f"data must be bytes or str, not {type(data).__name__}")
        raw = bytes(raw)
        self._check(lib.ta_nhse_file_read_buffer(self._h(), c_str(name, "name"), raw, len(raw)))
        return self

    @property
    def row_count(self) -> int:
        return lib.ta_nhse_file_row_count(self._h())

    @property
    def periods(self) -> List[str]:
        """The quarters (Quarter column) in file order."""
        h = self._h()
        return [lib.ta_nhse_file_period(h, i).decode("utf-8")
                for i in range(lib.ta_nhse_file_period_count(h))]

    @property
    def trust_types(self) -> List[str]:
        """The trust types in file order."""
        h = self._h()
        return [lib.ta_nhse_file_trust_type(h, i).decode("utf-8")
                for i in range(lib.ta_nhse_file_trust_type_count(h))]

    def find_period(self, text: str) -> str:
        """The period's exact text, given it or its first word when unique ("Q4")."""
        idx = ctypes.c_size_t()
        status = lib.ta_nhse_file_find_period(ctypes.byref(idx), self._h(), c_str(text, "period"))
        if status == 3:
            raise NotFoundError(f"{text!r} names no single quarter of the file "
                                f"(it has: {', '.join(self.periods) or 'none'})", 3)
        self._check(status)
        return lib.ta_nhse_file_period(self._h(), idx.value).decode("utf-8")

    def assessment(self, period: str, trust_type: Optional[str] = None,
                   from_values: bool = False) -> Assessment:
        """An assessment (not yet run) of one period's trusts, of one type or all.

        `period` may be the exact text or its unique first word. With
        `from_values`, metrics are scored from the raw values (OF0xxx)."""
        if not isinstance(from_values, bool):
            raise TypeError("from_values must be bool")
        exact = self.find_period(period)
        out = ctypes.c_void_p()
        self._check(lib.ta_nhse_file_assessment(
            ctypes.byref(out), self._h(), exact.encode("utf-8"),
            c_opt_str(trust_type, "trust_type"),
            NhseSource.FROM_VALUES if from_values else NhseSource.FROM_SCORES))
        return Assessment._wrap(out.value, self.framework, self)  # type: ignore[arg-type]

    def published(self, period: str, code: str, figure_id: str) -> Optional[Published]:
        """The published Value (and Rank) of `figure_id` for trust `code` in
        `period`, or ``None`` when the file has no such row."""
        has, has_rank = ctypes.c_int(), ctypes.c_int()
        value, rank = ctypes.c_double(), ctypes.c_double()
        self._check(lib.ta_nhse_file_published(
            self._h(), self.find_period(period).encode("utf-8"), c_str(code, "code"),
            c_str(figure_id, "figure_id"),
            ctypes.byref(has), ctypes.byref(value), ctypes.byref(has_rank), ctypes.byref(rank)))
        if not has.value:
            return None
        return Published(value.value, rank.value if has_rank.value else None)

    def published_cutoffs(self, period: str) -> Tuple[float, ...]:
        """Cut-offs read off the published averages and segments of `period`
        (InconsistentError if segments overlap, NotFoundError if none)."""
        n = self._segment_count - 1
        buf = (ctypes.c_double * max(n, 1))()
        self._check(lib.ta_nhse_file_published_cutoffs(buf, n, self._h(),
                                                       self.find_period(period).encode("utf-8")))
        return tuple(buf[:n])

    def __repr__(self) -> str:
        if self.closed:
            return "<NhseFile (closed)>"
        return f"<NhseFile: {self.row_count} rows, periods {self.periods}>"


def period_end(period: str) -> "datetime.date":
    """The last day of an NHS England quarter label "Qn YYYY/YY" (Q4 ends 31
    March of the next year); ParseError for any other text."""
    from .dates import from_c
    from ._lib import TaDate
    out = TaDate()
    check(lib.ta_nhse_period_end(ctypes.byref(out), c_str(period, "period")),
          f"{period!r} is not a quarter label Qn YYYY/YY")
    return from_c(out)


def read_nhse_csv(path: PathLike, framework: Optional[Framework] = None) -> NhseFile:
    """Reads NHS England's published NOF CSV file against `framework` (default:
    the nof-2025-26 preset). Missing file: TrustAssessIOError; malformed: ParseError."""
    f = NhseFile(framework)
    try:
        return f.read(path)
    except BaseException:
        f.close()
        raise


def read_nhse_bytes(data: Union[bytes, str], name: str = "<bytes>",
                    framework: Optional[Framework] = None) -> NhseFile:
    """As :func:`read_nhse_csv`, from the file's content in memory."""
    f = NhseFile(framework)
    try:
        return f.read_bytes(data, name)
    except BaseException:
        f.close()
        raise


CutoffSpec = Union[str, Sequence[float]]


# (replicates, interval, seed, threads) of the likely ranges, as the command
# computes them.
_Likely = Tuple[int, float, int, int]


def _assess(nf: NhseFile, period: str, trust_type: str, from_values: bool,
            cutoffs: Optional[Sequence[float]],
            likely: Optional[_Likely] = None) -> Optional[Assessment]:
    a = nf.assessment(period, trust_type, from_values)
    if len(a) == 0:
        a.close()
        return None
    try:
        if cutoffs:
            a.set_cutoffs(cutoffs)
        a.run()
        if likely is not None:
            a.likely_ranges(*likely)
    except BaseException:
        a.close()
        raise
    return a


def _quartiles(nf: NhseFile, period: str, types: List[str], from_values: bool) -> Tuple[float, ...]:
    # The rounded averages of every segmented trust of the quarter, each
    # assessed with its own type as the league tables are; the library's
    # QUARTILE.INC of them.
    values: List[float] = []
    for t in types:
        a = _assess(nf, period, t, from_values, None)
        if a is None:
            continue
        with a:
            values.extend(r.average_rounded for r in a.results()
                          if r.average_rounded is not None)
    if not values:
        raise NotFoundError(f"{period}: no trust has a score, so there are no quartiles", 3)
    return quantile_cutoffs(values, nf._segment_count - 1, Quantile.TYPE7)


def league_table(nhse_file: NhseFile, quarter: Optional[str] = None,
                 trust_type: Optional[str] = None, cutoffs: CutoffSpec = "published",
                 from_values: bool = False, likely_ranges: bool = False,
                 replicates: int = 10000, seed: int = 1, threads: int = 1) -> LeagueTable:
    """The league tables of a published file, as ``trustassess league`` makes them.

    Args:
        nhse_file: from :func:`read_nhse_csv`.
        quarter: only this quarter ("Q4 2025/26", or "Q4" when unique); default all.
        trust_type: only this trust type; default every type, each ranked separately.
        cutoffs: ``"published"`` (read off the published averages and segments),
            ``"quartiles"`` (QUARTILE.INC of the quarter's rounded averages, all
            trust types pooled) or a sequence of numbers (segments - 1 of them).
        from_values: score metrics from raw values instead of published scores.
        likely_ranges: fill Likely_range_of_average_score and
            Likely_range_of_rank ("1.2 to 1.89", "1 to 11") by the library's
            seeded bootstrap, central 95% (``--likely-ranges``); each
            quarter x trust type assessment gets its own ranges.
        replicates: bootstrap replicates, 1..10**7 (``--replicates``).
        seed: the random seed (``--seed``); the same seed gives the same ranges.
        threads: threads per assessment, 1..256 (``--threads``); the ranges do
            not depend on it. `replicates`, `seed` and `threads` are checked
            but only used with ``likely_ranges=True``.

    Rows come by quarter (file order), trust type (byte order), then league
    order; ``to_rows()`` equals the command's CSV cell for cell.
    """
    if not isinstance(nhse_file, NhseFile):
        raise TypeError(f"nhse_file must be an NhseFile, not {type(nhse_file).__name__}")
    if not isinstance(likely_ranges, bool):
        raise TypeError("likely_ranges must be bool")
    likely: Optional[_Likely] = (
        c_unsigned(replicates, "replicates", 32), 0.95, c_unsigned(seed, "seed", 64),
        c_unsigned(threads, "threads", 32))
    if not likely_ranges:
        likely = None
    given: Optional[Tuple[float, ...]] = None
    if isinstance(cutoffs, str):
        if cutoffs not in ("published", "quartiles"):
            raise ValueError(f"cutoffs must be 'published', 'quartiles' or numbers, not {cutoffs!r}")
    else:
        try:
            given = tuple(c_double(c, "cutoffs") for c in cutoffs)
        except TypeError:
            raise TypeError("cutoffs must be 'published', 'quartiles' or a sequence of numbers") \
                from None
    only = nhse_file.find_period(quarter) if quarter is not None else None
    all_types = sorted(nhse_file.trust_types, key=lambda s: s.encode("utf-8"))
    if trust_type is not None:
        c_str(trust_type, "trust_type")
        if trust_type not in all_types:
            raise NotFoundError(f"trust type {trust_type!r} is not in the file (it has: "
                                f"{', '.join(repr(t) for t in nhse_file.trust_types)})", 3)
        types = [trust_type]
    else:
        types = all_types
    rows: List[LeagueRow] = []
    used = {}
    for period in nhse_file.periods:
        if only is not None and period != only:
            continue
        if given is not None:
            cut: Tuple[float, ...] = given
        elif cutoffs == "quartiles":
            cut = _quartiles(nhse_file, period, all_types, from_values)
        else:
            cut = nhse_file.published_cutoffs(period)
        used[period] = cut
        for t in types:
            a = _assess(nhse_file, period, t, from_values, cut, likely)
            if a is None:
                continue
            with a:
                rows.extend(a.league_rows())
    return LeagueTable(rows, used)
