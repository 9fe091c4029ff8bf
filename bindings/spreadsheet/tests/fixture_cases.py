"""The fixture workbook's cases, and each one's expected answer from the library.

Sheet "Checks" has one case per row: A the case's label, B a TA formula, C
the TA.ERRORTEXT formula with the same arguments. Sheet "Data" holds the
inputs the formulas refer to. tests/check_calc.py opens the workbook in
headless Calc, recalculates, and compares B with `expect` (and C with "" or,
for a refused call, the message).

`expect` computes the answer by calling the trustassess package directly (the
same library functions, not through the add-in): a number or text, or
Refused(message) where Calc must show Err:502 and TA.ERRORTEXT the message.
Messages that the add-in writes itself (its conversions of Calc values) are
literal; messages from the library come from making the same call here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, Callable, List, Optional, Sequence

import trustassess as ta
from trustassess import dates, rules

from fods import Date, DateFormula, Sheet, number, ref, render, string, ta as tacall

DATA = "Data"

# Sheet "Data", column by column from row 2 ("" = an empty cell).
METRIC = [12.5, 3.0, 7.25, 3.0, "", 18.0, 0.5, 9.75, 7.25, 14.0, 2.0]  # A2:A12
SCORES = [1.0, 2.5, 4.0, "", 3.25, 1.75, 2.0]  # B2:B8
CUTOFFS = [2.02, 2.29, 2.57]  # C2:C4 (Q4 2025/26, published)
LEAGUE_SEGMENTS = [1, 1, 2, 2, 3, 3, 4, 1, ""]  # D2:D10
LEAGUE_AVERAGES = [1.53, 1.55, 2.1, 2.1, 2.3, 2.295, 3.09, 1.53, ""]  # E2:E10
BAND_CUTS = [90.0, 80.0, 70.0]  # F2:F4, higher is better
DATES = [datetime.date(2016, 2, 29), datetime.date(2020, 2, 29), None]  # G2:G4

A_RANGE = ref(DATA, 0, 2, 0, 12, True)
B_RANGE = ref(DATA, 1, 2, 1, 8, True)
C_RANGE = ref(DATA, 2, 2, 2, 4, True)
D_RANGE = ref(DATA, 3, 2, 3, 10, True)
E_RANGE = ref(DATA, 4, 2, 4, 10, True)
F_RANGE = ref(DATA, 5, 2, 5, 4, True)


@dataclass(frozen=True)
class Refused:
    message: str


@dataclass
class Case:
    label: str
    function: str
    args: List[str]  # ODF argument texts
    expect: Callable[[], Any]
    date: bool = False  # the result is a date serial


def _refusal(fn: Callable[[], Any]) -> Refused:
    """The message of the error the package raises for fn()."""
    try:
        fn()
    except (ta.TrustAssessError, TypeError, ValueError) as exc:
        return Refused(str(exc))
    raise AssertionError("expected the library to refuse the call")


def _fw() -> ta.Framework:
    return ta.Framework.preset("nof-2025-26")


def _present(values: Sequence[Any]) -> List[Any]:
    return [v for v in values if v != "" and v is not None]


def _by_raw_id(raw: str) -> ta.Direction:
    return [m for m in _fw().metrics() if m.raw_id == raw][0].direction


def _segment(avg: float, deficit: Optional[bool], rsp: Optional[bool]) -> int:
    fw = _fw()
    unadjusted = rules.segment(avg, CUTOFFS, fw.cutoff_rule)
    adjusted, final = rules.adjust_segment(unadjusted, deficit, fw.deficit_cap, rsp,
                                           fw.rsp_segment)
    return adjusted if final is None else final


def _route(amount: str, status: Optional[ta.FtStatus], savings: Optional[str]) -> str:
    fields: dict = {"amount": ta.parse_money(amount)}
    if status is not None:
        fields["status"] = status
    if savings is not None:
        fields["savings"] = ta.parse_money(savings)
    with ta.CapitalRules.preset("capital-2025") as r, \
            ta.CapitalProposal("X", "Y", **fields) as p:
        return p.check(r).route_text


def _due(authorised: datetime.date, last: Optional[datetime.date]) -> float:
    with ta.ReviewSchedule() as s:
        s.add_trust("X", "", authorised)
        if last is not None:
            s.add_review("X", last)
        due = s.compute()[0].due
    return float(dates.diff_days(datetime.date(1899, 12, 30), due))


def _review_refusal(authorised: datetime.date, last: datetime.date) -> Refused:
    # "CELL": the code the add-in gives the one trust it schedules.
    def go() -> None:
        with ta.ReviewSchedule() as s:
            s.add_trust("CELL", "", authorised)
            s.add_review("CELL", last)
            s.compute()
    return _refusal(go)


def cases() -> List[Case]:
    out: List[Case] = []
    peers = _present(METRIC)
    H, L = ta.Direction.HIGHER_IS_BETTER, ta.Direction.LOWER_IS_BETTER

    # TA.METRICSCORE: every value of the pool (ties, an empty cell skipped),
    # direction from NHS England's metric ID; then each way of giving a direction.
    for i, v in enumerate(METRIC):
        if v == "":
            continue
        out.append(Case(f"metric A{i + 2} OF0005", "METRICSCORE",
                        [ref(DATA, 0, i + 2), A_RANGE, string("OF0005")],
                        lambda v=v: rules.rank_score(v, peers, _by_raw_id("OF0005"))))
    for text, direction in (("1", H), ("-1", L), ("2", L), (string("lower"), L),
                            (string("Higher"), H), (string("OF1005"), None)):
        out.append(Case(f"metric direction {text}", "METRICSCORE",
                        [ref(DATA, 0, 3), A_RANGE, text],
                        lambda d=direction: rules.rank_score(
                            METRIC[1], peers, d if d is not None else _fw().metric("OF1005").direction)))
    out.append(Case("metric default direction", "METRICSCORE", [ref(DATA, 0, 3), A_RANGE],
                    lambda: rules.rank_score(METRIC[1], peers)))
    out.append(Case("metric inline array", "METRICSCORE", ["3", "{1;2;3;4}"],
                    lambda: rules.rank_score(3, [1, 2, 3, 4])))
    out.append(Case("metric pool of one", "METRICSCORE", ["5", "5"],
                    lambda: rules.rank_score(5, [5])))

    # TA.BANDSCORE: both sides of and on each cut point.
    for v in (95, 90, 85, 80, 75, 70, 65):
        out.append(Case(f"band {v}", "BANDSCORE", [number(v), F_RANGE],
                        lambda v=v: rules.band_score(v, BAND_CUTS, H)))
    for v in (5, 10, 20, 35):
        out.append(Case(f"band lower {v}", "BANDSCORE", [number(v), "{10;20;30}", "-1"],
                        lambda v=v: rules.band_score(v, [10, 20, 30], L)))

    # TA.AVERAGESCORE: a range with an empty cell; decimals; 3.085 rounds up.
    out.append(Case("average range", "AVERAGESCORE", [B_RANGE],
                    lambda: rules.average(_present(SCORES), 2)[1]))
    for d in (0, 1, 3):
        out.append(Case(f"average {d} decimals", "AVERAGESCORE", [B_RANGE, str(d)],
                        lambda d=d: rules.average(_present(SCORES), d)[1]))
    out.append(Case("average 3.085", "AVERAGESCORE", ["{3.08;3.09}"],
                    lambda: rules.average([3.08, 3.09], 2)[1]))

    # TA.SEGMENT: each side of and on each cut-off; the deficit cap and RSP,
    # each flag given every way.
    for avg in (1.5, 2.02, 2.03, 2.29, 2.3, 2.57, 2.58, 3.5):
        out.append(Case(f"segment {avg}", "SEGMENT", [number(avg), C_RANGE],
                        lambda a=avg: _segment(a, None, None)))
    flags = (("1", True), ("0", False), ("TRUE()", True), ("FALSE()", False),
             (string("yes"), True), (string("No"), False), (string(""), None),
             (string("unknown"), None))
    for text, flag in flags:
        out.append(Case(f"segment deficit {text}", "SEGMENT", ["1.5", C_RANGE, text],
                        lambda f=flag: _segment(1.5, f, None)))
        out.append(Case(f"segment rsp {text}", "SEGMENT", ["2.1", C_RANGE, string("no"), text],
                        lambda f=flag: _segment(2.1, False, f)))
    out.append(Case("segment deficit and rsp", "SEGMENT", ["3.5", C_RANGE, "1", "1"],
                    lambda: _segment(3.5, True, True)))
    out.append(Case("segment deficit left out, rsp no", "SEGMENT", ["1.5", C_RANGE, "", "0"],
                    lambda: _segment(1.5, None, False)))

    # TA.RANK: every row of a small league (ties, 2.295 rounding to 2.30 ties
    # 2.3, an empty row skipped), and a pair not in the ranges.
    segs = _present(LEAGUE_SEGMENTS)
    avgs = _present(LEAGUE_AVERAGES)
    for i in range(len(segs)):
        out.append(Case(f"rank row {i + 2}", "RANK",
                        [ref(DATA, 3, i + 2), ref(DATA, 4, i + 2), D_RANGE, E_RANGE],
                        lambda i=i: rules.ranks(segs, avgs, 2)[i]))
    out.append(Case("rank new pair", "RANK", ["2", "2", D_RANGE, E_RANGE],
                    lambda: rules.ranks(segs + [2], avgs + [2.0], 2)[-1]))

    # TA.CAPITALROUTE: £100m boundary, money text, status names, savings.
    aft = ta.FtStatus.ADVANCED_FOUNDATION_TRUST
    for label, args, exp in (
        ("capital 99,999,999.99", ["99999999.99", "2", "1000000000"],
         lambda: _route("99999999.99", aft, "1000000000")),
        ("capital 100m", ["100000000", "2", "1000000000"],
         lambda: _route("100000000", aft, "1000000000")),
        ("capital money text", [string("£99,999,999.99"), string("Advanced foundation trust"),
                                string("£100m")],
         lambda: _route("£99,999,999.99", aft, "£100m")),
        ("capital savings 1p short", ["99999999.99", "2", "99999999.98"],
         lambda: _route("99999999.99", aft, "99999999.98")),
        ("capital foundation trust", ["50000000", string("foundation trust"), "1000000000"],
         lambda: _route("50000000", ta.FtStatus.FOUNDATION_TRUST, "1000000000")),
        ("capital defaults", ["1000"], lambda: _route("1000", None, None)),
    ):
        out.append(Case(label, "CAPITALROUTE", args, exp))

    # TA.REVIEWDUE: dates from cells, DATE(), text; 29 February; an empty cell.
    g2, g3, g4 = (ref(DATA, 6, r) for r in (2, 3, 4))
    out.append(Case("review authorised 29 Feb", "REVIEWDUE", [g2],
                    lambda: _due(DATES[0], None), True))
    out.append(Case("review last review", "REVIEWDUE", [g2, g3],
                    lambda: _due(DATES[0], DATES[1]), True))
    out.append(Case("review empty last review", "REVIEWDUE", [g2, g4],
                    lambda: _due(DATES[0], None), True))
    out.append(Case("review DATE()", "REVIEWDUE", ["DATE(2020;1;1)", "DATE(2023;3;31)"],
                    lambda: _due(datetime.date(2020, 1, 1), datetime.date(2023, 3, 31)), True))
    out.append(Case("review text date", "REVIEWDUE", [string("2021-06-30")],
                    lambda: _due(datetime.date(2021, 6, 30), None), True))

    # Refused arguments: Err:502 in the cell, the message from TA.ERRORTEXT,
    # and every other cell still computed.
    out.append(Case("refused text average", "SEGMENT", [string("abc"), C_RANGE],
                    lambda: _refusal(lambda: rules.segment("abc", CUTOFFS))))
    out.append(Case("refused text value", "METRICSCORE", [string("abc"), "{1;2}"],
                    lambda: _refusal(lambda: rules.rank_score("abc", [1, 2]))))
    out.append(Case("refused unknown metric", "METRICSCORE",
                    [ref(DATA, 0, 2), A_RANGE, string("OF9999")],
                    lambda: _refusal(lambda: _fw().metric("OF9999"))))
    out.append(Case("refused bad direction", "METRICSCORE", [ref(DATA, 0, 2), A_RANGE, "3"],
                    lambda: Refused('direction must be 1 or "higher" (higher is better), -1, 2 '
                                    'or "lower" (lower is better), or a metric ID, not 3.0')))
    out.append(Case("refused four cuts", "BANDSCORE", ["1", "{4;3;2;1}"],
                    lambda: _refusal(lambda: rules.band_score(1, [4, 3, 2, 1]))))
    out.append(Case("refused score above 4", "AVERAGESCORE", ["{1;5}"],
                    lambda: _refusal(lambda: rules.average([1, 5]))))
    out.append(Case("refused bad flag", "SEGMENT", ["2", C_RANGE, string("maybe")],
                    lambda: Refused('deficit must be 1/TRUE/"yes", 0/FALSE/"no" or left out '
                                    "(unknown), not 'maybe'")))
    out.append(Case("refused range shapes", "RANK",
                    ["1", "1.5", D_RANGE, ref(DATA, 4, 2, 4, 9, True)],
                    lambda: Refused("segments and averages must have as many cells (9 and 8)")))
    out.append(Case("refused money text", "CAPITALROUTE", [string("lots"), "2"],
                    lambda: _refusal(lambda: ta.parse_money("lots"))))
    out.append(Case("refused review before authorisation", "REVIEWDUE",
                    ["DATE(2020;1;1)", "DATE(2019;1;1)"],
                    lambda: _review_refusal(datetime.date(2020, 1, 1), datetime.date(2019, 1, 1))))
    return out


def workbook() -> str:
    """The fixture workbook as .fods text."""
    checks = Sheet("Checks", widths=(6.0, 4.0, 12.0))
    checks.header_rows = 1
    checks.add("Case", "Result", "TA.ERRORTEXT")
    for c in cases():
        result = tacall(c.function, *c.args)
        checks.add(c.label, DateFormula(result) if c.date else result,
                   tacall("ERRORTEXT", string(c.function), *c.args))
    data = Sheet(DATA)
    data.header_rows = 1
    data.add("Metric", "Scores", "Cut-offs", "Segments", "Averages", "Band cuts", "Dates")
    cols = [METRIC, SCORES, CUTOFFS, LEAGUE_SEGMENTS, LEAGUE_AVERAGES, BAND_CUTS,
            [Date(d) if d else "" for d in DATES]]
    for r in range(max(len(c) for c in cols)):
        data.add(*[(c[r] if r < len(c) else "") for c in cols])
    return render([checks, data], "libtrustassess add-in fixture")
