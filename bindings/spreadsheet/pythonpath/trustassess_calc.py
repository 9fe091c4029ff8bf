"""The Calc cell functions, as plain Python over the trustassess package.

The extension's UNO component (trustassess_addin.py) hands every call here
with the values exactly as Calc delivers them, and turns the exceptions raised
here into Calc errors. This module knows no UNO, so it can be imported and
tested without LibreOffice; it knows no rule either: every number comes from
libtrustassess through the trustassess package (rules, capital, review,
dates, money), and the framework constants (deficit cap, RSP segment,
cut-off rule, decimals) come from the library's nof-2025-26 preset.

What Calc delivers (LibreOffice 7.4, checked by tests/check_calc.py):
  * a number or a date: float (dates are serial numbers, see NullDate);
  * TRUE/FALSE: 1.0/0.0;
  * text: str;
  * an argument left out: None;
  * a reference to one empty cell: 0.0 (Calc converts it; we cannot tell);
  * a range or inline array: a tuple of row tuples, empty cells as "".

The conversions below (Calc value -> the package's Python value) are the
add-in's only logic; each is documented in README.md:
  * ranges: empty cells are skipped;
  * whole numbers (segments, decimals, status) arrive as floats and are
    passed on as int when integral; anything else is passed on unchanged for
    the package to refuse with its own message;
  * yes/no arguments: 1/TRUE/"yes" and 0/FALSE/"no"; left out, "" or
    "unknown" = unknown;
  * money: text in the library's money grammar ("£99,999,999.99", "£100m"),
    or a number of pounds, written with exactly 2 decimals by the library's
    decimal formatter (half up) and parsed as money, so 99999999.99 is exactly
    9,999,999,999 pence;
  * dates: a date serial counted from the document's null date (1899-12-30 by
    default), converted with the library's day numbers; or ISO text
    "YYYY-MM-DD".
"""

from __future__ import annotations

import datetime
import numbers
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple

import trustassess as ta
from trustassess import dates, rules

__all__ = [
    "FRAMEWORK",
    "CAPITAL_RULES",
    "metric_score",
    "band_score",
    "average_score",
    "segment",
    "rank",
    "capital_route",
    "review_due",
    "error_text",
    "FUNCTIONS",
]

#: The framework whose constants (deficit cap, RSP segment, cut-off rule,
#: decimals, metric directions) the functions use.
FRAMEWORK = "nof-2025-26"
#: The capital rule set TA.CAPITALROUTE checks against.
CAPITAL_RULES = "capital-2025"

#: Calc's default null date (Tools > Options > LibreOffice Calc > Calculate).
DEFAULT_NULL_DATE = datetime.date(1899, 12, 30)

#: The code of the one trust TA.REVIEWDUE schedules (it appears in messages).
REVIEW_TRUST = "CELL"

_framework: Optional[ta.Framework] = None


def _fw() -> ta.Framework:
    global _framework
    if _framework is None:
        _framework = ta.Framework.preset(FRAMEWORK)
    return _framework


# -- Calc values -> Python values ---------------------------------------------


def _is_range(v: Any) -> bool:
    return isinstance(v, (tuple, list))


def _cells(v: Any) -> Iterator[Any]:
    """The cells of a range row by row, or a lone value as a one-cell range."""
    if _is_range(v):
        for row in v:
            if _is_range(row):
                yield from row
            else:
                yield row
    else:
        yield v


def _is_empty(v: Any) -> bool:
    return v is None or (isinstance(v, str) and v == "")


def _values(v: Any) -> List[Any]:
    """A range's non-empty cells (the package refuses any that are not numbers)."""
    return [c for c in _cells(v) if not _is_empty(c)]


def _scalar(v: Any, what: str) -> Any:
    if _is_range(v):
        cells = list(_cells(v))
        if len(cells) != 1:
            raise TypeError(f"{what} must be one value, not a range of {len(cells)} cells")
        v = cells[0]
    return v


def _required(v: Any, what: str) -> Any:
    v = _scalar(v, what)
    if v is None:
        raise TypeError(f"{what} is required")
    return v


