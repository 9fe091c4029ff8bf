"""Typed pandas frames of every result (issue 17, part 3): verify, capital,
reviews and eligibility, each with its dtypes and a value checked."""

import datetime as dt

import pandas as pd
import pytest

import trustassess as ta

M = 100_000_000  # £1m in pence


def test_verify_frames(nof_file):
    v = ta.verify(nof_file)
    d = v.to_pandas()
    assert list(d.columns) == list(ta.VERIFY_DIFFERENCE_COLUMNS)
    assert len(d) == len(v.differences) > 0
    assert d["Published"].dtype == "float64" and d["Computed"].dtype == "float64"
    first = v.differences[0]
    assert d.loc[0, "Published"] == first.published and d.loc[0, "Trust_code"] == first.trust_code
    assert set(d["Verdict"]) <= {"explained", "unexplained"}
    assert d.loc[0, "Mode"] == first.mode.name.lower()
    s = v.to_pandas("summaries")
    assert all(s[c].dtype == "int64" for c in ("Checked", "Agreed", "Explained", "Unexplained"))
    assert (s["Checked"] == s["Agreed"] + s["Explained"] + s["Unexplained"]).all()
    assert int(s["Checked"].sum()) == sum(x.checked for x in v.summaries)
    u = v.to_pandas("unchecked")
    assert u["Count"].dtype == "int64" and int(u["Count"].sum()) == v.not_checked
    assert "pool of 205 trusts; this file has 61" in set(u["Reason"])
    with pytest.raises(ValueError):
        v.to_pandas("everything")


def test_capital_frames():
    with ta.CapitalRules.preset() as rules, ta.CapitalPortfolio() as pf:
        common = dict(status=ta.FtStatus.ADVANCED_FOUNDATION_TRUST, savings=500 * M)
        pf.add("RX1", "S1", amount=100 * M - 1, **common)  # light, headroom £0.00
        pf.add("RX2", "S2", amount=100 * M, **common)  # exactly £100m: standard, closed
        verdicts = pf.check(rules)
        assert isinstance(verdicts, list) and len(verdicts) == 2
        df = verdicts.to_pandas()
    assert list(df.columns) == list(ta.CAPITAL_COLUMNS)
    assert df["Compared_pence"].dtype == "int64"
    assert df["Headroom_pence"].dtype == "Int64" and df["Largest_light_pence"].dtype == "Int64"
    assert df["Light_route_open"].dtype == "bool" and df["Split_flagged"].dtype == "bool"
    assert df["Route"].tolist() == ["light", "standard"]
    assert df["Trust_code"].tolist() == ["RX1", "RX2"] and df["Scheme_ref"].tolist() == ["S1", "S2"]
    assert df.loc[0, "Compared_pence"] == 100 * M - 1 and df.loc[0, "Headroom_pence"] == 0
    assert df.loc[0, "Largest_light_pence"] == 100 * M - 1
    assert df.loc[1, "Headroom_pence"] == -1 and df.loc[1, "Tier"] == "jisc"
    assert df.loc[0, "Light_route_open"] == True  # noqa: E712 (numpy bool)
    one = verdicts[0].to_pandas()
    assert len(one) == 1 and one.loc[0, "Headroom_pence"] == 0


def test_review_frames():
    with ta.ReviewSchedule() as s:
        s.read_csv("Trust_code,Trust_name,Authorised_on,Last_reviewed_on\n"
                   "RX1,One,2020-02-29,\nRX2,Two,2019-06-01,2024-06-03\n", "trusts.csv")
        s.set_today(dt.date(2025, 6, 1))
        df = s.compute().to_pandas()
    assert list(df.columns) == list(ta.REVIEW_COLUMNS)
    for c in ("Due", "Regular_due", "Trigger_fired_on", "Sitting"):
        assert df[c].dtype == "datetime64[ns]", c
    assert df["Placed"].dtype == "bool" and df["Dropped"].dtype == "bool"
    assert df["Overdue"].dtype == "boolean"
    assert df["Late_days"].dtype == "Int64" and df["Overdue_days"].dtype == "Int64"
    rx1 = df.set_index("Trust_code").loc["RX1"]
    assert rx1["Regular_due"] == pd.Timestamp(2025, 2, 28)  # five years after 29 Feb
    assert rx1["Sitting"] == pd.Timestamp(2025, 6, 2) and rx1["Overdue_days"] == 93
    assert rx1["Overdue"] == True  # noqa: E712 (pandas boolean)
    rx2 = df.set_index("Trust_code").loc["RX2"]
    assert rx2["Due"] == pd.Timestamp(2029, 6, 3) and pd.isna(rx2["Trigger_fired_on"])
    assert rx2["Overdue"] == False  # noqa: E712


def test_eligibility_frames(nof_file):
    rows = ta.eligibility(nof_file, aft="aft-2025", iho=None)
    df = rows.to_pandas()
    assert list(df.columns) == list(ta.ELIGIBILITY_COLUMNS) and len(df) == 61
    assert df["Eligible"].dtype == "bool" and df["IHO_eligible"].dtype == "boolean"
    assert df["Criteria_met"].dtype == "int64" and df["Criteria"].dtype == "int64"
    assert set(df.loc[df["Verdict"] == "close", "Trust_code"]) == {
        "RKL", "RLY", "RRE", "RV3", "RW4", "RY7", "RYY"}
    assert (df["Eligible"] == (df["Verdict"] == "eligible")).all()
    assert df["IHO_verdict"].isna().all() and df["IHO_eligible"].isna().all()
    c = rows.to_pandas(criteria=True)
    assert list(c.columns) == list(ta.ELIGIBILITY_CRITERIA_COLUMNS)
    assert len(c) == sum(len(r.criteria) for r in rows)
    assert c["Met"].dtype == "bool" and c["Value"].dtype == "float64"
    assert c["Threshold"].dtype == "float64"
    assert (c["Met"] == (c["Outcome"] == "met")).all()
    first = rows[0].criteria[0]
    assert c.loc[0, "Criterion"] == first.id and c.loc[0, "Outcome"] == first.outcome.name.lower()
    with ta.Screen(nof_file, as_of="Q1 2025/26") as s:
        both = s.run().to_pandas()
    assert both["IHO_verdict"].notna().all()
    assert set(both["IHO_verdict"]) <= {"eligible", "close", "not_eligible"}
