"""Bad input raises the exact exception class, with the library's message."""

import gc
import math

import pytest

import trustassess as ta
from conftest import Q4


def test_missing_file_is_io_error(tmp_path):
    missing = tmp_path / "nope.csv"
    with pytest.raises(ta.TrustAssessIOError) as e:
        ta.read_nhse_csv(missing)
    assert type(e.value) is ta.TrustAssessIOError
    assert isinstance(e.value, OSError) and isinstance(e.value, ta.TrustAssessError)
    assert e.value.status == 6
    assert "nope.csv" in str(e.value)


def test_missing_framework_file_is_io_error(tmp_path):
    with pytest.raises(ta.TrustAssessIOError):
        ta.Framework.from_csv(tmp_path / "missing-framework.csv")


def test_malformed_csv_is_parse_error_with_line_and_column(tmp_path, nof_path):
    lines = nof_path.read_bytes().split(b"\n")
    lines[5] = b'Q1 2025/26,"unterminated'
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\n".join(lines))
    with pytest.raises(ta.ParseError) as e:
        ta.read_nhse_csv(bad)
    assert type(e.value) is ta.ParseError
    msg = str(e.value)
    assert "bad.csv:" in msg
    # NAME:LINE:COLUMN
    assert any(part.isdigit() for part in msg.split(":")[1:3]), msg


def test_malformed_number_is_parse_error(tmp_path, nof_path):
    text = nof_path.read_text(encoding="utf-8-sig").split("\n")
    header = text[0].split(",")
    col = header.index("Value")
    # Put a comma-decimal number into the Value cell of row 2 (quoted).
    import csv
    import io

    rows = list(csv.reader(io.StringIO("\n".join(text[:3]))))
    rows[1][col] = "9,03"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    with pytest.raises(ta.ParseError) as e:
        ta.read_nhse_bytes(out.getvalue(), name="comma.csv")
    assert "comma.csv:2:" in str(e.value)


def test_unknown_metric_is_not_found(fw):
    with ta.Trust(fw, "RX1") as t:
        with pytest.raises(ta.NotFoundError) as e:
            t.set_score("OF9999", 2.0)
        assert type(e.value) is ta.NotFoundError
        assert isinstance(e.value, LookupError)
        assert "OF9999" in str(e.value)
    with pytest.raises(ta.NotFoundError):
        fw.metric_index("OF9999")
    with ta.Assessment(fw) as a:
        with pytest.raises(ta.NotFoundError) as e:
            a.add_columns(["RX1", "RX2"], ["OF1005", "NOPE"], [2.0, 2.0])
        assert "1" in str(e.value)  # the row index
        assert len(a) == 0  # the call left the assessment as it was


def test_unknown_preset_and_period(nof_file):
    with pytest.raises(ta.NotFoundError):
        ta.Framework.preset("nof-1999")
    with pytest.raises(ta.NotFoundError):
        ta.Framework.preset_text("nof-1999")
    with pytest.raises(ta.NotFoundError):
        nof_file.assessment("Q7 2025/26")


def test_wrong_python_types_are_type_errors_before_c(fw):
    with pytest.raises(TypeError):
        ta.Framework.preset(42)
    with pytest.raises(TypeError):
        ta.Trust(fw, b"RX1")
    with pytest.raises(TypeError):
        ta.Trust("not a framework", "RX1")
    with ta.Trust(fw, "RX1") as t:
        with pytest.raises(TypeError):
            t.set_score("OF1005", "2.5")
        with pytest.raises(TypeError):
            t.set_score("OF1005", True)
        with pytest.raises(TypeError):
            t.set_score(1005, 2.5)
        with pytest.raises(TypeError):
            t.set_rank("OF1005", 1.5, 10)
        with pytest.raises(TypeError):
            t.in_financial_deficit = "yes"
        with pytest.raises(TypeError):
            t.name = 7
    with ta.Assessment(fw) as a:
        with pytest.raises(TypeError):
            a.add_columns("RX1", ["OF1005"], [2.0])
        with pytest.raises(TypeError):
            a.add_columns(["RX1"], ["OF1005"], ["2.0"])
        with pytest.raises(TypeError):
            a.add_columns(["RX1"], [None], [2.0])
        with pytest.raises(ValueError):
            a.add_columns(["RX1", "RX2"], ["OF1005"], [2.0])
        with pytest.raises(TypeError):
            a.add_trust("RX1")
        with pytest.raises(TypeError):
            a.set_cutoffs(["2", "2.5", "3"])
    with pytest.raises(TypeError):
        ta.read_nhse_csv(12)
    with pytest.raises(TypeError):
        ta.Assessment(fw, period=2025)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_nan_and_inf_are_invalid_argument(fw, bad):
    with ta.Trust(fw, "RX1") as t:
        with pytest.raises(ta.InvalidArgumentError) as e:
            t.set_value("OF1005", bad)
        assert type(e.value) is ta.InvalidArgumentError
        assert isinstance(e.value, ValueError)
    with ta.Assessment(fw) as a:
        with pytest.raises(ta.InvalidArgumentError):
            a.add_columns(["RX1"], ["OF1005"], [bad], kind="score")
    with pytest.raises(ta.InvalidArgumentError):
        ta.format_decimal(bad, 2)


