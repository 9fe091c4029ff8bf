"""League tables: equal to NHS England's published Q4 table and to the command's CSV."""

import csv
import io
import subprocess

import pytest

import trustassess as ta
from conftest import DATA, PUBLISHED_Q4, Q4


def published_rows():
    with open(PUBLISHED_Q4, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_q4_equals_published_table(nof_file):
    table = ta.league_table(nof_file, quarter=Q4)
    pub = published_rows()
    assert len(pub) == 61
    assert len(table) == 61
    # Same trusts in the same order, with the same segment and rank.
    assert [r.trust_code for r in table] == [p["Trust_code"] for p in pub]
    for row, p in zip(table, pub):
        assert row.segment == int(float(p["Segment"])), row.trust_code
        assert row.rank == int(float(p["Rank"])), row.trust_code
        # NHS England averaged unrounded metric scores; ours come from the
        # published 2-decimal ones, so the average may differ by a unit of its
        # last decimal (verify() explains each such difference).
        assert abs(row.average_score - float(p["Average_score"])) <= 0.01 + 1e-9
        assert row.quarter == p["Quarter"] == Q4
        assert row.trust_name == p["Trust_name"]
        assert row.region == p["Region"]
        assert row.trust_subtype == p["Trust_subtype"]
        assert {True: "Yes", False: "No"}[row.in_financial_deficit] == \
            p["Trust_in_financial_deficit"]


def run_cli(cli, *args):
    proc = subprocess.run([cli, "league", *args], capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout.decode("utf-8")


CASES = [
    ({"quarter": Q4}, ["--quarter", Q4]),
    ({"quarter": "Q4"}, ["--quarter", "Q4"]),
    ({}, []),
    ({"cutoffs": "quartiles"}, ["--cutoffs", "quartiles"]),
    ({"quarter": "Q2", "from_values": True}, ["--quarter", "Q2", "--from-values"]),
    ({"cutoffs": (2.0, 2.5, 3.0)}, ["--cutoffs", "2,2.5,3"]),
    ({"quarter": Q4, "trust_type": "Mental health and community trust"},
     ["--quarter", Q4, "--trust-type", "Mental health and community trust"]),
]


@pytest.mark.parametrize("kwargs,args", CASES, ids=[" ".join(a) or "all" for _, a in CASES])
def test_rows_equal_cli_csv(nof_file, nof_path, cli, kwargs, args):
    out = run_cli(cli, str(nof_path), *args)
    cli_rows = [tuple(r) for r in csv.reader(io.StringIO(out))]
    table = ta.league_table(nof_file, **kwargs)
    mine = table.to_rows(header=True)
    assert len(mine) == len(cli_rows) > 1
    for k, (a, b) in enumerate(zip(mine, cli_rows)):
        assert a == b, f"row {k}"
    # ... and the CSV text itself, byte for byte.
    assert table.to_csv() == out


def test_issue_one_liner_q4_equals_cli(nof_file, nof_path, cli):
    df = ta.league_table(nof_file, quarter="Q4 2025/26").to_pandas()
    cli_rows = list(csv.reader(io.StringIO(run_cli(cli, str(nof_path), "--quarter", Q4))))
    assert list(df.columns) == cli_rows[0] + list(ta.LEAGUE_RANGE_COLUMNS)
    assert len(df) == len(cli_rows) - 1 == 61
    for (_, row), c in zip(df.iterrows(), cli_rows[1:]):
        assert row["Trust_code"] == c[4]
        assert ta.format_decimal(row["Average_score"], 2) == c[6]
        assert row["Segment"] == int(c[8])
        assert row["Rank"] == int(c[10])


def test_to_pandas_columns_and_dtypes(nof_file):
    df = ta.league_table(nof_file, quarter=Q4).to_pandas()
    assert tuple(df.columns) == ta.LEAGUE_COLUMNS + ta.LEAGUE_RANGE_COLUMNS
    assert str(df["Average_score"].dtype) == "float64"
    assert str(df["Segment"].dtype) == "int64"
    assert str(df["Rank"].dtype) == "int64"
    for c in ("Quarter", "Region", "Trust_type", "Trust_subtype", "Trust_code", "Trust_name",
              "Likely_range_of_average_score", "Likely_range_of_rank"):
        assert df[c].dtype == object, c
    assert df["Likely_range_of_rank"].isna().all()
    assert str(df["Trust_in_financial_deficit"].dtype) == "boolean"
    assert set(df["Trust_in_financial_deficit"]) == {True, False}
    # the published flag, typed: Coventry and Warwickshire (RYG) is in deficit
    assert bool(df.loc[df["Trust_code"] == "RYG", "Trust_in_financial_deficit"].iloc[0]) is True
    assert df[list(ta.LEAGUE_RANGE_COLUMNS)].isna().all().all()  # no likely ranges asked for
    assert df.loc[0, "Trust_code"] == "RYY" and df.loc[0, "Rank"] == 1
    assert df.loc[0, "Average_score"] == 1.53


def test_league_table_quartile_cutoffs_are_library_quantiles(nof_file):
    table = ta.league_table(nof_file, quarter=Q4, cutoffs="quartiles")
    with nof_file.assessment(Q4) as a:
        a.run()
        averages = [r.average_rounded for r in a.results() if r.segmented]
    assert table.cutoffs[Q4] == ta.quantile_cutoffs(averages, 3, ta.Quantile.TYPE7)


def test_league_table_published_cutoffs(nof_file):
    table = ta.league_table(nof_file, quarter="Q4")
    assert table.cutoffs == {Q4: nof_file.published_cutoffs(Q4)}
    assert len(table.cutoffs[Q4]) == 3


def test_league_table_bad_arguments(nof_file):
    with pytest.raises(ta.NotFoundError):
        ta.league_table(nof_file, quarter="Q9")
    with pytest.raises(ta.NotFoundError):
        ta.league_table(nof_file, trust_type="Acute trust")
    with pytest.raises(ValueError):
        ta.league_table(nof_file, cutoffs="median")
    with pytest.raises(TypeError):
        ta.league_table(nof_file, cutoffs=("a", "b", "c"))
    with pytest.raises(TypeError):
        ta.league_table("not a file")
    with pytest.raises(ta.InvalidArgumentError):  # not ascending: the library's check
        ta.league_table(nof_file, quarter=Q4, cutoffs=(3.0, 2.0, 2.5))


# -- several files: the national league, through the library's league object --

ACUTE = DATA / "acute-trust-league-table-q3-2025-26.csv"

TWO_FILE_CASES = [
    ({}, []),
    ({"quarter": "Q3"}, ["--quarter", "Q3"]),
    ({"quarter": "Q3", "cutoffs": "quartiles-by-type"},
     ["--quarter", "Q3", "--cutoffs", "quartiles-by-type"]),
    ({"quarter": "Q3", "trust_type": "Acute trust", "cutoffs": "quartiles"},
     ["--quarter", "Q3", "--trust-type", "Acute trust", "--cutoffs", "quartiles"]),
]


@pytest.mark.parametrize("kwargs,args", TWO_FILE_CASES,
                         ids=[" ".join(a) or "all" for _, a in TWO_FILE_CASES])
def test_two_files_rows_equal_cli_csv(nof_path, cli, kwargs, args):
    out = run_cli(cli, str(nof_path), str(ACUTE), *args)
    with ta.read_nhse_csv([nof_path, ACUTE]) as f:
        table = ta.league_table(f, **kwargs)
    assert len(table) > 100
    assert table.to_csv() == out


def test_two_files_national_q3(nof_path):
    with ta.read_nhse_csv([nof_path, ACUTE]) as f:
        table = ta.league_table(f, quarter="Q3")
        assert f.cutoff_interval("Q3", 1) == (2.35, 2.36)
        assert f.cutoff_bounds("Q3", 1) == ["RAS"]
        assert f.cutoff_bounds("Q3", 1, upper=True) == ["R0A"]
    published = {r["Trust_code"]: r for r in csv.DictReader(open(ACUTE, encoding="utf-8-sig"))}
    acute = [r for r in table if r.trust_type == "Acute trust"]
    assert len(acute) == 129 and len(table) == 190
    for r in acute:
        p = published[r.trust_code]
        assert r.segment == int(float(p["Segment"]))
        assert r.rank <= int(float(p["Rank"])) <= r.rank + 5
        assert r.result.n_scores == 0  # segmented on its published average
    assert {r.trust_code: r.segment for r in table}["RAS"] == 2


def test_league_object(nof_path):
    with ta.read_nhse_csv(nof_path) as f:
        f.add(ACUTE)
        with ta.League(f, quarter=["Q3", "Q4"], trust_type="Acute trust") as lg:
            assert len(lg.run()) == 129
    with ta.read_nhse_csv(nof_path) as f:
        with pytest.raises(ta.NotFoundError):
            ta.League(f, trust_type="Ambulance trust")
        with ta.League(f, quarter="Q3", cutoffs="quartiles-by-type") as lg:
            lg.run()
            assert len(lg) == 61
            names = [n for n, _ in ta.league_columns()]
            assert names[:3] == ["Quarter", "Region", "Trust_type"] and names[-2:] == ["Cutoffs", "Warnings"]
            assert ta.league_columns()[7][1] == ta.ColumnKind.RANGE
            row = lg.rows()[0]
            assert float(row[6]) == lg.number(0, 6)[0]
            assert lg.number(0, 4) is None
            (q, t, a), = lg.blocks()
            assert (q, t) == ("Q3 2025/26", "Mental health and community trust")
            assert lg.row_trust(0) == (0, a.result(row[4]).index)
        with pytest.raises(ta.DuplicateError):
            f.add(nof_path)
        with pytest.raises(ValueError):
            ta.League(f, cutoffs="median")
        with pytest.raises(ta.InvalidArgumentError):
            ta.League(f, cutoffs="fixed")  # the preset has no fixed thresholds


def test_from_values_warns_of_wider_pools(nof_path):
    with ta.read_nhse_csv(nof_path) as f:
        table = ta.league_table(f, quarter="Q4", from_values=True)
        assert len(table.warnings) == 7
        assert all("ranked within" in w and "not the published ones" in w
                   for w in table.warnings)
        assert any(w.startswith("OF1082 Q4 2025/26: ranked within the 61 trusts given, but "
                                "NHS England ranks a pool of 205") for w in table.warnings)
        assert ta.league_table(f, quarter="Q4").warnings == []
