"""Shared fixtures: the repository's published data files and the command.

The tests run against the library named by TRUSTASSESS_LIBRARY (set by
scripts/test-python.sh to the freshly built build/libtrustassess.so.1). Nothing
here skips: a missing data file or command is a failure.
"""

import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data"
NOF_FILE = DATA / "mental-health-and-community-trust-data-q1-q4.csv"
PUBLISHED_Q4 = DATA / "mental-health-and-community-trust-league-table-q4.csv"
Q4 = "Q4 2025/26"


@pytest.fixture(scope="session")
def nof_path() -> pathlib.Path:
    assert NOF_FILE.is_file(), f"missing test data {NOF_FILE}"
    return NOF_FILE


@pytest.fixture()
def nof_file(nof_path):
    import trustassess as ta

    with ta.read_nhse_csv(nof_path) as f:
        yield f


@pytest.fixture()
def fw():
    import trustassess as ta

    with ta.Framework.preset("nof-2025-26") as f:
        yield f


@pytest.fixture(scope="session")
def cli() -> str:
    """The `trustassess` command: $TRUSTASSESS_CLI, else the build tree's. Fails
    (never skips) when it is not there: the equality test is the issue's
    acceptance test."""
    path = os.environ.get("TRUSTASSESS_CLI") or str(
        ROOT / "build" / "examples" / "trustassess" / "trustassess")
    assert os.path.isfile(path) and os.access(path, os.X_OK), (
        f"the trustassess command is not at {path!r}: build it (examples/trustassess) "
        "or set TRUSTASSESS_CLI")
    return path


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """No test may be skipped (the issue: "so no test is skipped"): a skip,
    e.g. from pytest.importorskip, is reported as a failure."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped tests are not allowed here: {report.longrepr}"
