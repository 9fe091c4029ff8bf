#!/usr/bin/python3
"""Random NOF 2025/26 populations in NHS England's published long CSV format.

    gen_population.py SEED [OUT.csv]      (stdout when OUT is omitted)

One seed always gives the same bytes. A population has 1-4 quarters, 1-3
trust types and 5-80 trusts; metrics are missing at random (a metric's raw
OF0xxx row and its OF1xxx score row come and go together), values and scores
are drawn from small sets so that ties are common, some trusts' scores are
forced to average to exactly x.xx5, and the OF5004 / OF5007 flags are present
or absent at random. Some published result rows (OF4xxx, OF5000/2/3/5) are
written with random contents: the library must not use them.

Standard library only; used as a module by oracle.py.
"""
import random
import sys
from decimal import Decimal

HEADER = ["Quarter", "Region", "Trust_type", "Trust_subtype", "Trust_code", "Trust_name",
          "Domain", "Sub-domain", "Metric_ID", "Metric_description", "Reporting_date", "Units",
          "Value", "Median_value", "Lower_quartile", "Upper_quartile", "Rank"]

QUARTERS = ["Q1 2025/26", "Q2 2025/26", "Q3 2025/26", "Q4 2025/26"]
TRUST_TYPES = ["Mental health and community trust", "Acute trust", "Ambulance trust"]
SUBTYPES = ["Community", "Care Trust", "Mental Health and Learning Disability"]
REGIONS = ["London", "Midlands", "East", "North East and Yorkshire", "North West",
           "South East", "South West"]
PLACES = ["Tees, Esk and Wear Valleys", "Cumbria, Northumberland, Tyne and Wear",
          "Herefordshire and Worcestershire", "Shropshire", "Essex", "North East London",
          "Nottinghamshire", "Devon", "Kent, Surrey and Sussex", "Oxford", "Avon and Wiltshire",
          "Leeds and York", "Black Country", "Lincolnshire", "Mersey, Cheshire and Halton"]

# score ID, raw ID (None: supplied), domain text, sub-domain, description, units,
# kind of raw value
METRICS = [
    ("OF1005", "OF0005", "Access to services", "Elective care",
     "Percentage of patients waiting over 52 weeks for community services", "%", "pct"),
    ("OF1041", "OF0041", "Access to services", "Mental health care",
     "Annual change in the number of children and young people accessing NHS-funded MH services",
     "percentage points", "change"),
    ("OF1016", "OF0016", "Patient safety", "Patient safety",
     "Percentage of patients in mental health crisis to receive face-to-face contact within "
     "24 hours", "%", "pct"),
    ("OF1061", "OF0061", "Patient safety", "Patient safety",
     "NHS Staff survey - raising concerns sub-score", "out of 10", "survey"),
    ("OF1067", None, "Patient safety", "Patient safety", "CQC safe inspection", "score", None),
    ("OF1079", "OF0079", "Finance and productivity", "Finance", "Planned surplus/deficit", "%",
     "plan"),
    ("OF1081", "OF0081", "Finance and productivity", "Finance",
     "Variance year-to-date to financial plan", "%", "variance"),
    ("OF1080", None, "Finance and productivity", "Finance", "Combined finance", "score", None),
    ("OF1086", "OF0086", "Finance and productivity", "Productivity",
     "Relative difference in costs", "%", "cost"),
    ("OF1082", "OF0082", "People and workforce", "Retention and culture",
     "Sickness absence rate", "%", "sickness"),
    ("OF1084", "OF0084", "People and workforce", "Retention and culture",
     "NHS staff survey engagement theme sub-score\u00a0", "out of 10", "survey"),
    ("OF1035", None, "Effectiveness and experience", "Patient experience",
     "CQC community mental health survey satisfaction rate", "score", None),
    ("OF1057", "OF0057", "Effectiveness and experience", "Effective out of hospital care",
     "Urgent Community Response 2-hour performance", "%", "ucr"),
    ("OF1063", "OF0063", "Effectiveness and experience", "Effective flow and discharge",
     "Percentage of inpatients with >60 day length of stay", "%", "pct"),
]

DOMAIN_ROWS = [("OF4000", "Access to services"), ("OF4002", "Patient safety"),
               ("OF4003", "Finance and productivity"), ("OF4004", "People and workforce"),
               ("OF4005", "Effectiveness and experience")]
SEGMENT_ROWS = [("OF4100", "Access to services"), ("OF4102", "Patient safety"),
                ("OF4103", "Finance and productivity"), ("OF4104", "People and workforce"),
                ("OF4105", "Effectiveness and experience")]

COMBINED = [[1, 1, 2, 3], [2, 0, 0, 0], [2, 3, 0, 4], [2, 3, 0, 4]]

