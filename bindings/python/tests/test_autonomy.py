"""Earned autonomy from Python (issue 16): the status register, capital that
follows status and finances, and the eligibility screen on supplied evidence,
back-tested against NHS England's nominations."""

import datetime

import pytest

import trustassess as ta

M = 100_000_000  # £1m in pence
D = datetime.date
LIFE = ("Trust_code,Trust_name,Date,Event\n"
        "RXX,Example Trust,2026-04-01,authorised\n"
        "RXX,,2027-06-30,Deauthorised\n"
        "RXX,,2028-01-10,REAUTHORISED\n")
NOMINEES = ["RWX", "RDY", "RYX", "RP1", "RY3", "RYV"]


def test_register_life_cycle():
    with ta.Register() as r:
        r.read_text(LIFE, "life.csv")
        assert r.codes() == ["RXX"]
        s = r.status_on("RXX", D(2027, 7, 1))
        assert (s.status, s.since, s.next_review_due) == (ta.FtStatus.FOUNDATION_TRUST,
                                                          D(2027, 6, 30), None)
        s = r.status_on("RXX", D(2028, 1, 10))
        assert s.status == ta.FtStatus.ADVANCED_FOUNDATION_TRUST
        assert s.next_review_due == D(2033, 1, 10)
        assert "5 years after the reauthorisation on 2028-01-10" in s.reasons
        assert r.status_on("RXX", D(2026, 3, 31)).known is False
        assert [e for _, e, _ in r.events("RXX")] == [
            ta.RegisterEvent.AUTHORISED, ta.RegisterEvent.DEAUTHORISED,
            ta.RegisterEvent.REAUTHORISED]
        assert [x.status for x in r.statuses()] == [ta.FtStatus.ADVANCED_FOUNDATION_TRUST]
        r.add_event("RXX", D(2029, 5, 5), "reviewed")
        assert r.status_on("RXX", D(2029, 5, 5)).next_review_due == D(2034, 5, 5)
        with pytest.raises(ta.InconsistentError, match="already an advanced foundation trust"):
            r.add_event("RXX", D(2030, 1, 1), ta.RegisterEvent.AUTHORISED)
        with pytest.raises(ta.InconsistentError, match=r"bad\.csv:2:\d+: trust RZ"):
            r.read_text("Trust_code,Date,Event\nRZ,2026-01-01,deauthorised\n", "bad.csv")
        assert len(r) == 1  # the bad read kept nothing
        assert ta.event_name(ta.RegisterEvent.FT_AUTHORISED) == "ft_authorised"
        with ta.ReviewSchedule() as s:
            s.add_register(r, D(2030, 1, 1))
            res = s.compute()
            assert [(x.code, x.due) for x in res] == [("RXX", D(2034, 5, 5))]


