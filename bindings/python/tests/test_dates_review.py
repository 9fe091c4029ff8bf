"""Dates and the review schedule: datetime.date in and out, the library's rules."""

import datetime as dt

import pytest

import trustassess as ta
from trustassess import dates

D = dt.date


def test_date_arithmetic_boundaries():
    assert dates.add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert dates.add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert dates.add_months(D(2025, 5, 31), -1) == D(2025, 4, 30)
    assert dates.add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert dates.add_years(D(2024, 2, 29), 1, ta.Feb29Rule.TO_MAR1) == D(2025, 3, 1)
    assert dates.add_years(D(2024, 2, 29), 4) == D(2028, 2, 29)
    assert dates.add_days(D(2024, 12, 31), 1) == D(2025, 1, 1)
    assert dates.diff_days(D(2025, 1, 1), D(2024, 12, 31)) == -1
    assert dates.weekday(D(2025, 12, 25)) == ta.Weekday.THURSDAY
    assert dates.to_days(D(1, 1, 1)) == 1
    assert dates.from_days(3652059) == D(9999, 12, 31)
    assert dates.is_leap_year(2000) and not dates.is_leap_year(1900)
    assert dates.days_in_month(2024, 2) == 29
    assert dates.format_date(D(2025, 3, 9)) == "2025-03-09"
    assert dates.parse_date("2024-02-29") == D(2024, 2, 29)


def test_date_errors():
    with pytest.raises(ta.RangeError):
        dates.parse_date("2023-02-29")
    with pytest.raises(ta.ParseError):
        dates.parse_date("29/02/2024")
    with pytest.raises(ta.RangeError):
        dates.add_days(D(9999, 12, 31), 1)
    with pytest.raises(ta.RangeError):
        dates.from_days(0)
    with pytest.raises(TypeError):
        dates.add_days("2025-01-01", 1)
    with pytest.raises(TypeError):
        dates.add_days(dt.datetime(2025, 1, 1, 12), 1)
    with pytest.raises(TypeError):
        dates.add_days(D(2025, 1, 1), 1.0)


def test_holidays_and_working_days():
    with ta.Holidays() as h:
        days = dict(h.days_off(2025))
        assert days[D(2025, 12, 25)] == "Christmas Day"
        assert len(days) == 8
        assert not h.is_working_day(D(2025, 12, 26))
        assert h.add_working_days(D(2025, 12, 24), 1) == D(2025, 12, 29)
        assert h.next_working_day(D(2025, 4, 17)) == D(2025, 4, 22)  # Easter
        h.add(D(2025, 12, 29), "Extra")
        assert h.next_working_day(D(2025, 12, 24)) == D(2025, 12, 30)
        with pytest.raises(ta.DuplicateError):
            h.add(D(2025, 12, 29), "Extra")
        with pytest.raises(ta.InvalidArgumentError):
            h.add(D(2025, 12, 27), "Saturday")
        h.remove(D(2025, 12, 29))
        with pytest.raises(ta.NotFoundError):
            h.remove(D(2025, 12, 29))
        with pytest.raises(ta.RangeError):
            h.is_working_day(D(1900, 1, 2))
    with pytest.raises(ta.ClosedError):
        h.days_off(2025)


def test_review_schedule():
    with ta.ReviewSchedule() as s:
        s.read_csv("Trust_code,Trust_name,Authorised_on,Last_reviewed_on\n"
                   "RX1,One,2020-02-29,\nRX2,Two,2019-06-01,2024-06-03\n", "trusts.csv")
        s.set_today(D(2025, 6, 1))
        with pytest.raises(ta.StateError):
            s.results()
        res = {r.code: r for r in s.compute()}
        assert res["RX1"].regular_due == D(2025, 2, 28)  # five years after 29 Feb
        assert res["RX1"].overdue is True and res["RX1"].overdue_days == 93
        assert res["RX1"].placed and res["RX1"].sitting == D(2025, 6, 2)
        assert res["RX2"].due == D(2029, 6, 3) and res["RX2"].overdue is False
        assert res["RX2"].trigger == ta.ReviewTrigger.NONE
        assert s.to_csv().startswith("Trust_code,Trust_name,Due_on,")
        ics = s.to_ics(dt.datetime(2025, 6, 1, tzinfo=dt.timezone.utc))
        assert "UID:review-RX1-20250228@libtrustassess" in ics
        assert "DTSTAMP:20250601T000000Z" in ics
        with pytest.raises(ta.DuplicateError):
            s.add_trust("RX1", "Again", D(2021, 1, 1))
        with pytest.raises(ta.ParseError) as e:
            s.read_csv("Trust_code,Trust_name,Authorised_on,Last_reviewed_on\n"
                       "RX9,Nine,01/01/2020,\n", "bad.csv")
        assert "bad.csv:2:" in str(e.value)
        hol = s.holidays
        assert not hol.is_working_day(D(2025, 12, 25))
    with pytest.raises(ta.ClosedError):
        hol.is_working_day(D(2025, 12, 24))


def test_review_schedule_read_file(tmp_path):
    # The file reader gives what the text reader gives; its messages name the path.
    path = tmp_path / "trusts.csv"
    path.write_text("Trust_code,Trust_name,Authorised_on,Last_reviewed_on\n"
                    "RX1,One,2020-02-29,\n", encoding="utf-8")
    with ta.ReviewSchedule() as s:
        s.read_file(path)
        s.set_today(D(2025, 6, 1))
        assert [r.regular_due for r in s.compute()] == [D(2025, 2, 28)]
        with pytest.raises(ta.DuplicateError) as e:
            s.read_file(str(path))
        assert f"{path}:2:1: trust RX1" in str(e.value)
        with pytest.raises(ta.TrustAssessIOError):
            s.read_file(tmp_path / "missing.csv")
        with pytest.raises(TypeError):
            s.read_file(3)
