#!/usr/bin/python3
"""Independent reference implementation of NOF 2025/26 segmentation.

Written from docs (the rules in the oracle brief and
/work/shared/domain/nof-2025-26.md), not from lib/. Exact arithmetic throughout
(fractions.Fraction; rounding half up on the exact value).

    oracle.py [--cutoffs] FILE scores|values [C1 C2 C3]
        prints the same CSV as oracle_driver for the file: one line per
        trust x quarter x trust type,
        quarter,trust_type,code,n_scores,unrounded,rounded,unadjusted,adjusted,
        final,rank,access,patient_safety,finance_productivity,people_workforce,
        effectiveness_experience
        (empty result fields for a trust that is not segmented; final 0 when
        the Recovery Support Programme flag is unknown); with --cutoffs also
        "cutoffs,quarter,trust_type,C1,C2,C3" before each assessment.
    oracle.py --compare EXPECTED.csv ACTUAL.csv
        compares two such outputs field by field.
    oracle.py --run DRIVER [N] [FIRST_SEED]
        the differential test: N populations (default 200), each checked in
        four configurations (scores/values x quartile/explicit cut-offs).

From scores, a metric's score is its published OF1xxx value, and nothing else
(the brief's rule). ORACLE_COMBINE_IN_SCORES=1 in the environment instead
derives a combined score (OF1080) that is not published from its two published
component scores, as the library does at the time of writing; it exists so
that that one known difference does not hide others.
"""
import bisect
import csv
import io
import os
import random
import subprocess
import sys
import tempfile
from decimal import Decimal
from fractions import Fraction

# score ID -> (raw ID or None, domain, rule, direction, in average, extra)
# rule: rank | supplied | banded | combined | floor; direction: +1 higher better,
# -1 lower better.
METRICS = {
    "OF1005": ("OF0005", "access", "rank", -1, True, None),
    "OF1041": ("OF0041", "access", "rank", +1, True, None),
    "OF1016": ("OF0016", "patient_safety", "rank", +1, True, None),
    "OF1061": ("OF0061", "patient_safety", "rank", +1, True, None),
    "OF1067": (None, "patient_safety", "supplied", 0, True, None),
    "OF1079": ("OF0079", "finance_productivity", "banded", +1, False,
               [Decimal(0), Decimal(-1), Decimal(-2)]),
    "OF1081": ("OF0081", "finance_productivity", "banded", +1, False,
               [Decimal(0), Decimal("-0.5"), Decimal(-1)]),
    "OF1080": (None, "finance_productivity", "combined", 0, True,
               ("OF1079", "OF1081", [[1, 1, 2, 3], [2, 0, 0, 0], [2, 3, 0, 4], [2, 3, 0, 4]])),
    "OF1086": ("OF0086", "finance_productivity", "rank", -1, True, None),
    "OF1082": ("OF0082", "people_workforce", "rank", -1, True, None),
    "OF1084": ("OF0084", "people_workforce", "rank", +1, True, None),
    "OF1035": (None, "effectiveness_experience", "supplied", 0, True, None),
    "OF1057": ("OF0057", "effectiveness_experience", "floor", +1, True, Decimal(70)),
    "OF1063": ("OF0063", "effectiveness_experience", "rank", -1, True, None),
}
RAW_TO_SCORE = {v[0]: k for k, v in METRICS.items() if v[0]}
DOMAINS = ["access", "patient_safety", "finance_productivity", "people_workforce",
           "effectiveness_experience"]
COLUMNS = ["quarter", "trust_type", "code", "n_scores", "unrounded", "rounded", "unadjusted",
           "adjusted", "final", "rank"] + DOMAINS
DEFICIT_CAP = 3
RSP_SEGMENT = 5


def dec(text):
    return Fraction(Decimal(text))


def round_half_up(x, places):
    """x (Fraction) rounded half up (away from zero) to `places` decimals, as text:
    n = floor(|x| 10^places + 1/2), exactly, in integers."""
    x = Fraction(x)
    num, den = abs(x.numerator) * 10 ** places, x.denominator
    n = (2 * num + den) // (2 * den)
    digits = str(n).rjust(places + 1, "0")
    text = digits[:-places] + "." + digits[-places:] if places else digits
    return ("-" if x < 0 and n != 0 else "") + text


