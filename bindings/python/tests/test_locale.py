"""The locale changes nothing: a comma-decimal locale gives the same table."""

import os
import subprocess
import sys

import trustassess as ta
from conftest import NOF_FILE

SCRIPT = r"""
import locale, sys
locale.setlocale(locale.LC_ALL, "")
assert locale.localeconv()["decimal_point"] == ",", locale.localeconv()
import trustassess as ta
fw = ta.Framework.from_csv_text(ta.Framework.preset_text("nof-2025-26"), "preset.csv")
with ta.read_nhse_csv(sys.argv[1], framework=fw) as f:
    sys.stdout.write(ta.league_table(f, quarter="Q4").to_csv())
    sys.stdout.write(ta.league_table(f, quarter="Q4", cutoffs="quartiles", from_values=True).to_csv())
    sys.stdout.write(repr(ta.verify(f, "Q4")))
sys.stdout.write(ta.format_decimal(3.085, 2) + " " + repr(ta.parse_decimal("2.06")))
"""


def run(env_locale):
    env = dict(os.environ, LC_ALL=env_locale)
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(NOF_FILE)], env=env,
                          capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout.decode("utf-8")


def test_german_locale_gives_identical_results():
    german = run("de_DE.UTF-8")
    assert german.endswith("3.09 2.06")
    c = subprocess.run([sys.executable, "-c", SCRIPT.replace('== ","', '== "."'),
                        str(NOF_FILE)], env=dict(os.environ, LC_ALL="C"),
                       capture_output=True, check=True).stdout.decode("utf-8")
    assert german == c
    # ... and equal to this process's (which never called setlocale).
    with ta.read_nhse_csv(NOF_FILE) as f:
        assert ta.league_table(f, quarter="Q4").to_csv() in german
