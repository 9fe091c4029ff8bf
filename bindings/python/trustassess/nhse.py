"""NHS England's published NOF files (``trustassess/nhse.h``) and league tables.

>>> f = ta.read_nhse_csv("mental-health-and-community-trust-data-q1-q4.csv")
>>> f.periods
['Q1 2025/26', 'Q2 2025/26', 'Q3 2025/26', 'Q4 2025/26']
>>> ta.league_table(f, quarter="Q4").to_pandas()

:func:`league_table` gives exactly the rows and cells of the command
``trustassess league FILE... [--quarter Q] [--trust-type T] [--cutoffs C]
[--from-values] [--likely-ranges [--replicates N] [--seed S] [--threads T]]``:
both are the library's league object (:class:`~trustassess.league.League`),
so Python keeps no orchestration of its own. Several files (a data file and
the league tables of other trust types) are read into one :class:`NhseFile`
and merged by quarter by the library.
"""

from __future__ import annotations

import ctypes
import datetime
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple, Union

from ._handle import Handle, PathLike, c_opt_str, c_path, c_str, c_unsigned, check
from ._lib import lib
from .assessment import Assessment, LeagueRow, LeagueTable
from .enums import NhseSource
from .errors import InvalidArgumentError, NotFoundError
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
        self._check(lib.ta_nhse_file_read_file(self._h(), c_path(path)))
        return self

    def add(self, path: PathLike) -> "NhseFile":
        """Reads another file into this one (``ta_nhse_file_add_file``): merged by
        quarter; a trust in two files of the same kind, or two files that
        disagree on a figure, is DuplicateError / InconsistentError naming
        both files and the trust, and changes nothing."""
        self._check(lib.ta_nhse_file_add_file(self._h(), c_path(path)))
        return self

    def add_bytes(self, data: Union[bytes, str], name: str = "<bytes>") -> "NhseFile":
        """As :meth:`add`, from a file's content in memory."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if not isinstance(raw, (bytes, bytearray)):
            raise TypeError(f"data must be bytes or str, not {type(data).__name__}")
        raw = bytes(raw)
        self._check(lib.ta_nhse_file_add_buffer(self._h(), raw, len(raw), c_str(name, "name")))
        return self

    def cutoff_interval(self, period: str, k: int) -> Tuple[Optional[float], Optional[float]]:
        """Where cut-off `k` (0-based) of `period` is known to lie from every
        published segment: (lo, hi), None for a side no trust bounds."""
        has_lo, has_hi = ctypes.c_int(), ctypes.c_int()
        lo, hi = ctypes.c_double(), ctypes.c_double()
        label, kk = self.find_period(period).encode("utf-8"), c_unsigned(k, "k", 32)
        self._check(lib.ta_nhse_file_cutoff_limit(ctypes.byref(has_lo), ctypes.byref(lo),
                                                  self._h(), label, kk, 0))
        self._check(lib.ta_nhse_file_cutoff_limit(ctypes.byref(has_hi), ctypes.byref(hi),
                                                  self._h(), label, kk, 1))
        return (lo.value if has_lo.value else None, hi.value if has_hi.value else None)

    def cutoff_bounds(self, period: str, k: int, upper: bool = False) -> List[str]:
        """The codes of the trusts that bound cut-off `k` from below (or above)."""
        exact = self.find_period(period).encode("utf-8")
        count, code = ctypes.c_size_t(), ctypes.c_char_p()
        self._check(lib.ta_nhse_file_cutoff_bound(
            None, ctypes.byref(count), self._h(), exact, k, int(upper), 0
        ))
        out = []
        for j in range(count.value):
            self._check(lib.ta_nhse_file_cutoff_bound(
                ctypes.byref(code), ctypes.byref(count), self._h(), exact, k, int(upper), j
            ))
            out.append(code.value.decode("utf-8"))  # type: ignore[union-attr]
        return out

    def read_bytes(self, data: Union[bytes, str], name: str = "<bytes>") -> "NhseFile":
        """Reads the file's content from memory; `name` labels it in messages."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if not isinstance(raw, (bytes, bytearray)):
            raise TypeError(f"data must be bytes or str, not {type(data).__name__}")
        raw = bytes(raw)
        self._check(lib.ta_nhse_file_read_buffer(self._h(), raw, len(raw), c_str(name, "name")))
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
        args = (self._h(), self.find_period(period).encode("utf-8"), c_str(code, "code"),
                c_str(figure_id, "figure_id"))
        self._check(lib.ta_nhse_file_published(ctypes.byref(has), ctypes.byref(value), *args))
        self._check(lib.ta_nhse_file_published_rank(ctypes.byref(has_rank), ctypes.byref(rank),
                                                    *args))
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


