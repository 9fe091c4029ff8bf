"""Frameworks, trusts, assessments, verification, loading: the object API."""

import os
import pathlib
import re
import subprocess
import sys

import pytest

import trustassess as ta
from conftest import Q4


def test_every_c_function_used_is_declared():
    from trustassess import _lib

    pkg = pathlib.Path(ta.__file__).parent
    used = set()
    for src in pkg.glob("*.py"):
        used |= set(re.findall(r"\blib\.(ta_\w+)", src.read_text()))
    assert len(used) > 150
    assert used <= set(_lib._FUNCTIONS), used - set(_lib._FUNCTIONS)
    for name in used:
        fn = getattr(_lib.lib, name)
        assert fn.argtypes is not None, name
        assert fn.restype is _lib._FUNCTIONS[name][0], name


def test_version():
    assert ta.version().startswith("0.2.")
    assert ta.version_number() // 100 == 2
    assert pathlib.Path(ta.library_path).name.startswith("libtrustassess.so")


def _import_with(env_lib, tmp_path):
    env = dict(os.environ, TRUSTASSESS_LIBRARY=str(env_lib))
    code = ("import sys\ntry:\n    import trustassess\nexcept ImportError as e:\n"
            "    print(type(e).__name__, e); sys.exit(3)\n")
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, cwd=tmp_path)


def test_missing_library_is_import_error(tmp_path):
    p = _import_with(tmp_path / "libnothing.so.1", tmp_path)
    assert p.returncode == 3, p.stderr
    assert p.stdout.startswith("LibraryNotFoundError") and "TRUSTASSESS_LIBRARY" in p.stdout


def test_wrong_version_is_import_error(tmp_path):
    src = tmp_path / "fake.c"
    src.write_text('int ta_version(void) { return 20300; }\n'
                   'const char *ta_version_string(void) { return "2.3.0"; }\n')
    so = tmp_path / "libtrustassess.so.1"
    subprocess.run(["cc", "-shared", "-fPIC", "-o", str(so), str(src)], check=True)
    p = _import_with(so, tmp_path)
    assert p.returncode == 3, p.stderr
    assert p.stdout.startswith("LibraryVersionError")
    assert "2.3.0" in p.stdout and "0.2.x" in p.stdout


def test_framework_preset(fw):
    assert "nof-2025-26" in ta.preset_names()
    assert fw.segment_count == 4 and fw.decimals == 2
    assert fw.deficit_cap == 3 and fw.rsp_segment == 5
    assert fw.cutoff_rule == ta.CutoffRule.TIES_BETTER
    assert fw.figure_id(ta.Figure.AVERAGE) == "OF5002"
    m = fw.metric("OF1005")
    assert m.id == "OF1005" and m.index == fw.metric_index("OF1005")
    assert fw.metric_index(m.raw_id) == m.index if m.raw_id else True
    assert [d.key for d in fw.domains()][0] == "access"
    assert len(fw.metrics()) == fw.metric_count == len(fw.metric_ids())
    assert "OF1005" in repr(fw) or "metrics" in repr(fw)


def test_framework_bookends_weights_sources():
    from fractions import Fraction
    assert ta.preset_names() == ["nof-2025-26", "nof-2025-26-acute", "nof-2025-26-ambulance"]
    with ta.Framework.preset("nof-2025-26-acute") as acute:
        assert acute.trust_types == ["Acute trust"]
        assert acute.scores_trust_type("Acute trust")
        assert not acute.scores_trust_type("Ambulance trust")
        mrsa = acute.metric("OF1020")
        assert mrsa.weight == Fraction(1, 3) and "one third" in mrsa.source
        ae = acute.metric("OF1013")
        assert ae.scoring == ta.Scoring.STANDARD and ae.threshold == 78
        assert all(m.source for m in acute.metrics())
    with ta.Framework.preset("nof-2025-26") as mh:
        assert "Non-acute hospital trust" in mh.trust_types
        ucr = mh.metric("OF1057")
        assert ucr.scoring == ta.Scoring.FLOOR and ucr.threshold == 70
        assert mh.metric("OF1005").threshold is None
    with ta.FrameworkBuilder("t") as b:
        b.add_domain("d", "D", "DS")
        b.add_metric("F", "Floor", "d", ta.Scoring.FLOOR, raw_id="V").set_floor("F", 70)
        b.add_metric("K", "Rating", "d", ta.Scoring.BRACKETED, raw_id="R",
                     direction=ta.Direction.LOWER_IS_BETTER)
        b.set_brackets("K", [1, 2, 3], [1, 2, 3, 4]).set_weight("K", Fraction(1, 3))
        b.set_source("K", "the manual").set_pool("F", "Q1 2025/26", 80, "fitted")
        b.add_trust_type("Acute trust")
        with pytest.raises(TypeError):
            b.set_brackets("K", [1, 2], [1, 2])
        with pytest.raises(ta.TrustAssessError, match="weight 1/2000"):
            b.set_weight("K", Fraction(1, 2000))
        with b.build() as f:
            k = f.metric("K")
            assert (k.weight, k.source, k.scoring) == (Fraction(1, 3), "the manual",
                                                       ta.Scoring.BRACKETED)
            assert f.metric_pool("F", "Q1 2025/26") == (80, "fitted")
            assert f.metric_pool("F", "Q2 2025/26") is None
            assert f.trust_types == ["Acute trust"]


