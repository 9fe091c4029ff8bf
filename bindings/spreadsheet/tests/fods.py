"""A small writer of flat OpenDocument spreadsheets (.fods), for the add-in's workbooks.

The fixture workbook (tests/fixture_cases.py) and the sample workbook
(examples/trustassess-q4-2025-26.fods) are generated, not saved from Calc, so
that they are reviewable text and cannot drift from the data and cases they
are made from. Only what those workbooks need: text, numbers, dates (as date
serials shown with a date style), formulas (ODF "of:" syntax, written without
a cached result so that Calc computes them), column widths and a bold header.

The add-in's functions are written under their programmatic names, as Calc
itself stores them in ODF: ORG.LIBTRUSTASSESS.CALC.TRUSTASSESS.<METHOD>; Calc
shows them as TA.<NAME> (CalcAddIns.xcu).
"""

from __future__ import annotations

import datetime
from typing import List, Optional, Sequence, Union
from xml.sax.saxutils import escape, quoteattr

#: The add-in's implementation name, as the prefix of its functions in ODF.
ADDIN = "ORG.LIBTRUSTASSESS.CALC.TRUSTASSESS"

#: Display name (TA.<NAME>) -> IDL method.
METHODS = {
    "METRICSCORE": "metricScore",
    "BANDSCORE": "bandScore",
    "AVERAGESCORE": "averageScore",
    "SEGMENT": "segment",
    "RANK": "rank",
    "CAPITALROUTE": "capitalRoute",
    "REVIEWDUE": "reviewDue",
    "ERRORTEXT": "errorText",
}

NULL_DATE = datetime.date(1899, 12, 30)


class Formula(str):
    """An ODF formula without the "of:=" prefix, e.g. "SUM([.A1:.A3])"."""


class DateFormula(Formula):
    """A formula whose result is a date serial, shown as YYYY-MM-DD."""


class Date:
    """A date cell (a serial number shown as YYYY-MM-DD)."""

    def __init__(self, d: datetime.date) -> None:
        self.date = d


Cell = Union[None, str, float, int, Formula, Date]


def ta(name: str, *args: str) -> Formula:
    """The formula calling TA.<name> with ODF argument texts."""
    if name not in METHODS:
        raise KeyError(name)
    return Formula(f"{ADDIN}.{name}(" + ";".join(args) + ")")


def string(text: str) -> str:
    """A string literal in an ODF formula."""
    return '"' + text.replace('"', '""') + '"'


def number(x: float) -> str:
    """A number as ODF formula and office:value text (repr: shortest round trip)."""
    if isinstance(x, bool):
        raise TypeError("bool")
    if float(x).is_integer():
        return str(int(x))
    return repr(float(x))


class Sheet:
    def __init__(self, name: str, widths: Sequence[float] = ()) -> None:
        self.name = name
        self.rows: List[List[Cell]] = []
        self.widths = list(widths)  # cm, by column
        self.header_rows = 0

    def add(self, *cells: Cell) -> int:
        """Appends a row; returns its 1-based row number."""
        self.rows.append(list(cells))
        return len(self.rows)


def _cell(c: Cell, header: bool) -> str:
    style = ' table:style-name="bold"' if header else ""
    if c is None or c == "":
        return "<table:table-cell/>"
    if isinstance(c, Formula):
        ds = ' table:style-name="date"' if isinstance(c, DateFormula) else ""
        return f"<table:table-cell{ds} table:formula={quoteattr('of:=' + c)}/>"
    if isinstance(c, Date):
        return (f'<table:table-cell table:style-name="date" office:value-type="date" '
                f'office:date-value="{c.date.isoformat()}"><text:p>{c.date.isoformat()}'
                f"</text:p></table:table-cell>")
    if isinstance(c, (int, float)) and not isinstance(c, bool):
        t = number(c)
        return (f'<table:table-cell office:value-type="float" office:value="{t}">'
                f"<text:p>{t}</text:p></table:table-cell>")
    if isinstance(c, str):
        return (f'<table:table-cell{style} office:value-type="string">'
                f"<text:p>{escape(c)}</text:p></table:table-cell>")
    raise TypeError(f"cannot write {c!r}")


def render(sheets: Sequence[Sheet], title: str) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"'
        ' xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
        ' xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"'
        ' office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">',
        f" <office:meta><dc:title>{escape(title)}</dc:title>"
        "<meta:generator>libtrustassess bindings/spreadsheet/tests/fods.py</meta:generator>"
        "</office:meta>",
        " <office:automatic-styles>",
        '  <number:date-style style:name="iso-date"><number:year number:style="long"/>'
        "<number:text>-</number:text><number:month number:style=\"long\"/>"
        "<number:text>-</number:text><number:day number:style=\"long\"/></number:date-style>",
        '  <style:style style:name="date" style:family="table-cell" style:data-style-name="iso-date"/>',
        '  <style:style style:name="bold" style:family="table-cell">'
        '<style:text-properties fo:font-weight="bold"/></style:style>',
    ]
    widths = sorted({w for s in sheets for w in s.widths})
    for w in widths:
        out.append(f'  <style:style style:name="w{number(w).replace(".", "_")}" '
                   f'style:family="table-column"><style:table-column-properties '
                   f'style:column-width="{number(w)}cm"/></style:style>')
    out += [" </office:automatic-styles>", " <office:body>", "  <office:spreadsheet>"]
    for s in sheets:
        out.append(f"   <table:table table:name={quoteattr(s.name)}>")
        for w in s.widths:
            out.append(f'    <table:table-column table:style-name="w{number(w).replace(".", "_")}"/>')
        for r, row in enumerate(s.rows):
            cells = "".join(_cell(c, r < s.header_rows) for c in row)
            out.append(f"    <table:table-row>{cells}</table:table-row>")
        out.append("   </table:table>")
    out += ["  </office:spreadsheet>", " </office:body>", "</office:document>", ""]
    return "\n".join(out)


def column(i: int) -> str:
    """0 -> "A"."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def ref(sheet: Optional[str], col: int, row: int, col2: Optional[int] = None,
        row2: Optional[int] = None, absolute: bool = False) -> str:
    """An ODF cell or range reference: [.A2], [$Data.A2:.A12]."""
    d = "$" if absolute else ""
    first = f"{d}{column(col)}{d}{row}"
    s = f"${sheet}." if sheet else "."
    if col2 is None:
        return f"[{s}{first}]"
    return f"[{s}{first}:.{d}{column(col2)}{d}{row2}]"

