"""Reads a flat OpenDocument spreadsheet (.fods) that headless LibreOffice
wrote from one of the command's workbooks, and prints what Calc made of it:

    fods_cells.py FILE.fods            the sheet names, one a line
    fods_cells.py FILE.fods SHEET      one line per row: TYPE:TEXT cells joined
                                       by a tab (TYPE float, string, date,
                                       currency, boolean or empty)

The types are Calc's own (office:value-type), so a test can tell a number
from text that looks like one. Repeated cells and rows are expanded; the
trailing empty cells of a row are dropped.
"""
import sys
import xml.etree.ElementTree as ET

NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def q(prefix, name):
    return "{%s}%s" % (NS[prefix], name)


def cells(row):
    out = []
    for cell in row:
        if cell.tag not in (q("table", "table-cell"), q("table", "covered-table-cell")):
            continue
        repeat = int(cell.get(q("table", "number-columns-repeated"), "1"))
        kind = cell.get(q("office", "value-type"), "empty")
        text = "\n".join("".join(p.itertext()) for p in cell.findall("text:p", NS))
        out.extend([kind + ":" + text] * min(repeat, 1024))
    while out and out[-1] == "empty:":
        out.pop()
    return out


def main():
    root = ET.parse(sys.argv[1]).getroot()
    sheets = root.iter(q("table", "table"))
    if len(sys.argv) == 2:
        for s in sheets:
            print(s.get(q("table", "name")))
        return
    for s in sheets:
        if s.get(q("table", "name")) != sys.argv[2]:
            continue
        for row in s.iter(q("table", "table-row")):
            c = cells(row)
            if c:
                print("\t".join(c))


main()