def _whole(v: Any) -> Any:
    """An integral float as int; anything else unchanged (for the package to judge)."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _tristate(v: Any, what: str) -> Optional[bool]:
    v = _scalar(v, what)
    if _is_empty(v):
        return None
    if isinstance(v, str):
        word = v.strip().lower()
        if word in ("yes", "y", "true"):
            return True
        if word in ("no", "n", "false"):
            return False
        if word == "unknown":
            return None
    elif isinstance(v, numbers.Real) and v in (0, 1):
        return bool(v)
    raise ValueError(f"{what} must be 1/TRUE/\"yes\", 0/FALSE/\"no\" or left out (unknown), "
                     f"not {v!r}")


def _direction(v: Any) -> ta.Direction:
    v = _scalar(v, "direction")
    if v is None:
        return ta.Direction.HIGHER_IS_BETTER
    if isinstance(v, str):
        word = v.strip()
        if word.lower() in ("higher", "high", "higher is better"):
            return ta.Direction.HIGHER_IS_BETTER
        if word.lower() in ("lower", "low", "lower is better"):
            return ta.Direction.LOWER_IS_BETTER
        return _metric(word).direction
    if isinstance(v, numbers.Real) and not isinstance(v, bool):
        if v == 1:
            return ta.Direction.HIGHER_IS_BETTER
        if v in (2, -1):
            return ta.Direction.LOWER_IS_BETTER
    raise ValueError("direction must be 1 or \"higher\" (higher is better), -1, 2 or \"lower\" "
                     f"(lower is better), or a metric ID, not {v!r}")


def _metric(metric_id: str) -> ta.MetricInfo:
    """A metric of the framework by its ID ("OF1005") or the ID NHS England's
    files use ("OF0005"); the library's NotFoundError when neither matches."""
    fw = _fw()
    try:
        return fw.metric(metric_id)
    except ta.NotFoundError:
        for m in fw.metrics():
            if m.raw_id == metric_id:
                return m
        raise


def _pence(v: Any, what: str) -> int:
    v = _required(v, what)
    if isinstance(v, str):
        return ta.parse_money(v)
    return ta.parse_money(ta.format_decimal(v, 2))


def _date(v: Any, null_date: datetime.date, what: str) -> datetime.date:
    v = _required(v, what)
    if isinstance(v, str):
        return dates.parse_date(v.strip())
    if isinstance(v, numbers.Real) and not isinstance(v, bool) and float(v).is_integer():
        return dates.from_days(dates.to_days(null_date) + int(v))
    raise TypeError(f"{what} must be a date (a whole date serial, or text YYYY-MM-DD), not {v!r}")


def _serial(d: datetime.date, null_date: datetime.date) -> float:
    return float(dates.diff_days(null_date, d))


# -- the cell functions ---------------------------------------------------------


def metric_score(value: Any, peers: Any, direction: Any = None) -> float:
    """TA.METRICSCORE(value; peers; [direction]): rules.rank_score."""
    return rules.rank_score(_required(value, "value"), _values(peers), _direction(direction))


def band_score(value: Any, cuts: Any, direction: Any = None) -> float:
    """TA.BANDSCORE(value; cuts; [direction]): rules.band_score."""
    return rules.band_score(_required(value, "value"), _values(cuts), _direction(direction))


def average_score(scores: Any, decimals: Any = None) -> float:
    """TA.AVERAGESCORE(scores; [decimals]): rules.average, the rounded mean."""
    d = _fw().decimals if _scalar(decimals, "decimals") is None else \
        _whole(_scalar(decimals, "decimals"))
    return rules.average(_values(scores), d)[1]


def segment(average: Any, cutoffs: Any, deficit: Any = None, rsp: Any = None) -> int:
    """TA.SEGMENT(average; cutoffs; [deficit]; [rsp]): rules.segment, then
    rules.adjust_segment with the framework's deficit cap and RSP segment. The
    final segment; with the RSP flag unknown (the library's final segment 0)
    the adjusted segment, as the league tables show it."""
    fw = _fw()
    unadjusted = rules.segment(_required(average, "average"), _values(cutoffs), fw.cutoff_rule)
    adjusted, final = rules.adjust_segment(unadjusted, _tristate(deficit, "deficit"),
                                           fw.deficit_cap, _tristate(rsp, "rsp"),
                                           fw.rsp_segment)
    return adjusted if final is None else final


def rank(seg: Any, average: Any, segments: Any, averages: Any) -> int:
    """TA.RANK(segment; average; segments; averages): rules.ranks over the
    ranges' (segment, average) pairs plus the given pair; the given pair's
    rank. Pairs with both cells empty are skipped."""
    segs = list(_cells(segments))
    avgs = list(_cells(averages))
    if len(segs) != len(avgs):
        raise ValueError(f"segments and averages must have as many cells ({len(segs)} and "
                         f"{len(avgs)})")
    pool_s: List[Any] = []
    pool_a: List[Any] = []
    for i, (s, a) in enumerate(zip(segs, avgs)):
        if _is_empty(s) and _is_empty(a):
            continue
        if _is_empty(s) or _is_empty(a):
            raise ValueError(f"cell {i + 1} of segments and averages: one of the pair is empty")
        pool_s.append(_whole(s))
        pool_a.append(a)
    pool_s.append(_whole(_required(seg, "segment")))
    pool_a.append(_required(average, "average"))
    return rules.ranks(pool_s, pool_a, _fw().decimals)[-1]