def test_framework_from_csv_round_trip(tmp_path, fw):
    path = tmp_path / "catalogue.csv"
    path.write_text(ta.Framework.preset_text("nof-2025-26"), encoding="utf-8")
    with ta.Framework.from_csv(path) as f2:
        assert f2.metric_ids() == fw.metric_ids()
        assert f2.segment_count == fw.segment_count
    bad = tmp_path / "bad.csv"
    bad.write_text("this,is\nnot,\"a catalogue\n", encoding="utf-8")
    with pytest.raises(ta.ParseError) as e:
        ta.Framework.from_csv(bad)
    assert "bad.csv:" in str(e.value)


def test_framework_builder():
    b = ta.FrameworkBuilder("tiny")
    b.add_domain("access", "Access", "OF4000")
    b.add_metric("M1", "One", "access", ta.Scoring.SUPPLIED)
    b.add_metric("M2", "Two", "access", ta.Scoring.RANK, raw_id="R2",
                 direction=ta.Direction.LOWER_IS_BETTER)
    b.set_cutoffs([1.5, 2.5, 3.5])
    with b:
        fw = b.build()
    assert fw.cutoffs == (1.5, 2.5, 3.5)
    assert fw.metric("R2").direction == ta.Direction.LOWER_IS_BETTER
    with pytest.raises(ta.NotFoundError):
        ta.FrameworkBuilder("x").add_metric("M1", "One", "nowhere")
    with ta.Assessment(fw, "P") as a:
        a.add_columns(["A", "B", "C"], ["M1"] * 3, [1.0, 2.0, 4.0])
        a.add_columns(["A", "B", "C"], ["R2"] * 3, [10, 20, 30], kind="value")
        a.run()
        r = {x.code: x for x in a.results()}
        assert r["A"].metric_scores == {"M1": 1.0, "M2": 1.0}
        assert r["C"].average_rounded == 4.0 and r["C"].unadjusted == 4
        assert [x.code for x in a.league()] == ["A", "B", "C"]


def test_trust_and_assessment_reproduce_file_results(nof_file, fw):
    """Trusts built by hand from the file's published scores give the same
    results as the file's own assessment."""
    with nof_file.assessment(Q4) as ref:
        ref.set_cutoffs(nof_file.published_cutoffs(Q4))
        ref.run()
        expected = ref.results()
        fw_file = ref.framework
    with ta.Assessment(fw_file, period=Q4) as a:
        for r in expected:
            t = ta.Trust(fw_file, r.code, name=r.name, trust_type=r.trust_type,
                         subtype=r.subtype, region=r.region, in_financial_deficit=r.deficit,
                         in_recovery_support=r.recovery_support, scores=r.metric_scores)
            assert t.metric(next(iter(r.metric_scores))).score is not None if r.metric_scores \
                else True
            a.add_trust(t)
            t.close()
        a.set_cutoffs(nof_file.published_cutoffs(Q4))
        a.run()
        got = a.results()
    assert got == expected


def test_trust_properties(fw):
    t = ta.Trust(fw, "RX1", name="A Trust", trust_type="T", ft_status=ta.FtStatus.FOUNDATION_TRUST)
    assert (t.code, t.name, t.trust_type, t.subtype) == ("RX1", "A Trust", "T", "")
    assert t.ft_status == ta.FtStatus.FOUNDATION_TRUST
    assert t.in_financial_deficit is None
    t.in_financial_deficit = True
    assert t.flags[ta.Flag.FINANCIAL_DEFICIT] is True
    t.set_value("OF1005", 12.5)
    assert t.metric("OF1005") == ta.MetricInput(12.5, None)
    t.set_rank("OF1005", 3, 100)
    t.clear_metric("OF1005")
    assert t.metric("OF1005") == ta.MetricInput(None, None)
    with pytest.raises(ta.RangeError):
        t.set_rank("OF1005", 101, 100)
    with pytest.raises(ta.InvalidArgumentError):
        ta.Trust(fw, "has space")


