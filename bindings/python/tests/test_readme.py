"""The README's Python example runs as written (from the repository root)."""

import os
import re
import subprocess
import sys

from conftest import ROOT


def test_readme_example_runs():
    text = (ROOT / "bindings" / "python" / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) == 1
    p = subprocess.run([sys.executable, "-c", blocks[0]], cwd=ROOT, capture_output=True,
                       text=True, env=dict(os.environ), check=False)
    assert p.returncode == 0, p.stderr
    assert "RYY" in p.stdout and "2029-02-28" in p.stdout
    assert "\nTrue\n" in p.stdout  # verify(...).ok


def test_top_level_readme_example_runs():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) == 1
    p = subprocess.run([sys.executable, "-c", blocks[0]], cwd=ROOT, capture_output=True,
                       text=True, env=dict(os.environ), check=False)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert "RYY" in lines[1] and "1.53" in lines[1]
    assert "True ['RWX', 'RXT', 'RY2']" in lines  # only Q1 averages differ (explained)
    assert lines[-2] == "1"  # exactly on a cut-off: the better segment
    assert lines[-1].startswith("TrustAssessIOError no-such-file.csv:")


def test_help_renders():
    p = subprocess.run([sys.executable, "-c", "import pydoc, trustassess as ta; "
                        "print(pydoc.render_doc(ta, renderer=pydoc.plaintext))"],
                       capture_output=True, text=True, check=False)
    assert p.returncode == 0, p.stderr
    assert "league_table" in p.stdout and "TrustAssessError" in p.stdout