# Small pools of raw values (ties are the point), cut points included.
RAW_POOLS = {
    "pct": ["0.0", "0.5", "2.25", "9.03", "12.5", "24.67", "26.82", "50.0", "58.0", "71.83",
            "97.7", "100.0"],
    "change": ["-12.5", "-3.0", "0.0", "0.59", "4.57", "15.17", "28.45"],
    "survey": ["6.19", "6.57", "6.81", "6.95", "7.08", "7.21", "7.5"],
    "plan": ["0.7", "0.0", "-0.0", "-0.3", "-1.0", "-1.01", "-1.5", "-2.0", "-2.5", "-4.1", "1.2"],
    "variance": ["0.04", "0.0", "-0.2", "-0.5", "-0.51", "-0.8", "-1.0", "-1.8", "-3.0"],
    "cost": ["78.64", "94.24", "100.0", "105.39", "112.62", "130.1"],
    "sickness": ["4.54", "5.01", "5.65", "6.26", "7.0"],
    "ucr": ["55.2", "69.99", "70.0", "70.5", "80.08", "85.58", "89.48", "94.39", "100.0"],
}


def fmt_score(d):
    """A 2-decimal score written as NHS England does ("3.0", "2.27")."""
    s = format(d.quantize(Decimal("0.01")).normalize(), "f")
    return s if "." in s else s + ".0"


def csv_field(text):
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def random_score(rng, pool):
    return pool[rng.randrange(len(pool))]


def make_population(seed):
    """Returns (rows, eol) with rows a list of 17-field lists."""
    rng = random.Random(seed)
    quarters = QUARTERS[:rng.randint(1, 4)]
    if rng.random() < 0.3:
        quarters = rng.sample(QUARTERS, len(quarters))
    types = rng.sample(TRUST_TYPES, rng.randint(1, 3))
    ntrusts = rng.randint(max(5, 2 * len(types)), 80)
    if rng.random() < 0.25:
        ntrusts = rng.randint(max(5, 2 * len(types)), 12)
    # Per population: a small set of 2-decimal scores, with near neighbours so
    # that averages land on x.xx5.
    base = [Decimal(rng.randint(100, 400)) / 100 for _ in range(rng.randint(3, 9))]
    extra = [min(Decimal(4), b + Decimal("0.01")) for b in base[:3]]
    score_pool = sorted(set(base + extra + [Decimal(1), Decimal(4), Decimal(2), Decimal(3)]))
    p_missing = rng.choice([0.0, 0.1, 0.3, 0.6])
    p_flag = rng.choice([0.0, 0.5, 0.9, 1.0])
    p_rsp = rng.choice([0.0, 0.5, 1.0])

    trusts = []
    codes = set()
    for i in range(ntrusts):
        while True:
            code = "R" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTVWXY0123456789")
                                 for _ in range(rng.choice([2, 2, 3, 4])))
            if code not in codes:
                codes.add(code)
                break
        place = rng.choice(PLACES)
        name = place + rng.choice([" NHS Foundation Trust", " NHS Trust", " Health and Care NHS Trust",
                                   " Partnership NHS Foundation Trust"])
        ttype = types[i % len(types)] if i < len(types) * 2 else rng.choice(types)
        trusts.append({"code": code, "name": name, "type": ttype,
                       "subtype": rng.choice(SUBTYPES), "region": rng.choice(REGIONS)})

    rows = []
    for q in quarters:
        present = [t for t in trusts if rng.random() < 0.92]
        for ty in types:  # every trust type has a trust in every quarter
            if not any(t["type"] == ty for t in present):
                present.append(rng.choice([t for t in trusts if t["type"] == ty]))
        rng.shuffle(present)
        for t in present:
            rows.extend(trust_rows(rng, q, t, score_pool, p_missing, p_flag, p_rsp))
    # The published file groups rows by metric, not by trust: shuffle a little.
    if rng.random() < 0.5:
        rows.sort(key=lambda r: (QUARTERS.index(r[0]), r[8]))
    eol = rng.choice(["\r\n", "\n"])
    return rows, eol