def test_deficit_cap_and_reason(fw):
    with ta.Assessment(fw, "P") as a:
        a.add_columns(["A", "B", "C", "D"], ["OF1005"] * 4, [1.0, 2.0, 3.0, 4.0])
        a.set_trust_flag("A", ta.Flag.FINANCIAL_DEFICIT, True)
        a.set_trust_fields("A", name="Alpha", trust_type="T")
        a.set_cutoffs([1.5, 2.5, 3.5])
        a.run()
        r = a.result("A")
        assert (r.unadjusted, r.adjusted) == (1, 3)
        assert r.reason == ta.Reason.DEFICIT_CAP and r.reason_text
        assert r.final is None  # RSP flag unknown
        assert a.cutoffs == (1.5, 2.5, 3.5)
        assert a.result("D").distance_to_better == pytest.approx(0.5)
        with pytest.raises(ta.NotFoundError):
            a.result("ZZZ")
        with pytest.raises(IndexError):
            a.result(99)
        table = a.league_table()
        assert [row.trust_code for row in table] == [x.code for x in a.league()]
        assert table[0].cells()[6] == ta.format_decimal(table[0].average_score, 2)


def test_verify(nof_file):
    v = ta.verify(nof_file, quarter="Q4")
    assert v.ok and not v.unexplained()
    assert v.summaries and all(s.period == Q4 for s in v.summaries)
    assert all(s.checked == s.agreed + s.explained + s.unexplained for s in v.summaries)
    assert {s.mode for s in v.summaries} == {ta.VerifyMode.STEP_BY_STEP, ta.VerifyMode.END_TO_END}
    # From the unrounded scores the preset's pool sizes reconstruct, Q4 has no
    # difference at all.
    assert v.differences == ()
    # Metric scores checked where the file holds what they follow from.
    scored = {s.figure: s for s in v.summaries if s.figure.startswith("OF1")
              and s.mode == ta.VerifyMode.STEP_BY_STEP}
    assert sorted(scored) == ["OF1057", "OF1061", "OF1079", "OF1080", "OF1081", "OF1084"]
    assert all(s.checked > 0 and s.agreed == s.checked for s in scored.values())
    why = {(u.figure, u.reason) for u in v.unchecked}
    assert ("OF1082", "pool of 205 trusts; this file has 61") in why
    assert ("OF1035", "a supplied score: no rule derives it") in why
    assert v.not_checked == sum(u.count for u in v.unchecked) > 0
    assert v.notes == ()
    everything = ta.verify(nof_file)
    assert {s.period for s in everything.summaries} == set(nof_file.periods)


def test_nhse_file(nof_file):
    assert nof_file.periods == ["Q1 2025/26", "Q2 2025/26", "Q3 2025/26", "Q4 2025/26"]
    assert nof_file.trust_types == ["Mental health and community trust"]
    assert nof_file.row_count > 8000
    assert nof_file.find_period("Q4") == Q4
    p = nof_file.published(Q4, "RYY", "OF5002")
    assert p is not None and p.value == 1.53
    assert nof_file.published(Q4, "NOPE", "OF5002") is None
    with pytest.raises(ta.NotFoundError):
        nof_file.assessment(Q4, trust_type=None, from_values=False).result("NOPE")


def test_help_is_useful():
    for obj in (ta, ta.Framework, ta.Assessment, ta.league_table, ta.read_nhse_csv, ta.verify,
                ta.Trust, ta.LeagueTable.to_pandas, ta.TrustAssessError):
        assert obj.__doc__ and len(obj.__doc__) > 20, obj
    pkg = pathlib.Path(ta.__file__).parent
    assert (pkg / "py.typed").is_file()


def test_period_end():
    import datetime
    assert ta.period_end("Q4 2025/26") == datetime.date(2026, 3, 31)
    assert ta.period_end("Q1 2025/26") == datetime.date(2025, 6, 30)
    with pytest.raises(ta.ParseError):
        ta.period_end("Q5 2025/26")
    with pytest.raises(TypeError):
        ta.period_end(4)


def test_scores_only_leaves_a_combined_metric_unscored():
    fw = ta.Framework.preset("nof-2025-26")
    with ta.Assessment(fw, period="Q") as a:
        a.add_columns(["RX1", "RX1", "RX1"], ["OF1079", "OF1081", "OF1005"], [1.0, 4.0, 2.0],
                      kind="score")
        a.run()
        derived = a.result("RX1").n_scores           # OF1080 = 3 derived from the table
        a.set_scores_only(True)
        a.run()
        assert (derived, a.result("RX1").n_scores) == (2, 1)
        with pytest.raises(TypeError):
            a.set_scores_only(1)
