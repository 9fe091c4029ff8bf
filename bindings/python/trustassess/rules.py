"""The segmentation rules one number at a time (``trustassess/rules.h``).

The same functions the assessment uses, for what-ifs in a notebook: a
rank-scaled or banded score, an average and its rounding, a segment, the
deficit cap and RSP, ranks. Nothing is computed in Python.
"""

from __future__ import annotations

import ctypes
from typing import List, Optional, Sequence, Tuple

from ._handle import c_double, c_signed, check, enum_arg, tristate
from ._lib import lib
from .enums import CutoffRule, Direction
from .framework import doubles

__all__ = ["rank_score", "band_score", "average", "segment", "adjust_segment", "ranks"]


def rank_score(value: float, peers: Sequence[float],
               direction: Direction = Direction.HIGHER_IS_BETTER) -> float:
    """1 + 3 (rank - 1) / (n - 1) of `value` among `peers` (ties share the best rank)."""
    arr, n = doubles(peers, "peers")
    out = ctypes.c_double()
    check(lib.ta_rule_rank_score(ctypes.byref(out), c_double(value, "value"), arr, n,
                                 enum_arg(Direction, direction, "direction")))
    return out.value


def band_score(value: float, cuts: Sequence[float],
               direction: Direction = Direction.HIGHER_IS_BETTER) -> float:
    """The band (1 best) of `value` given cut points ordered best to worst."""
    arr, n = doubles(cuts, "cuts")
    out = ctypes.c_double()
    check(lib.ta_rule_band_score(ctypes.byref(out), c_double(value, "value"), arr, n,
                                 enum_arg(Direction, direction, "direction")))
    return out.value


def average(scores: Sequence[float], decimals: int = 2) -> Tuple[float, float]:
    """(unrounded, rounded half up) mean of scores in [1, 4]."""
    arr, n = doubles(scores, "scores")
    u, r = ctypes.c_double(), ctypes.c_double()
    check(lib.ta_rule_average(ctypes.byref(u), ctypes.byref(r), arr, n,
                              c_signed(decimals, "decimals")))
    return u.value, r.value


def segment(average: float, cutoffs: Sequence[float],
            rule: CutoffRule = CutoffRule.TIES_BETTER) -> int:
    """The segment of a (rounded) average against ascending cut-offs."""
    arr, n = doubles(cutoffs, "cutoffs")
    out = ctypes.c_int()
    check(lib.ta_rule_segment(ctypes.byref(out), c_double(average, "average"), arr, n,
                              enum_arg(CutoffRule, rule, "rule")))
    return out.value


def adjust_segment(unadjusted: int, deficit: Optional[bool], deficit_cap: int = 3,
                   rsp: Optional[bool] = None, rsp_segment: int = 5) -> Tuple[int, Optional[int]]:
    """(adjusted, final) segments: the deficit cap, then the Recovery Support
    Programme (final None when the RSP flag is unknown)."""
    adj, fin = ctypes.c_int(), ctypes.c_int()
    check(lib.ta_rule_adjust_segment(ctypes.byref(adj), ctypes.byref(fin),
                                     c_signed(unadjusted, "unadjusted"), tristate(deficit, "deficit"),
                                     c_signed(deficit_cap, "deficit_cap"), tristate(rsp, "rsp"),
                                     c_signed(rsp_segment, "rsp_segment")))
    return adj.value, (fin.value or None)


def ranks(segments: Sequence[int], averages: Sequence[float], decimals: int = 2) -> List[int]:
    """Ranks (1 best, ties shared) by (adjusted segment, rounded average)."""
    segs = [c_signed(s, "segments") for s in segments]
    avgs, n = doubles(averages, "averages")
    if len(segs) != n:
        raise ValueError(f"segments and averages differ in length ({len(segs)}, {n})")
    seg_arr = (ctypes.c_int * max(n, 1))(*segs)
    out = (ctypes.c_uint32 * max(n, 1))()
    check(lib.ta_rule_ranks(out, seg_arr, avgs, n, c_signed(decimals, "decimals"), None))
    return list(out[:n])
