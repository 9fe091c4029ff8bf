"""Integer arguments are range-checked before they reach C (issue 19): ctypes
would otherwise wrap them silently (decimals=2**32 became 0 and gave a wrong
answer). One test per kind of C integer the API takes; each also checks that a
value in range still gives the right answer."""

import datetime

import pytest

import trustassess as ta
from trustassess import dates, rules


def test_c_int_decimals():
    assert rules.average([1.0, 2.0], decimals=0) == (1.5, 2.0)
    for bad in (2**31, 2**32, -(2**31) - 1):
        with pytest.raises(ta.InvalidArgumentError, match="decimals does not fit a 32-bit"):
            rules.average([1.0, 2.0], decimals=bad)
        with pytest.raises(ta.InvalidArgumentError):
            ta.format_decimal(1.25, bad)
        with pytest.raises(ta.InvalidArgumentError):
            rules.ranks([1, 2], [1.5, 2.5], decimals=bad)
    assert ta.format_decimal(1.25, 1) == "1.3"


def test_c_int_segments():
    assert rules.ranks([2, 1], [1.5, 2.5]) == [2, 1]
    with pytest.raises(ta.InvalidArgumentError, match="segments"):
        rules.ranks([2**32 + 1, 1], [1.5, 2.5])
    with pytest.raises(ta.InvalidArgumentError, match="unadjusted"):
        rules.adjust_segment(2**32 + 4, True)
    assert rules.adjust_segment(1, True) == (3, None)


def test_int32_days():
    d = datetime.date(2026, 1, 1)
    assert dates.from_days(dates.to_days(d)) == d
    with pytest.raises(ta.InvalidArgumentError, match="days"):
        dates.from_days(2**31)
    with pytest.raises(ta.InvalidArgumentError, match="days"):
        dates.from_days(-(2**31) - 1)


def test_unsigned_flags():
    assert ta.format_money(123456, flags=0) == "1234.56"
    for bad in (-1, 2**32):
        with pytest.raises(ta.InvalidArgumentError, match="flags"):
            ta.format_money(123456, flags=bad)


def test_int64_pence():
    assert ta.format_money(2**63 - 1, flags=0) == "92233720368547758.07"
    for bad in (2**63, -(2**63) - 1):
        with pytest.raises(ta.TrustAssessError):
            ta.format_money(bad)


def test_size_t_indexes(fw):
    assert fw.metric(0).id == fw.metric(fw.metric(0).id).id
    for bad in (-1, 2**64):
        with pytest.raises(ta.InvalidArgumentError, match="metric"):
            fw.metric(bad)
        with pytest.raises(ta.InvalidArgumentError, match="i must lie"):
            fw.domain(bad)
    with pytest.raises(ta.InvalidArgumentError, match="n_out"):
        ta.quantile_cutoffs([1.0, 2.0, 3.0], n_out=2**64)
    assert ta.quantile_cutoffs([1.0, 2.0, 3.0], n_out=1) == (2.0,)


def test_uint32_and_uint64_options(nof_file):
    for kw, match in (({"replicates": 2**32}, "replicates"), ({"seed": 2**64}, "seed"),
                      ({"seed": -1}, "seed"), ({"threads": 2**32}, "threads")):
        with pytest.raises(ta.InvalidArgumentError, match=match):
            ta.league_table(nof_file, "Q4 2025/26", likely_ranges=True, **kw)