def test_score_out_of_range_is_range_error(fw):
    with ta.Trust(fw, "RX1") as t:
        with pytest.raises(ta.RangeError):
            t.set_score("OF1005", 4.5)


def test_duplicate_trust_is_duplicate_error(fw):
    with ta.Assessment(fw) as a, ta.Trust(fw, "RX1") as t:
        t.set_score("OF1005", 2.0)
        a.add_trust(t)
        with pytest.raises(ta.DuplicateError):
            a.add_trust(t)
        with pytest.raises(ta.DuplicateError):
            a.add_columns(["RX2", "RX2"], ["OF1005", "OF1005"], [1.0, 2.0])


def test_results_before_run_is_state_error(fw):
    with ta.Assessment(fw) as a:
        a.add_columns(["RX1"], ["OF1005"], [2.0])
        with pytest.raises(ta.StateError) as e:
            a.result("RX1")
        assert type(e.value) is ta.StateError


def test_overlapping_published_segments_is_inconsistent(nof_path):
    # Swap two trusts' published unadjusted segments so that segments overlap.
    import csv
    import io

    text = nof_path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    head = rows[0]
    q, mid, val, code = (head.index(c) for c in ("Quarter", "Metric_ID", "Value", "Trust_code"))
    seg_rows = [r for r in rows[1:] if r[q] == Q4 and r[mid] == "OF5003"]
    best = min(seg_rows, key=lambda r: float(r[val]))
    worst = max(seg_rows, key=lambda r: float(r[val]))
    best[val], worst[val] = worst[val], best[val]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    with ta.read_nhse_bytes(out.getvalue(), "swapped.csv") as f:
        with pytest.raises(ta.InconsistentError):
            f.published_cutoffs(Q4)


def test_every_status_has_its_class():
    classes = {1: ta.InvalidArgumentError, 2: ta.OutOfMemoryError, 3: ta.NotFoundError,
               4: ta.DuplicateError, 5: ta.ParseError, 6: ta.TrustAssessIOError,
               7: ta.RangeError, 8: ta.StateError, 9: ta.InconsistentError}
    from trustassess.errors import error_for

    for status, cls in classes.items():
        e = error_for(status)
        assert type(e) is cls and e.status == status
        assert str(e) == ta.strerror(status) != ""
    assert issubclass(ta.OutOfMemoryError, MemoryError)
    assert issubclass(ta.StateError, RuntimeError)
    assert issubclass(ta.ClosedError, ta.StateError)


# -- use after close ---------------------------------------------------------


def test_use_after_close_raises_not_crashes(nof_path):
    f = ta.read_nhse_csv(nof_path)
    a = f.assessment(Q4)
    a.run()
    fw = f.framework
    t = ta.Trust(fw, "RX1")
    for obj in (a, f, fw, t):
        obj.close()
        obj.close()  # idempotent
        assert obj.closed
    with pytest.raises(ta.ClosedError):
        a.result(0)
    with pytest.raises(ta.ClosedError):
        len(a)
    with pytest.raises(ta.ClosedError):
        a.run()
    with pytest.raises(ta.ClosedError):
        f.periods
    with pytest.raises(ta.ClosedError):
        ta.league_table(f)
    with pytest.raises(ta.ClosedError):
        fw.metric_count
    with pytest.raises(ta.StateError):
        t.set_score("OF1005", 2.0)
    with pytest.raises(ta.ClosedError):
        ta.Assessment(fw)
    assert "closed" in repr(a) and "closed" in repr(f)


def test_with_block_closes(fw):
    with ta.Assessment(fw, period="Q1") as a:
        assert a.period == "Q1"
    assert a.closed
    with pytest.raises(ta.ClosedError):
        a.period


def test_dependents_keep_their_framework_alive(nof_path):
    fw = ta.Framework.preset()
    a = ta.Assessment(fw, period="P")
    t = ta.Trust(fw, "RX1", scores={"OF1005": 2.0})
    fw.close()  # marked closed, freed only when a and t are gone
    with pytest.raises(ta.ClosedError):
        fw.name
    a.add_trust(t)  # still works: the C framework is alive
    a.run()
    assert a.result("RX1").average_rounded == 2.0
    del t, a
    gc.collect()
    # An assessment from a file keeps the file (and its framework) alive
    # after the last Python reference to the file goes.
    a2 = ta.read_nhse_csv(nof_path).assessment(Q4)
    gc.collect()
    a2.run()
    assert len(list(a2.league())) == 61
    a2.close()


def test_del_frees_safely():
    for _ in range(200):
        fw = ta.Framework.preset()
        a = ta.Assessment(fw)
        a.add_columns(["RX1"], ["OF1005"], [2.0])
        del fw  # the assessment still holds it
        a.run()
        del a
    gc.collect()
