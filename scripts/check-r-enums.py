#!/usr/bin/env python3
"""R's names for C enum values (the tables in bindings/r/src) checked against the headers.

Why: the R package's C glue names some enum values itself (the error class
stem of each ta_status). A table indexed by value silently goes wrong when the
header's enum gains or renumbers a constant, so every such table is written
with designated initializers,

    static const char *const stems[] = {[TA_OK] = "ok", [TA_EINVAL] = "invalid", ...};

and this script checks, against the headers (scripts/ta_headers.py), that the
designators of each table are exactly the constants of one header enum, each
once. A table of constant names ("TA_EINVAL") must give each designator its
own name. A `static const char *const NAME[]` table in the glue that is not
designated is an error too (it could not be checked). Where the library has
a name function (ta_<enum>_name), the glue calls it instead of keeping a
table; this script lists the tables for which one exists.

    scripts/check-r-enums.py [INCLUDE_DIR [SRC_DIR]]
        (defaults: include/ and bindings/r/src beside this script)

Exit 0 and one line per table checked; exit 1 with file:line messages.
scripts/test-r.sh runs it on the headers it installs.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ta_headers  # noqa: E402

TABLE = re.compile(r"static\s+const\s+char\s*\*\s*const\s+(\w+)\s*\[\s*\]\s*=\s*\{(.*?)\}\s*;",
                   re.S)
ENTRY = re.compile(r"\[\s*(\w+)\s*\]\s*=\s*\"((?:[^\"\\]|\\.)*)\"")


def check_source(path, api):
    """(problems, lines of what was checked) for one C file of the glue."""
    with open(path, encoding="utf-8") as f:
        src = f.read()
    problems, checked = [], []
    for m in TABLE.finditer(src):
        name, body = m.group(1), m.group(2)
        where = f"{path}:{src.count(chr(10), 0, m.start()) + 1}: {name}[]"
        body = re.sub(r"/\*.*?\*/", "", body, flags=re.S)
        entries = ENTRY.findall(body)
        rest = ENTRY.sub("", body).replace(",", "").strip()
        if not entries or rest:
            problems.append(f"{where}: not a designated table ([TA_X] = \"...\", ...); "
                            f"it cannot be checked against the headers")
            continue
        keys = [k for k, _ in entries]
        enum = api.enum_of_constant(keys[0])
        if enum is None:
            problems.append(f"{where}: {keys[0]} is not an enum constant of the headers")
            continue
        want = [c.name for c in enum.constants]
        for k in keys:
            if k not in want:
                problems.append(f"{where}: {k} is not a constant of {enum.name}")
        for k in sorted(set(keys)):
            if keys.count(k) > 1:
                problems.append(f"{where}: {k} named twice")
        for k in want:
            if k not in keys:
                problems.append(f"{where}: lacks {k} (= {api.constants[k]}) of {enum.name} "
                                f"({os.path.basename(enum.header)}:{enum.line})")
        texts = [t for _, t in entries]
        if all(re.fullmatch(r"TA_\w+", t) for t in texts):
            for k, t in entries:
                if k != t:
                    problems.append(f"{where}: [{k}] is named \"{t}\"")
        if any(p.startswith(where) for p in problems):
            continue
        note = ""
        if enum.name + "_name" in api.functions:
            note = f" ({enum.name}_name exists)"
        checked.append(f"{os.path.basename(path)}: {name}[] names all {len(want)} constants of "
                       f"{enum.name}{note}")
    return problems, checked


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    include = argv[0] if argv else os.path.join(here, "..", "include")
    src_dir = argv[1] if len(argv) > 1 else os.path.join(here, "..", "bindings", "r", "src")
    include, src_dir = os.path.normpath(include), os.path.normpath(src_dir)
    try:
        api = ta_headers.parse_dir(include)
    except ta_headers.HeaderError as e:
        print(f"check-r-enums: {e}", file=sys.stderr)
        return 1
    problems, checked = [], []
    for f in sorted(os.listdir(src_dir)):
        if f.endswith((".c", ".h")):
            p, c = check_source(os.path.join(src_dir, f), api)
            problems += p
            checked += c
    for line in checked:
        print(f"check-r-enums: {line}")
    for line in problems:
        print(f"check-r-enums: {line}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
