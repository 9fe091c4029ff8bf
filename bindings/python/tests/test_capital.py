"""Capital checks, money and the one-at-a-time rules, from Python."""

import pytest

import trustassess as ta

M = 100_000_000  # £1m in pence


def test_money():
    assert ta.parse_money("£100m") == 100 * M
    assert ta.parse_money("1,234.56") == 123456
    assert ta.format_money(10_000_000_000) == "£100,000,000.00"
    assert ta.format_money(-1, ta.money.POUND) == "-£0.01"
    assert ta.parse_money("-£5", signed=True) == -500
    with pytest.raises(ta.ParseError):
        ta.parse_money("lots")
    with pytest.raises(ta.RangeError):
        ta.parse_money("99999999999999999999")
    with pytest.raises(TypeError):
        ta.format_money(1.5)


def test_light_route_boundary_at_100m():
    with ta.CapitalRules.preset("capital-2025") as rules:
        assert rules.get(ta.CapitalParam.LIGHT_THRESHOLD) == (100 * M, "A1")
        assert rules.value_text(ta.CapitalParam.LIGHT_THRESHOLD) == "£100,000,000.00"
        just_under = ta.CapitalProposal(
            "RX1", "S1", status=ta.FtStatus.ADVANCED_FOUNDATION_TRUST,
            amount=100 * M - 1, savings=200 * M)
        v = just_under.check(rules)
        assert v.route == ta.CapitalRoute.LIGHT and v.tier == ta.CapitalTier.LIGHT
        assert v.headroom == 0 and v.headroom_text == "£0.00"
        assert v.approvers == (ta.CapitalBody.TRUST_BOARD,)
        assert v.reasons and all(rid for rid, _ in v.reasons)
        just_under.amount = 100 * M  # exactly £100m: not "less than"
        v = just_under.check(rules)
        assert v.route == ta.CapitalRoute.STANDARD
        assert v.headroom == -1 and v.route_text == "standard"
        assert ta.Document.FBC in v.documents
        with pytest.raises(ta.StateError):
            ta.CapitalProposal("RX1", "S2").verdict()
        assert "capital-2025" in ta.capital_preset_names()


def test_capital_errors():
    with pytest.raises(ta.NotFoundError):
        ta.CapitalRules.preset("capital-1999")
    p = ta.CapitalProposal("RX1", "S1")
    with pytest.raises(ta.RangeError):
        p.amount = -1
    with pytest.raises(TypeError):
        p.amount = "£1m"
    with pytest.raises(TypeError):
        p.check("rules")
    r = ta.CapitalRules("mine")
    with pytest.raises(ta.ParseError) as e:
        r.load_text('Parameter,Value,Source\nlight_threshold,"lots,C1\n', "rules.csv")
    assert "rules.csv:" in str(e.value)
    r.set_text("light_threshold", "£50m", "test")
    assert r.get(ta.CapitalParam.LIGHT_THRESHOLD) == (50 * M, "test")
    p.close()
    with pytest.raises(ta.ClosedError):
        p.amount


def test_portfolio_split_scheme_and_csv():
    with ta.CapitalRules.preset() as rules, ta.CapitalPortfolio() as pf:
        common = dict(status=ta.FtStatus.ADVANCED_FOUNDATION_TRUST, savings=500 * M)
        pf.add("RX1", "S1", amount=60 * M, **common)
        pf.add("RX1", "S1", amount=60 * M, **common)
        verdicts = pf.check(rules)
        assert len(pf) == 2
        assert all(v.route == ta.CapitalRoute.STANDARD and v.split_flagged for v in verdicts)
        assert verdicts[0].compared == 120 * M
    text = ("Scheme_ref,Trust_code,Trust_status,Amount,Own_savings_available,Funding\n"
            "A,RX1,Advanced foundation trust,£10m,£20m,Own savings\n"
            "B,RX2,NHS trust,bad money,£0,National\n")
    with ta.CapitalPortfolio() as pf:
        with pytest.raises(ta.ParseError) as e:
            pf.read_text(text, "proposals.csv")
        assert "proposals.csv:3:" in str(e.value)
        assert len(pf) == 0
    with ta.CapitalPortfolio() as pf:
        pf.read_text(text, "proposals.csv", keep_going=True)
        assert len(pf) == 1 and pf.line(0) == 2
        assert pf.columns()[0] == "Scheme_ref" and pf.cells(0)[0] == "A"
        (err,) = pf.row_errors()
        assert err.line == 3 and err.column == 17  # character column of the cell
        assert err.status == 5 and "bad money" in err.message
        with ta.CapitalRules.preset() as rules:
            (v,) = pf.check(rules)
        assert v.route == ta.CapitalRoute.LIGHT
        props = pf.proposals()
    with pytest.raises(ta.ClosedError):
        props[0].amount


def test_rules_one_at_a_time_agree_with_assessment(fw):
    assert ta.rules.rank_score(5.0, [1.0, 5.0, 9.0]) == 2.5
    assert ta.rules.band_score(50, [90, 70, 50]) == 3.0
    assert ta.rules.average([1.0, 2.0, 2.255 * 2 - 3.0], 2)[1] == \
        ta.round_half_up((1.0 + 2.0 + 2.255 * 2 - 3.0) / 3, 2)
    assert ta.rules.segment(2.5, [1.5, 2.5, 3.5]) == 2
    assert ta.rules.segment(2.5, [1.5, 2.5, 3.5], ta.CutoffRule.TIES_WORSE) == 3
    assert ta.rules.adjust_segment(1, True) == (3, None)
    assert ta.rules.adjust_segment(1, False, rsp=True) == (1, 5)
    assert ta.rules.ranks([1, 1, 2], [1.5, 1.5, 1.2]) == [1, 1, 3]
    with pytest.raises(ta.InvalidArgumentError):
        ta.rules.rank_score(float("nan"), [1.0])
