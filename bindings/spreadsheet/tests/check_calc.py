"""Drives a headless Calc that has the add-in installed, and checks it.

    /usr/bin/python3 check_calc.py PIPE FIXTURE.fods SAMPLE.fods LEAGUE.csv CALCADDINS.xcu OUTDIR
                                   [SAMPLE.xlsx...]

Run by scripts/test-spreadsheet.sh, which installs the extension into a
throwaway profile, starts soffice with --accept=pipe,name=PIPE and sets
PYTHONPATH so that `uno` (python3-uno) and the trustassess package (with
TRUSTASSESS_LIBRARY = the built library) import. Checks:

  wizard   every function of CalcAddIns.xcu is in Calc's function list under
           its TA. name, with its description and each argument's name and
           help, as many arguments as the IDL method has (so IDL and .xcu agree);
  cells    the fixture (fixture_cases.py), recalculated: every result cell
           equals the library's answer computed here through the trustassess
           package; a refused call shows Err:502 and its TA.ERRORTEXT cell the
           message; every TA.ERRORTEXT of an accepted call is "";
  csv      the fixture's Checks sheet stored as CSV by Calc's CSV filter: the
           same values cell for cell (numbers as Calc writes them, to 15
           significant digits; dates as YYYY-MM-DD; errors as Err:502);
  sample   the sample workbook, recalculated: each trust's segment and rank
           equal NHS England's published Q4 2025/26 league table; the same for
           each SAMPLE.xlsx given (the sample saved as Excel's format).

Prints one line per failure and a summary; the last line is
`check_calc: N passed, M failed`; writes N and M to OUTDIR/counts.
"""

from __future__ import annotations

import csv
import os
import sys
import time
import xml.etree.ElementTree as ET
from typing import Any, Dict, List, Tuple

import uno  # noqa: F401  (python3-uno: sets up the bridge)
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.table.CellContentType import FORMULA

import fixture_cases

CONNECT_TIMEOUT = 90  # seconds for soffice to accept the connection
ERR_ILLEGAL_ARGUMENT = 502

passed = 0
failed = 0


def check(ok: bool, what: str) -> bool:
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what}")
    return ok


def prop(name: str, value: Any) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe: str):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + CONNECT_TIMEOUT
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if time.monotonic() > deadline:
                raise SystemExit(f"check_calc: soffice did not accept {pipe} within "
                                 f"{CONNECT_TIMEOUT} s")
            time.sleep(0.25)


def load(desktop, path: str):
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    if doc is None:
        raise SystemExit(f"check_calc: Calc could not open {path}")
    doc.calculateAll()
    return doc


# -- wizard -------------------------------------------------------------------

OOR = "{http://openoffice.org/2001/registry}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def xcu_functions(path: str) -> Dict[str, Tuple[str, List[Tuple[str, str]]]]:
    """{display name: (description, [(argument name, help)])} from CalcAddIns.xcu."""
    def prop_value(node, name):
        for p in node.findall("prop"):
            if p.get(OOR + "name") == name:
                return p.find("value").text or ""
        return None

    out = {}
    for fn in ET.parse(path).getroot().iter("node"):
        parent_is_functions = False
        for params in fn.findall("node"):
            if params.get(OOR + "name") == "Parameters":
                parent_is_functions = True
        if not parent_is_functions:
            continue
        args = [(prop_value(a, "DisplayName"), prop_value(a, "Description"))
                for p in fn.findall("node") if p.get(OOR + "name") == "Parameters"
                for a in p.findall("node")]
        out[prop_value(fn, "DisplayName")] = (prop_value(fn, "Description"), args)
    return out


def check_wizard(ctx, xcu: str) -> None:
    descs = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.sheet.FunctionDescriptions", ctx)
    known = {}
    for i in range(descs.getCount()):
        d = {p.Name: p.Value for p in descs.getByIndex(i)}
        known[d["Name"]] = d
    expected = xcu_functions(xcu)
    check(len(expected) == 8, f"wizard: CalcAddIns.xcu names 8 functions, not {len(expected)}")
    for name, (desc, args) in expected.items():
        d = known.get(name)
        if not check(d is not None, f"wizard: {name} is not in Calc's function list"):
            continue
        check(d["Description"] == desc, f"wizard: {name} description {d['Description']!r}")
        got = [(a.Name, a.Description) for a in d["Arguments"]]
        check(got == args, f"wizard: {name} arguments {got!r}, expected {args!r}")


# -- cells --------------------------------------------------------------------