def test_capital_finances_and_register():
    with ta.CapitalRules.preset("capital-2025") as rules:
        assert rules.get(ta.CapitalParam.LIGHT_MAX_SEGMENT) == (2, "our reading")
        p = ta.CapitalProposal("RXX", "S1", status=ta.FtStatus.ADVANCED_FOUNDATION_TRUST,
                               amount=90 * M, savings=120 * M, distress=True)
        assert p.check(rules).route == ta.CapitalRoute.STANDARD
        p.distress, p.segment = None, 4
        assert p.check(rules).route == ta.CapitalRoute.STANDARD
        p.distress, p.segment = False, 1
        assert p.check(rules).route == ta.CapitalRoute.LIGHT
        p.deficit = True
        assert p.deficit is True
        assert p.check(rules).route == ta.CapitalRoute.STANDARD
        p.deficit = False
        # Savings since last year: 2025/26 and 2026/27 count for a 2026-04-01 scheme.
        p.savings = 0
        p.set_year_savings(2024, 500 * M)
        p.set_year_savings(2025, 50 * M)
        p.set_year_savings(2026, 45 * M)
        p.date = D(2026, 4, 1)
        assert p.check(rules).route == ta.CapitalRoute.LIGHT
        assert p.savings_counted() == 95 * M
        p.set_year_savings(2026, None)
        assert p.check(rules).route == ta.CapitalRoute.STANDARD
        p.set_year_savings(2026, 45 * M)
        with ta.Register() as reg:
            reg.read_text(LIFE)
            p.date = D(2027, 7, 15)
            p.apply_register(reg)
            v = p.check(rules)
            assert p.status == ta.FtStatus.FOUNDATION_TRUST
            assert v.route == ta.CapitalRoute.STANDARD
            assert any(rid == "status.register" and "disagrees" in s for rid, s in v.reasons)
            pf = ta.CapitalPortfolio()
            pf.read_text("Scheme_ref,Trust_code,Trust_status,Amount,Funding,"
                         "Own_savings_available,Date,NOF_segment,Financial_distress\n"
                         "A,RXX,,£90m,Own savings,£120m,2028-02-01,1,no\n")
            with pytest.raises(ta.StateError):
                pf.check(rules)
            pf.apply_register(reg)
            assert [v.route for v in pf.check(rules)] == [ta.CapitalRoute.LIGHT]
            pf.close()
        p.close()


def test_eligibility_back_test(nof_file):
    assert "aft-guide" in ta.criteria_preset_names()
    with ta.Screen(nof_file, as_of="Q1 2025/26") as s:
        assert s.periods() == ["Q1 2025/26"]
        codes = [r.code for r in s.run()]
        lines = ["Trust_code,Judgement,Value"]
        for c in codes:
            lines += [f"{c},{k},yes" for k in ("partnership", "capability_assessment",
                                               "icb_support", "region_support",
                                               "financial_plan_agreed")]
            lines.append(f"{c},cqc_rating,good")
        s.read_evidence("\n".join(lines) + "\n", "evidence.csv")
        rows = {r.code: r for r in s.run("aft-guide", None)}
    for c in NOMINEES:
        assert rows[c].verdict == ta.Eligibility.ELIGIBLE, c
        assert all(x.outcome == ta.CriterionOutcome.MET for x in rows[c].criteria)
    verdicts = [r.verdict for r in rows.values()]
    assert len(verdicts) == 61
    assert verdicts.count(ta.Eligibility.ELIGIBLE) == 24
    assert verdicts.count(ta.Eligibility.CLOSE) == 3
    assert rows["RXY"].criteria[3].id == "safety"
    assert rows["RXY"].criteria[3].value == pytest.approx(2.51)


def test_eligibility_one_call_and_errors(nof_file):
    rows = ta.eligibility(nof_file, aft="aft-2025", iho=None)
    assert {r.code for r in rows if r.verdict == ta.Eligibility.CLOSE} == {
        "RKL", "RLY", "RRE", "RV3", "RW4", "RY7", "RYY"}
    with pytest.raises(ta.NotFoundError):
        ta.Screen(nof_file, as_of="Q9 2025/26")
    with ta.Screen(nof_file) as s:
        with pytest.raises(ta.ParseError, match=r"e\.csv:2:17: Value \"maybe\""):
            s.read_evidence("Trust_code,Judgement,Value\nRWX,partnership,maybe\n", "e.csv")
        s.supply_judgement("RWX", "partnership", True)
        s.supply_cqc("RWX", ta.CqcRating.GOOD, D(2025, 1, 1))
        s.set_as_of(D(2026, 3, 31))
        rows = {r.code: r for r in s.run("aft-guide", None)}
        assert {x.id: x.outcome for x in rows["RWX"].criteria}["cqc"] == ta.CriterionOutcome.MET
        assert s.export("csv", "RWX").startswith("Trust_code,")
    with ta.Criteria.preset("aft-guide") as c:
        assert len(c) == 10
        assert c.info(0)[0] == "nof_segment"
        assert "NHS Oversight Framework" in c.info(0)[3]
