"""The library's league object (``trustassess/league.h``).

A :class:`League` is ``ta_league``: the league tables of one or more of NHS
England's published files (an :class:`~trustassess.nhse.NhseFile`), made by
the C library exactly as ``trustassess league`` makes them. Python only passes
options in and reads cells out; :func:`trustassess.league_table` is a thin
call of it.

>>> f = ta.read_nhse_csv(["mental-health-and-community-trust-data-q1-q4.csv",
...                       "acute-trust-league-table-q3-2025-26.csv"])
>>> with ta.League(f, quarter="Q3") as lg:
...     lg.run()
...     lg.rows()[0]
"""

from __future__ import annotations

import ctypes
from typing import List, Optional, Sequence, Tuple, Union

from ._handle import Handle, c_double, c_str, c_unsigned
from ._lib import lib
from .assessment import Assessment
from .enums import ColumnKind, CutoffPolicy, NhseSource

__all__ = ["League", "league_columns"]

#: the ``cutoffs`` strings of :func:`trustassess.league_table` and the command
POLICIES = {
    "published": CutoffPolicy.PUBLISHED,
    "quartiles": CutoffPolicy.QUARTILES_ALL,
    "quartiles-by-type": CutoffPolicy.QUARTILES_TYPE,
    "fixed": CutoffPolicy.FIXED,
}


def league_columns() -> List[Tuple[str, ColumnKind]]:
    """Every column a league row has, (name, kind), in order: NHS England's 12
    published columns first, then the figures behind each row."""
    out = []
    for c in range(lib.ta_league_column_count()):
        name, kind = ctypes.c_char_p(), ctypes.c_int()
        lib.ta_league_column(ctypes.byref(name), ctypes.byref(kind), c)
        out.append((name.value.decode("utf-8"), ColumnKind(kind.value)))  # type: ignore[union-attr]
    return out


class _BlockAssessment(Assessment):
    """An assessment owned by a league (``ta_league_block``): readable while
    the league lives, never freed from Python."""

    _free_name = ""


class League(Handle):
    """``ta_league`` over a read file (which must stay open while it lives).

    Args:
        nhse_file: from :func:`trustassess.read_nhse_csv` (one file or several).
        quarter: one quarter or a list ("Q4 2025/26", or "Q4" when unique); default all.
        trust_type: one trust type or a list; default every type.
        cutoffs: ``"published"``, ``"quartiles"``, ``"quartiles-by-type"``,
            ``"fixed"`` or a sequence of numbers.
        from_values: score metrics from the raw values.
        likely_ranges: ``None`` or (replicates, interval, seed, threads).
    """

    _free_name = "ta_league_free"
    _error_name = "ta_league_error"
    _kind = "league"

    def __init__(self, nhse_file, quarter: Union[None, str, Sequence[str]] = None,
                 trust_type: Union[None, str, Sequence[str]] = None,
                 cutoffs: Union[str, Sequence[float]] = "published", from_values: bool = False,
                 likely_ranges: Optional[Tuple[int, float, int, int]] = None) -> None:
        from .nhse import NhseFile

        if not isinstance(nhse_file, NhseFile):
            raise TypeError(f"nhse_file must be an NhseFile, not {type(nhse_file).__name__}")
        if not isinstance(from_values, bool):
            raise TypeError("from_values must be bool")
        given: Optional[Tuple[float, ...]] = None
        if isinstance(cutoffs, str):
            if cutoffs not in POLICIES:
                raise ValueError("cutoffs must be 'published', 'quartiles', 'quartiles-by-type', "
                                 f"'fixed' or numbers, not {cutoffs!r}")
        else:
            try:
                given = tuple(c_double(c, "cutoffs") for c in cutoffs)
            except TypeError:
                raise TypeError("cutoffs must be 'published', 'quartiles', 'quartiles-by-type', "
                                "'fixed' or a sequence of numbers") from None
        out = ctypes.c_void_p()
        self._check_new(lib.ta_league_new(ctypes.byref(out), nhse_file._h(), None))
        super().__init__(out.value, [nhse_file])  # type: ignore[arg-type]
        self.nhse_file = nhse_file
        try:
            for q in [quarter] if isinstance(quarter, str) else (quarter or []):
                self._check(lib.ta_league_select_quarter(self._h(), c_str(q, "quarter")))
            for t in [trust_type] if isinstance(trust_type, str) else (trust_type or []):
                self._check(lib.ta_league_select_trust_type(self._h(), c_str(t, "trust_type")))
            self._check(lib.ta_league_set_source(
                self._h(), NhseSource.FROM_VALUES if from_values else NhseSource.FROM_SCORES))
            if given is not None:
                arr = (ctypes.c_double * max(len(given), 1))(*given)
                self._check(lib.ta_league_set_cutoffs(self._h(), len(given), arr))
            else:
                self._check(lib.ta_league_set_cutoff_policy(self._h(), POLICIES[cutoffs]))
            if likely_ranges is not None:
                n, interval, seed, threads = likely_ranges
                self._check(lib.ta_league_set_likely_ranges(
                    self._h(), c_unsigned(n, "replicates", 32), c_double(interval, "interval"),
                    c_unsigned(seed, "seed", 64), c_unsigned(threads, "threads", 32)))
        except BaseException:
            self.close()
            raise

    @staticmethod
    def _check_new(status: int) -> None:
        from ._handle import check

        check(status, "cannot make a league of this file")

    def run(self) -> "League":
        """Makes the tables (``ta_league_run``); returns self."""
        self._check(lib.ta_league_run(self._h()))
        return self

    def __len__(self) -> int:
        return lib.ta_league_row_count(self._h())

    def cell(self, row: int, col: int) -> str:
        """The text of a cell ("" when empty)."""
        text = lib.ta_league_cell(self._h(), row, col)
        if text is None:
            raise IndexError(f"no cell ({row}, {col})")
        return text.decode("utf-8")

    def number(self, row: int, col: int) -> Optional[Tuple[float, float]]:
        """The numbers behind a cell, (lo, hi) (equal but for ranges), or None."""
        has, lo, hi = ctypes.c_int(), ctypes.c_double(), ctypes.c_double()
        self._check(lib.ta_league_cell_number(
            ctypes.byref(has), ctypes.byref(lo), ctypes.byref(hi), self._h(), row, col
        ))
        return (lo.value, hi.value) if has.value else None

    def rows(self, columns: Optional[int] = None) -> List[Tuple[str, ...]]:
        """Every row as text cells: the 12 published columns, or the first
        `columns` (all of them with ``len(league_columns())``)."""
        n = 12 if columns is None else columns
        return [tuple(self.cell(r, c) for c in range(n)) for r in range(len(self))]

    def row_trust(self, row: int) -> Tuple[int, int]:
        """(block, trust index within the block's assessment) of a row."""
        b, t = ctypes.c_size_t(), ctypes.c_size_t()
        self._check(lib.ta_league_row_trust(ctypes.byref(b), ctypes.byref(t), self._h(), row))
        return b.value, t.value

    def blocks(self) -> List[Tuple[str, str, Assessment]]:
        """Each quarter x trust type with trusts: (quarter, trust type, its run
        assessment, owned by the league)."""
        out = []
        for b in range(lib.ta_league_block_count(self._h())):
            q, t, a = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_void_p()
            self._check(lib.ta_league_block(
                ctypes.byref(q), ctypes.byref(t), ctypes.byref(a), self._h(), b
            ))
            out.append((q.value.decode("utf-8"), t.value.decode("utf-8"),  # type: ignore
                        _BlockAssessment._wrap(a.value, self.nhse_file.framework,  # type: ignore
                                               self)))
        return out