def _status(v: Any) -> Optional[ta.FtStatus]:
    v = _scalar(v, "status")
    if _is_empty(v):
        return None
    if isinstance(v, str):
        key = "_".join(v.strip().upper().replace("-", " ").split())
        try:
            return ta.FtStatus[key]
        except KeyError:
            raise ValueError("status must be 0 or \"NHS trust\", 1 or \"Foundation trust\", "
                             f"2 or \"Advanced foundation trust\", not {v!r}") from None
    v = _whole(v)
    try:
        return ta.FtStatus(v)
    except (ValueError, TypeError):
        raise ValueError(f"status must be 0, 1 or 2 (or its name), not {v!r}") from None


def capital_route(amount: Any, status: Any = None, savings: Any = None) -> str:
    """TA.CAPITALROUTE(amount; [status]; [savings]): a CapitalProposal checked
    against the capital-2025 rules; the route text ("light" or "standard")."""
    fields: Dict[str, Any] = {"amount": _pence(amount, "amount")}
    st = _status(status)
    if st is not None:
        fields["status"] = st
    if not _is_empty(_scalar(savings, "savings")):
        fields["savings"] = _pence(savings, "savings")
    with ta.CapitalRules.preset(CAPITAL_RULES) as r, \
            ta.CapitalProposal("CELL", "CELL", **fields) as p:
        return p.check(r).route_text


def review_due(authorised_on: Any, last_review: Any = None,
               null_date: datetime.date = DEFAULT_NULL_DATE) -> float:
    """TA.REVIEWDUE(authorised_on; [last_review]): a one-trust ReviewSchedule's
    due date, as a date serial. last_review left out, "" or 0 (what Calc passes
    for an empty cell) = no review yet."""
    auth = _date(authorised_on, null_date, "authorised_on")
    last = _scalar(last_review, "last_review")
    with ta.ReviewSchedule() as s:
        s.add_trust(REVIEW_TRUST, "", auth)
        if not (_is_empty(last) or (isinstance(last, numbers.Real) and last == 0)):
            s.add_review(REVIEW_TRUST, _date(last, null_date, "last_review"))
        return _serial(s.compute()[0].due, null_date)


#: Display name (without "TA.") -> (function, required args, most args, takes null_date).
FUNCTIONS: Dict[str, Tuple[Callable[..., Any], int, int, bool]] = {
    "METRICSCORE": (metric_score, 2, 3, False),
    "BANDSCORE": (band_score, 2, 3, False),
    "AVERAGESCORE": (average_score, 1, 2, False),
    "SEGMENT": (segment, 2, 4, False),
    "RANK": (rank, 4, 4, False),
    "CAPITALROUTE": (capital_route, 1, 3, False),
    "REVIEWDUE": (review_due, 1, 2, True),
}

#: The exceptions that mean "these arguments are refused" (a Calc error in the cell).
REFUSALS = (ta.TrustAssessError, TypeError, ValueError, LookupError, ImportError)


def call(name: str, args: Sequence[Any], null_date: datetime.date = DEFAULT_NULL_DATE) -> Any:
    """Calls the function named `name` ("SEGMENT" or "TA.SEGMENT", any case)."""
    key = name.strip().upper()
    if key.startswith("TA."):
        key = key[3:]
    if key not in FUNCTIONS:
        raise ValueError(f"no function TA.{key}; the functions are "
                         + ", ".join("TA." + k for k in FUNCTIONS))
    fn, least, most, dated = FUNCTIONS[key]
    args = list(args)
    while len(args) > least and args[-1] is None:
        args.pop()
    if not least <= len(args) <= most:
        raise TypeError(f"TA.{key} takes {least}" + (f" to {most}" if most > least else "")
                        + f" arguments, not {len(args)}")
    if dated:
        return fn(*args, null_date=null_date)
    return fn(*args)


def error_text(name: str, args: Sequence[Any],
               null_date: datetime.date = DEFAULT_NULL_DATE) -> str:
    """TA.ERRORTEXT(function; arguments...): "" when TA.<function> accepts the
    arguments, else the message of its error (the library's own)."""
    try:
        call(name, args, null_date)
    except REFUSALS as exc:
        return str(exc)
    return ""