def trust_rows(rng, q, t, score_pool, p_missing, p_flag, p_rsp):
    def row(domain, sub, mid, desc, date, units, value, med="", lq="", uq="", rank=""):
        return [q, t["region"], t["type"], t["subtype"], t["code"], t["name"], domain, sub, mid,
                desc, date, units, value, med, lq, uq, rank]

    out = []
    scores = {}
    mode = rng.random()
    present = [m for m in METRICS if rng.random() >= p_missing]
    if mode < 0.04:
        # Only the finance metrics that do not enter the average (from scores:
        # not segmented unless OF1080 is published).
        present = [m for m in METRICS if m[0] in ("OF1079", "OF1081")]
    elif mode < 0.06:
        present = []
    banded = {}
    for (sid, rid, dom, sub, desc, units, kind) in present:
        if sid == "OF1080":
            continue
        if rid is not None:
            raw = random_score(rng, RAW_POOLS[kind])
            out.append(row(dom, sub, rid, desc, q, units, raw, "1.0", "0.5", "2.0",
                           rng.choice(["", "1.0", "33.0"])))
        if sid in ("OF1079", "OF1081"):
            sc = Decimal(rng.randint(1, 4))
            banded[sid] = int(sc)
        else:
            sc = random_score(rng, score_pool)
        scores[sid] = sc
    # OF1080 published: mostly the table entry of the published pair.
    if any(m[0] == "OF1080" for m in present) and "OF1079" in banded and "OF1081" in banded:
        c = COMBINED[banded["OF1079"] - 1][banded["OF1081"] - 1]
        r = rng.random()
        if r < 0.1:
            c = rng.randint(1, 4)
        if c != 0:
            scores["OF1080"] = Decimal(c)
    elif any(m[0] == "OF1080" for m in present) and rng.random() < 0.2:
        scores["OF1080"] = Decimal(rng.randint(1, 4))
    # Force an average of exactly x.xx5 now and then (adjust one score).
    avg_ids = [s for s in scores if s not in ("OF1079", "OF1081")]
    if len(avg_ids) >= 2 and rng.random() < 0.4:
        k = len(avg_ids)
        target_last = None
        others = sum(scores[s] for s in avg_ids[:-1])
        for _ in range(20):
            mean = Decimal(rng.randint(1000, 3990)) / 1000
            if int(mean * 1000) % 10 != 5:
                mean += Decimal("0.005") - (mean * 1000 % 10) / 1000
            last = mean * k - others
            if last == last.quantize(Decimal("0.01")) and 1 <= last <= 4:
                target_last = last
                break
        if target_last is not None and avg_ids[-1] != "OF1080":
            scores[avg_ids[-1]] = target_last
    by_id = {m[0]: m for m in METRICS}
    for sid, sc in scores.items():
        (_, _, dom, sub, desc, units, _) = by_id[sid]
        out.append(row(dom, sub, sid, desc, q, "score", fmt_score(sc), "", "", "",
                       rng.choice(["", "12.0"])))
    if rng.random() < 0.3:  # published results the library must ignore
        for (rid, dom) in DOMAIN_ROWS:
            out.append(row(dom, dom + " domain score", rid, dom + " domain score", q, "score",
                           fmt_score(random_score(rng, score_pool)), "", "", "", "3.0"))
        for (rid, dom) in SEGMENT_ROWS:
            out.append(row(dom, dom + " domain segment", rid, dom + " domain segment", q,
                           "segment", "%d.0" % rng.randint(1, 4)))
        out.append(row("Summary", "Summary", "OF5000", "Adjusted segment", q, "segment",
                       "%d.0" % rng.randint(1, 4), rank="%d.0" % rng.randint(1, 60)))
        out.append(row("Summary", "Summary", "OF5002", "Average metric score", q, "score",
                       fmt_score(random_score(rng, score_pool)), rank="7.0"))
        out.append(row("Summary", "Summary", "OF5003", "Unadjusted segment", q, "segment",
                       "%d.0" % rng.randint(1, 4)))
        out.append(row("Summary", "Summary", "OF5005", "Final segment score override", q,
                       "segment", "%d.0" % rng.randint(1, 5)))
    if rng.random() < p_flag:
        out.append(row("Summary", "Summary", "OF5004", "Financial override", q, "flag",
                       rng.choice(["0.0", "1.0"])))
    if rng.random() < p_rsp:
        out.append(row("Summary", "Summary", "OF5007",
                       "Is the organisation in the Recovery Support Programme?", q, "flag",
                       rng.choice(["0.0", "0.0", "0.0", "1.0"])))
    if not out:  # every trust in the file has at least one row
        out.append(row("Summary", "Summary", "OF5004", "Financial override", q, "flag", "0.0"))
    return out


def population_text(seed):
    rows, eol = make_population(seed)
    lines = [",".join(HEADER)] + [",".join(csv_field(f) for f in r) for r in rows]
    return "\ufeff" + eol.join(lines) + eol


def write_population(seed, path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(population_text(seed))


def main(argv):
    if len(argv) not in (2, 3):
        sys.stderr.write("usage: gen_population.py SEED [OUT.csv]\n")
        return 2
    seed = int(argv[1])
    if len(argv) == 3:
        write_population(seed, argv[2])
    else:
        sys.stdout.reconfigure(newline="")
        sys.stdout.write(population_text(seed))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