def check_cells(desktop, fixture: str, outdir: str) -> None:
    doc = load(desktop, fixture)
    sheet = doc.Sheets.getByName("Checks")
    cases = fixture_cases.cases()
    results: List[Tuple[fixture_cases.Case, Any]] = []
    for row, case in enumerate(cases, start=1):
        want = case.expect()
        results.append((case, want))
        cell = sheet.getCellByPosition(1, row)
        etext = sheet.getCellByPosition(2, row)
        label = f"cells: {case.label} (B{row + 1})"
        check(sheet.getCellByPosition(0, row).getString() == case.label, f"{label}: row order")
        check(cell.getType() == FORMULA and etext.getType() == FORMULA, f"{label}: not formulas")
        if isinstance(want, fixture_cases.Refused):
            check(cell.getError() == ERR_ILLEGAL_ARGUMENT,
                  f"{label}: error {cell.getError()} ({cell.getString()!r}), expected "
                  f"{ERR_ILLEGAL_ARGUMENT}")
            check(etext.getError() == 0 and etext.getString() == want.message,
                  f"{label}: TA.ERRORTEXT {etext.getString()!r}, expected {want.message!r}")
            continue
        if not check(cell.getError() == 0,
                     f"{label}: error {cell.getError()} ({cell.getString()!r}); TA.ERRORTEXT "
                     f"says {etext.getString()!r}"):
            continue
        if isinstance(want, str):
            check(cell.getString() == want, f"{label}: {cell.getString()!r}, expected {want!r}")
        else:
            check(cell.getValue() == float(want),
                  f"{label}: {cell.getValue()!r}, expected {want!r}")
        check(etext.getError() == 0 and etext.getString() == "",
              f"{label}: TA.ERRORTEXT {etext.getString()!r}, expected \"\"")

    # The same sheet through Calc's CSV filter (comma, double quote, UTF-8,
    # values at full precision rather than as shown, sheet 1).
    out = os.path.join(outdir, "checks.csv")
    doc.storeToURL(uno.systemPathToFileUrl(out), (
        prop("FilterName", "Text - txt - csv (StarCalc)"),
        prop("FilterOptions", "44,34,76,1,,0,false,true,false,false,false,1")))
    doc.close(True)
    # LibreOffice 7.4 names the file of a chosen sheet "checks-Checks.csv"
    # (older versions "checks.csv"): take the one file it wrote.
    written = [f for f in os.listdir(outdir) if f.startswith("checks") and f.endswith(".csv")]
    if not check(len(written) == 1, f"csv: Calc wrote {written!r}"):
        return
    with open(os.path.join(outdir, written[0]), encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    check(len(rows) == len(cases) + 1, f"csv: {len(rows)} rows, expected {len(cases) + 1}")
    for row, (case, want) in enumerate(results, start=1):
        if row >= len(rows):
            break
        got = rows[row][1] if len(rows[row]) > 1 else None
        etext = rows[row][2] if len(rows[row]) > 2 else ""
        label = f"csv: {case.label} (row {row + 1})"
        if isinstance(want, fixture_cases.Refused):
            check(got == f"Err:{ERR_ILLEGAL_ARGUMENT}", f"{label}: {got!r}")
            check(etext == want.message, f"{label}: TA.ERRORTEXT {etext!r}")
        elif isinstance(want, str):
            check(got == want, f"{label}: {got!r}, expected {want!r}")
        elif case.date:
            check(got == serial_text(want), f"{label}: {got!r}, expected {serial_text(want)!r}")
        else:
            # Calc writes numbers with 15 significant digits (its display
            # precision), whatever the format: compare the text exactly.
            text = f"{float(want):.15g}"
            check(got == text, f"{label}: {got!r}, expected {text!r}")


def serial_text(serial: float) -> str:
    """A date serial as the fixture's date style writes it (YYYY-MM-DD)."""
    from trustassess import dates
    import datetime
    return dates.add_days(datetime.date(1899, 12, 30), int(serial)).isoformat()


# -- sample -------------------------------------------------------------------


def check_sample(desktop, sample: str, league_csv: str) -> None:
    with open(league_csv, encoding="utf-8-sig", newline="") as fh:
        published = {r["Trust_code"]: r for r in csv.DictReader(fh)
                     if r["Quarter"] == "Q4 2025/26"}
    check(len(published) == 61, f"sample: the published table has {len(published)} trusts")
    doc = load(desktop, sample)
    sheet = doc.Sheets.getByName("League")
    header = [sheet.getCellByPosition(c, 0).getString() for c in range(12)]
    col = {h: i for i, h in enumerate(header)}
    seen = set()
    row = 1
    while sheet.getCellByPosition(0, row).getString():
        code = sheet.getCellByPosition(0, row).getString()
        seen.add(code)
        pub = published.get(code)
        if check(pub is not None, f"sample: {code} is not in the published table"):
            avg = sheet.getCellByPosition(col["Average score"], row).getValue()
            seg = sheet.getCellByPosition(col["Segment (TA.SEGMENT)"], row)
            rk = sheet.getCellByPosition(col["Rank (TA.RANK)"], row)
            check(avg == float(pub["Average_score"]), f"sample: {code} average {avg}")
            check(seg.getError() == 0 and seg.getValue() == float(pub["Segment"]),
                  f"sample: {code} segment {seg.getString()!r}, published {pub['Segment']}")
            check(rk.getError() == 0 and rk.getValue() == float(pub["Rank"]),
                  f"sample: {code} rank {rk.getString()!r}, published {pub['Rank']}")
        row += 1
    check(seen == set(published), f"sample: trusts missing: {sorted(set(published) - seen)}")
    doc.close(True)


def main(argv: List[str]) -> int:
    pipe, fixture, sample, league_csv, xcu, outdir = argv[1:7]
    samples = [sample] + argv[7:]  # the sample also as .xlsx, for Excel users
    ctx = connect(pipe)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    for name, step in (("wizard", lambda: check_wizard(ctx, xcu)),
                       ("cells+csv", lambda: check_cells(desktop, fixture, outdir)),
                       *((f"sample {os.path.basename(s)}",
                          lambda s=s: check_sample(desktop, s, league_csv)) for s in samples)):
        before = failed
        try:
            step()
        except Exception as exc:  # one broken step must not hide the others
            check(False, f"{name}: {type(exc).__name__}: {exc}")
        print(f"check_calc: {name}: {'ok' if failed == before else 'FAILED'}")
    try:
        desktop.terminate()
    except Exception:  # the bridge goes down with soffice
        pass
    with open(os.path.join(outdir, "counts"), "w") as fh:
        fh.write(f"{passed} {failed}\n")
    print(f"check_calc: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