def read_nhse_csv(path: Union[PathLike, Sequence[PathLike]],
                  framework: Optional[Framework] = None) -> NhseFile:
    """Reads NHS England's published NOF CSV file, or several (a list: data
    files and league tables, merged by quarter), against `framework`
    (default: the nof-2025-26 preset). Missing file: TrustAssessIOError;
    malformed: ParseError; a trust in two files: DuplicateError."""
    paths = list(path) if isinstance(path, (list, tuple)) else [path]
    if not paths:
        raise ValueError("no file given")
    f = NhseFile(framework)
    try:
        for p in paths:
            f.add(p)
        return f
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


def league_table(nhse_file: NhseFile, quarter: Optional[str] = None,
                 trust_type: Optional[str] = None, cutoffs: CutoffSpec = "published",
                 from_values: bool = False, likely_ranges: bool = False,
                 replicates: int = 10000, seed: int = 1, threads: int = 1) -> LeagueTable:
    """The league tables of published files, as ``trustassess league`` makes them.

    A thin call of the library's league object
    (:class:`~trustassess.league.League`, ``ta_league``).

    Args:
        nhse_file: from :func:`read_nhse_csv` (one file or several).
        quarter: only this quarter ("Q4 2025/26", or "Q4" when unique); default all.
        trust_type: only this trust type; default every type, each ranked separately.
        cutoffs: ``"published"`` (read off the published averages and segments of
            every file, one national set per quarter), ``"quartiles"``
            (QUARTILE.INC of the quarter's rounded averages, all trust types
            pooled), ``"quartiles-by-type"`` (each type's own), ``"fixed"`` (the
            framework's fixed thresholds) or a sequence of numbers (segments - 1).
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
    from .league import League

    if not isinstance(nhse_file, NhseFile):
        raise TypeError(f"nhse_file must be an NhseFile, not {type(nhse_file).__name__}")
    if not isinstance(likely_ranges, bool):
        raise TypeError("likely_ranges must be bool")
    likely = (c_unsigned(replicates, "replicates", 32), 0.95, c_unsigned(seed, "seed", 64),
              c_unsigned(threads, "threads", 32))
    if likely_ranges and likely[0] == 0:  # 0 would turn them off
        raise InvalidArgumentError("replicates must be from 1 to 10000000", 1)
    if trust_type is not None:
        c_str(trust_type, "trust_type")
    rows: List[LeagueRow] = []
    used = {}
    warnings: List[str] = []
    with League(nhse_file, quarter, trust_type, cutoffs, from_values,
                likely if likely_ranges else None) as lg:
        lg.run()
        blocks = lg.blocks()
        try:
            for q, _, a in blocks:
                used.setdefault(q, a.cutoffs)
                warnings.extend(a.notes())
            for r in range(len(lg)):
                b, i = lg.row_trust(r)
                cells = [lg.cell(r, c) for c in range(12)]
                average = lg.number(r, 6)
                assert average is not None
                rows.append(LeagueRow(
                    quarter=cells[0], region=cells[1], trust_type=cells[2],
                    trust_subtype=cells[3], trust_code=cells[4], trust_name=cells[5],
                    average_score=average[0], average_score_text=cells[6],
                    segment=int(cells[8]),
                    in_financial_deficit={"Yes": True, "No": False}.get(cells[9]),
                    rank=int(cells[10]), result=blocks[b][2].result(i),
                    likely_range_of_average_score=cells[7], likely_range_of_rank=cells[11]))
        finally:
            for _, _, a in blocks:
                a.close()
    return LeagueTable(rows, used, warnings)