def read_file(path):
    """{(quarter, type): {code: {"rows": {metric_id: Fraction}}}} in file order."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    idx = {h: i for i, h in enumerate(header)}
    groups = {}
    for r in rows[1:]:
        if not r:
            continue
        key = (r[idx["Quarter"]], r[idx["Trust_type"]])
        trusts = groups.setdefault(key, {})
        t = trusts.setdefault(r[idx["Trust_code"]], {})
        v = r[idx["Value"]]
        if v != "":
            mid = r[idx["Metric_ID"]]
            # raw values stay Decimal; scores and flags become Fraction
            t[mid] = Decimal(v) if mid in RAW_TO_SCORE else dec(v)
    return groups


def rank_scores(values, direction):
    """{code: value} -> {code: Fraction score}, 1 + 3 (r - 1) / (n - 1), with
    r = 1 + the number of strictly better values (ties share the best rank)."""
    n = len(values)
    xs = sorted(values.values())
    out = {}
    for code, v in values.items():
        if n == 1:
            out[code] = Fraction(1)
            continue
        better = n - bisect.bisect_right(xs, v) if direction > 0 else bisect.bisect_left(xs, v)
        out[code] = 1 + Fraction(3 * better, n - 1)
    return out


def band(value, cuts, direction):
    # cuts listed from the best band's boundary outwards; on a cut = better band
    b = 1
    for c in cuts:
        if (value >= c) if direction > 0 else (value <= c):
            return b
        b += 1
    return b


def metric_scores(trusts, source):
    """{code: {score_id: Fraction}} for one assessment."""
    scores = {code: {} for code in trusts}
    if source == "scores":
        for code, t in trusts.items():
            for sid in METRICS:
                if sid in t:
                    scores[code][sid] = t[sid]
        if os.environ.get("ORACLE_COMBINE_IN_SCORES"):
            combine(trusts, scores, only_missing=True)
        return scores
    for sid, (rid, _dom, rule, direction, _avg, extra) in METRICS.items():
        if rule == "supplied":
            for code, t in trusts.items():
                if sid in t:
                    scores[code][sid] = t[sid]
        elif rule == "rank":
            vals = {c: t[rid] for c, t in trusts.items() if rid in t}
            for c, s in rank_scores(vals, direction).items():
                scores[c][sid] = s
        elif rule == "floor":
            # The manual's floor bookends: failing scores 4; the others are
            # ranked among themselves into 1 .. 3.
            vals = {c: t[rid] for c, t in trusts.items() if rid in t}
            meets = {c: v for c, v in vals.items() if (v >= extra if direction > 0 else v <= extra)}
            for c, r in rank_scores(meets, direction).items():
                scores[c][sid] = 1 + (r - 1) * Fraction(2, 3)
            for c in vals:
                if c not in meets:
                    scores[c][sid] = Fraction(4)
        elif rule == "banded":
            for c, t in trusts.items():
                if rid in t:
                    scores[c][sid] = Fraction(band(t[rid], extra, direction))
    combine(trusts, scores, only_missing=False)
    return scores


def combine(trusts, scores, only_missing):
    """Combined metrics from their two component scores (table entry 0: none)."""
    for sid, (_rid, _dom, rule, _d, _avg, extra) in METRICS.items():
        if rule == "combined":
            a_id, b_id, table = extra
            for c in trusts:
                if only_missing and sid in scores[c]:
                    continue
                if a_id in scores[c] and b_id in scores[c]:
                    v = table[int(scores[c][a_id]) - 1][int(scores[c][b_id]) - 1]
                    if v:
                        scores[c][sid] = Fraction(v)


def quartile_inc(values, p):
    xs = sorted(values)
    h = (len(xs) - 1) * p
    lo = int(h)  # h >= 0
    frac = h - lo
    if lo + 1 >= len(xs):
        return xs[lo]
    return xs[lo] + frac * (xs[lo + 1] - xs[lo])


def averages(trusts, source):
    """{code: result dict} with the scores, averages and domain scores."""
    scores = metric_scores(trusts, source)
    res = {}
    for code, t in trusts.items():
        ins = [(METRICS[s][1], v) for s, v in scores[code].items() if METRICS[s][4]]
        r = {"code": code, "n_scores": len(ins)}
        if ins:
            mean = sum(v for _, v in ins) / len(ins)
            r["unrounded"] = mean
            r["rounded"] = Fraction(Decimal(round_half_up(mean, 2)))
            for d in DOMAINS:
                ds = [v for dd, v in ins if dd == d]
                r[d] = sum(ds) / len(ds) if ds else None
        res[code] = r
    return res


_averages_cache = {}


def assess(trusts, source, cutoffs):
    """Returns ({code: result dict}, cut-offs used) for one assessment."""
    key = (id(trusts), source)
    if key not in _averages_cache or _averages_cache[key][0] is not trusts:
        _averages_cache.clear() if len(_averages_cache) > 64 else None
        _averages_cache[key] = (trusts, averages(trusts, source))
    res = {c: dict(r) for c, r in _averages_cache[key][1].items()}
    seg = [r for r in res.values() if r["n_scores"]]
    if cutoffs is None:
        avgs = [r["rounded"] for r in seg]
        cuts = [quartile_inc(avgs, Fraction(k, 4)) for k in (1, 2, 3)] if avgs else []
    else:
        cuts = cutoffs
    for r in seg:
        t = trusts[r["code"]]
        r["unadjusted"] = 1 + sum(1 for c in cuts if r["rounded"] > c)
        deficit = t.get("OF5004")
        r["adjusted"] = max(r["unadjusted"], DEFICIT_CAP) if deficit == 1 else r["unadjusted"]
        rsp = t.get("OF5007")
        r["final"] = RSP_SEGMENT if rsp == 1 else (r["adjusted"] if rsp == 0 else 0)
    keys = sorted((r["adjusted"], r["rounded"]) for r in seg)
    for r in seg:  # 1 + the number of strictly better (segment, average) pairs
        r["rank"] = 1 + bisect.bisect_left(keys, (r["adjusted"], r["rounded"]))
    return res, cuts


def oracle_lines(path, source, cutoffs, groups=None, with_cutoffs=False):
    if groups is None:
        groups = read_file(path)
    out = []
    for (q, ty), trusts in groups.items():
        res, cuts = assess(trusts, source, cutoffs)
        if with_cutoffs:
            out.append(["cutoffs", q, ty] + [round_half_up(c, 9) for c in cuts])
        for code, r in res.items():
            f = [q, ty, code, str(r["n_scores"])]
            if r["n_scores"]:
                f += [round_half_up(r["unrounded"], 9), round_half_up(r["rounded"], 2),
                      str(r["unadjusted"]), str(r["adjusted"]), str(r["final"]), str(r["rank"])]
                f += ["" if r[d] is None else round_half_up(r[d], 9) for d in DOMAINS]
            else:
                f += [""] * 6 + [""] * len(DOMAINS)
            out.append(f)
    return out


# ---- comparison --------------------------------------------------------

NUMERIC_9 = {"unrounded"} | set(DOMAINS)


def parse_csv_text(text):
    return [r for r in csv.reader(io.StringIO(text)) if r]


def compare(expected, actual):
    """Lists of field lists -> list of disagreement messages."""
    msgs = []
    cut_lines = {"oracle": {}, "driver": {}}

    def keyed(rows, who):
        d = {}
        for r in rows:
            if r[0] == "cutoffs":
                k = tuple(r[:3])
                if k in cut_lines[who]:
                    msgs.append("%s: cut-offs of %s listed twice" % (who, " / ".join(k[1:])))
                cut_lines[who][k] = r[3:]
                continue
            if len(r) != len(COLUMNS):
                msgs.append("%s: line with %d fields (want %d): %s" %
                            (who, len(r), len(COLUMNS), ",".join(r)))
                continue
            k = tuple(r[:3])
            if k in d:
                msgs.append("%s: trust listed twice: %s" % (who, " / ".join(k)))
            d[k] = r
        return d
    e, a = keyed(expected, "oracle"), keyed(actual, "driver")
    for k, ev in cut_lines["oracle"].items():
        if not ev:  # no trust segmented: no cut-offs to check
            continue
        av = cut_lines["driver"].get(k)
        if av is None:
            msgs.append("driver printed no cut-offs for %s" % " / ".join(k[1:]))
        elif len(av) != len(ev) or any(abs(Decimal(x) - Decimal(y)) > Decimal("1.5e-9")
                                       for x, y in zip(ev, av)):
            msgs.append("%s %s: cut-offs expected %s, got %s" %
                        (k[1], k[2], " ".join(ev), " ".join(av)))
    for k in e:
        if k not in a:
            msgs.append("missing from driver: %s" % " / ".join(k))
    for k in a:
        if k not in e:
            msgs.append("driver lists a trust the oracle does not: %s" % " / ".join(k))
    for k in e:
        if k not in a:
            continue
        for i, col in enumerate(COLUMNS[3:], start=3):
            ev, av = e[k][i], a[k][i]
            if ev == av:
                continue
            if col in NUMERIC_9 and ev and av:
                try:
                    if abs(Decimal(ev) - Decimal(av)) <= Decimal("1.5e-9"):
                        continue
                except Exception:
                    pass
            msgs.append("%s %s %s: %s expected %r, got %r" %
                        (k[0], k[1], k[2], col, ev, av))
    return msgs


# ---- the differential test ----------------------------------------------

def explicit_cutoffs(rng, lines):
    """Three strictly ascending cut-offs, often equal to some rounded average."""
    avgs = sorted({Decimal(r[5]) for r in lines if r[0] != "cutoffs" and r[5]})
    for _ in range(50):
        style = rng.random()
        if style < 0.5 and len(avgs) >= 3:
            cs = sorted(rng.sample(avgs, 3))
        elif style < 0.8:
            cs = sorted(Decimal(rng.randint(100, 400)) / 100 for _ in range(3))
        else:
            cs = sorted(Decimal(rng.randint(10000, 40000)) / 10000 for _ in range(3))
        if cs[0] < cs[1] < cs[2]:
            return [format(c, "f") for c in cs]
    return ["2.06", "2.33", "2.70"]


def count_edges(stats, lines, cutoffs):
    lines = [r for r in lines if r[0] != "cutoffs"]
    seg = [r for r in lines if r[3] != "0"]
    stats["not segmented"] += len(lines) - len(seg)
    stats["average exactly x.xx5"] += sum(1 for r in seg if r[4].endswith("5000000"))
    if cutoffs:
        stats["average on a cut-off"] += sum(1 for r in seg if Fraction(Decimal(r[5])) in cutoffs)
    stats["deficit-capped"] += sum(1 for r in seg if r[6] != r[7])
    stats["final 5"] += sum(1 for r in seg if r[8] == "5")
    stats["final unknown"] += sum(1 for r in seg if r[8] == "0")
    ranks = {}
    for r in seg:
        ranks[(r[0], r[1], r[9])] = ranks.get((r[0], r[1], r[9]), 0) + 1
    stats["shared rank"] += sum(v for v in ranks.values() if v > 1)


def run(driver, n, first):
    import gen_population
    passed = failed = rows_compared = 0
    stats = dict.fromkeys(["not segmented", "average exactly x.xx5", "average on a cut-off",
                           "deficit-capped", "final 5", "final unknown", "shared rank"], 0)
    with tempfile.TemporaryDirectory(prefix="ta-oracle-") as tmp:
        for seed in range(first, first + n):
            path = os.path.join(tmp, "pop-%d.csv" % seed)
            gen_population.write_population(seed, path)
            groups = read_file(path)
            rng = random.Random(seed * 7919 + 1)
            jobs = []
            for source in ("scores", "values"):
                default_lines = oracle_lines(path, source, None, groups, True)
                cuts = explicit_cutoffs(rng, default_lines)
                for cut_args in ([], cuts):
                    cutoffs = [dec(c) for c in cut_args] if cut_args else None
                    exp = (default_lines if cutoffs is None
                           else oracle_lines(path, source, cutoffs, groups, True))
                    cmd = [driver, "--cutoffs", path, source] + cut_args
                    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                            universal_newlines=True)
                    repro = ("seed %d: tests/oracle/gen_population.py %d pop.csv && "
                             "oracle_driver --cutoffs pop.csv %s%s" % (seed, seed, source,
                                                             "".join(" " + c for c in cut_args)))
                    jobs.append((proc, exp, repro))
                    count_edges(stats, exp, cutoffs)
            problems = []
            for proc, exp, repro in jobs:
                out, err = proc.communicate()
                if proc.returncode != 0:
                    problems.append("%s\n    driver exit %d: %s" %
                                    (repro, proc.returncode, err.strip()))
                    continue
                msgs = compare(exp, parse_csv_text(out))
                rows_compared += sum(1 for r in exp if r[0] != "cutoffs")
                if msgs:
                    shown = msgs[:10]
                    more = len(msgs) - len(shown)
                    problems.append("%s\n    %s%s" % (repro, "\n    ".join(shown),
                                    "\n    ... and %d more" % more if more else ""))
            if problems:
                failed += 1
                print("FAIL " + "\n".join(problems))
            else:
                passed += 1
    print("oracle: edge cases exercised: " +
          ", ".join("%s %d" % kv for kv in stats.items()))
    print("oracle: compared %d trust rows of %d populations, 4 configurations each" %
          (rows_compared, n))
    print("oracle: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


def main(argv):
    if len(argv) >= 2 and argv[1] == "--compare" and len(argv) == 4:
        with open(argv[2], newline="") as f1, open(argv[3], newline="") as f2:
            msgs = compare(parse_csv_text(f1.read()), parse_csv_text(f2.read()))
        for m in msgs:
            print(m)
        return 1 if msgs else 0
    if len(argv) >= 3 and argv[1] == "--run":
        n = int(argv[3]) if len(argv) > 3 else 200
        first = int(argv[4]) if len(argv) > 4 else 1
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        return run(argv[2], n, first)
    with_cutoffs = len(argv) > 1 and argv[1] == "--cutoffs"
    if with_cutoffs:
        argv = argv[:1] + argv[2:]
    if len(argv) in (3, 6) and argv[2] in ("scores", "values"):
        cutoffs = [dec(c) for c in argv[3:]] if len(argv) == 6 else None
        w = csv.writer(sys.stdout, lineterminator="\n")
        for line in oracle_lines(argv[1], argv[2], cutoffs, with_cutoffs=with_cutoffs):
            w.writerow(line)
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
