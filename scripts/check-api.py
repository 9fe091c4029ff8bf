#!/usr/bin/env python3
"""The API convention check: the public headers obey the rules written at the
top of include/trustassess.h, or this fails naming each function that does not.

Why: a convention kept by review drifts one pull request at a time; this one is
kept by the test command (ctest `api_conventions`). It reads the headers with
scripts/ta_headers.py (the parser the binding checks use), so it sees what a
compiler sees, experimental declarations included, and checks:

  names      every function is ta_<noun>_<verb...>: <noun> is a public type
             (ta_framework_builder -> "framework_builder"), a module (the header's
             name) or one of a few namespaces (decimal, rule, version); the word
             after ta_ is never a bare verb (ta_parse_decimal); text input is
             spelled _read_file(handle, path, ...) / _read_buffer(handle, data, len,
             name, ...), never _load_* or _read_csv; every reader of a buffer
             (X_buffer taking data) has its X_file twin taking a path, and the
             other way round, so a caller never writes the read-the-file glue;
  out first  every out-parameter (a pointer to something non-const that is not
             a handle: T *x, T **x, const char **x, char *buf) comes before every
             input, a buffer's size directly after the buffer;
  out cap    at most MAX_OUT_PARAMS (3) out-parameters: a record of more fields
             is read through small accessors (one per field or closely related
             group, e.g. has/value), libgit2's habit. Why: a call with eight
             out-pointers is easy to get wrong in order (all const char **), needs
             every field at once when the caller wants one, and cannot gain a
             field without breaking the ABI, where a new accessor is an addition;
  _count     every function named *_count returns size_t;
  enums      every enum ta_x has const char *ta_x_name(ta_x);
  comments   every function has a comment where it is declared (directly above
             it, or heading its run of declarations with no blank line).

  scripts/check-api.py [INCLUDE_DIR]     (default include/ beside this script)
  scripts/check-api.py --self-test       each rule fails on a header made to break it

Exit 0 and a one-line summary when all hold; exit 1 and one line per violation.
Standard library only.
"""

from __future__ import annotations

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ta_headers  # noqa: E402

# Names kept from C's own idiom (strerror) and the version pair (SQLite's
# sqlite3_libversion): documented exceptions, not a precedent.
NAME_EXCEPTIONS = {"ta_strerror", "ta_version", "ta_version_string"}
# Namespaces that are neither a type nor a header.
EXTRA_NOUNS = {"decimal", "rule", "version"}
# Words that may not come straight after ta_ (a verb where the noun belongs).
VERBS = {"add", "check", "compute", "create", "find", "format", "free", "get", "load", "make",
         "new", "parse", "read", "remove", "round", "run", "set", "write"}
# The most out-parameters one function may take (see "out cap" above): three
# covers the pairs and triples that belong together (has + value, a buffer +
# size + needed, checked/agreed/explained counts); more is a record.
MAX_OUT_PARAMS = 3
# Parameter names that, right after an out buffer, are its size.
SIZE_NAMES = {"size", "n", "n_out", "len", "cap"}


def is_out(param, opaque):
    t = param.type
    if t.pointers == 0:
        return False
    pointee_const = t.pointer_consts[t.pointers - 2] if t.pointers >= 2 else t.const
    if pointee_const:
        return False
    if t.pointers == 1 and t.base in opaque:
        return False  # a handle the call works on, not a result
    return True


def out_params_ok(fn, opaque):
    """True when no out-parameter follows an input."""
    seen_input = False
    prev_out = False
    for p in fn.params:
        if is_out(p, opaque):
            if seen_input:
                return False
            prev_out = True
        elif prev_out and p.type.text == "size_t" and p.name in SIZE_NAMES:
            prev_out = True  # the buffer's size travels with it
        else:
            seen_input = True
            prev_out = False
    return True


def out_param_count(fn, opaque):
    return sum(1 for p in fn.params if is_out(p, opaque))


def nouns_of(api):
    nouns = set(EXTRA_NOUNS)
    for name in list(api.structs) + list(api.enums):
        nouns.add(name[len("ta_"):])
    for fn in api.functions.values():
        nouns.add(os.path.splitext(os.path.basename(fn.header))[0])
    return nouns


def check(api):
    problems = []
    opaque = {s.name for s in api.structs.values() if s.opaque}
    nouns = nouns_of(api)
    for fn in sorted(api.functions.values(), key=lambda f: (f.header, f.line)):
        where = f"{fn.header}:{fn.line}: {fn.name}"
        if fn.name not in NAME_EXCEPTIONS:
            rest = fn.name[len("ta_"):]
            first = rest.split("_")[0]
            if not re.fullmatch(r"ta_[a-z0-9]+(_[a-z0-9]+)*", fn.name):
                problems.append(f"{where}: name is not ta_<lower_case_words>")
            elif first in VERBS:
                problems.append(f"{where}: name starts with the verb '{first}' (ta_<noun>_<verb>)")
            elif not any(rest == n or rest.startswith(n + "_") for n in nouns):
                problems.append(f"{where}: name does not start with a public type or module noun")
        if re.search(r"_load(_|$)|_read_csv$|_csv_buffer$", fn.name):
            problems.append(f"{where}: text input is _read_file(path) or _read_buffer(data, len, name)")
        if fn.name.endswith("_read_buffer"):
            names = [p.name for p in fn.params]
            if names[1:4] != ["data", "len", "name"]:
                problems.append(f"{where}: _read_buffer takes (handle, data, len, name, ...)")
        if fn.name.endswith("_read_file"):
            if [p.name for p in fn.params][1:2] != ["path"]:
                problems.append(f"{where}: _read_file takes (handle, path, ...)")
        names = [p.name for p in fn.params]
        if fn.name.endswith("_buffer") and "data" in names:
            if fn.name[:-len("_buffer")] + "_file" not in api.functions:
                problems.append(f"{where}: a buffer reader without its _file twin")
        if fn.name.endswith("_file") and "path" in names:
            if fn.name[:-len("_file")] + "_buffer" not in api.functions:
                problems.append(f"{where}: a file reader without its _buffer twin")
        if not out_params_ok(fn, opaque):
            problems.append(f"{where}: an out-parameter follows an input (out-parameters first)")
        n_out = out_param_count(fn, opaque)
        if n_out > MAX_OUT_PARAMS:
            problems.append(f"{where}: {n_out} out-parameters (at most {MAX_OUT_PARAMS}; read a "
                            f"record through accessors)")
        if fn.name.endswith("_count") and fn.returns.text != "size_t":
            problems.append(f"{where}: a _count returns size_t, not {fn.returns.text}")
        if not (fn.comment or fn.group_comment or fn.trailing_comment):
            problems.append(f"{where}: no comment where it is declared")
    for en in sorted(api.enums.values(), key=lambda e: (e.header, e.line)):
        fn = api.functions.get(en.name + "_name")
        if (fn is None or fn.returns.text != "const char *" or len(fn.params) != 1
                or fn.params[0].type.text != en.name):
            problems.append(f"{en.header}:{en.line}: enum {en.name} has no "
                            f"const char *{en.name}_name({en.name})")
    return problems


SELF_TEST_HEADER = """\
typedef struct ta_thing ta_thing;
typedef enum ta_colour { TA_RED = 0 } ta_colour;
/* ok */
TA_API ta_status ta_thing_new(ta_thing **out, const ta_allocator *alloc);
/* bad: out after input */
TA_API ta_status ta_thing_rank(const ta_thing *t, size_t i, uint32_t *rank);
/* bad: verb first */
TA_API ta_status ta_parse_thing(ta_thing **out, const char *text);
/* bad: status count */
TA_API ta_status ta_thing_count(size_t *count, const ta_thing *t);
/* bad: load */
TA_API ta_status ta_thing_load_csv(ta_thing *t, const char *path);
/* bad: a record of four out-pointers */
TA_API ta_status ta_thing_info(const char **name, const char **kind, int *has, double *value,
                               const ta_thing *t, size_t i);
/* ok: three out-parameters (a buffer's size is an input) */
TA_API ta_status ta_thing_text(char *buf, size_t size, size_t *needed, int *has, const ta_thing *t);
/* bad: buffer order */
TA_API ta_status ta_thing_read_buffer(ta_thing *t, const char *name, const char *data, size_t len);
/* ok */
TA_API ta_status ta_thing_read_file(ta_thing *t, const char *path);
/* bad: no _file twin */
TA_API ta_status ta_thing_add_buffer(ta_thing *t, const char *data, size_t len, const char *name);

TA_API int ta_thing_uncommented(const ta_thing *t);
"""
SELF_TEST_EXPECT = [
    "ta_thing_rank: an out-parameter follows an input",
    "ta_parse_thing: name starts with the verb 'parse'",
    "ta_thing_count: a _count returns size_t",
    "ta_thing_load_csv: text input is",
    "ta_thing_read_buffer: _read_buffer takes",
    "ta_thing_info: 4 out-parameters (at most 3",
    "ta_thing_add_buffer: a buffer reader without its _file twin",
    "ta_thing_uncommented: no comment",
    "enum ta_colour has no",
]


def self_test():
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        os.mkdir(os.path.join(d, "trustassess"))
        with open(os.path.join(d, "trustassess", "thing.h"), "w", encoding="utf-8") as f:
            f.write("#include \"common.h\"\n" + SELF_TEST_HEADER)
        here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        with open(os.path.join(here, "include", "trustassess", "common.h"), encoding="utf-8") as f:
            common = f.read()
        with open(os.path.join(d, "trustassess", "common.h"), "w", encoding="utf-8") as f:
            f.write(common)
        problems = check(ta_headers.parse_dir(d))
    text = "\n".join(problems)
    missing = [e for e in SELF_TEST_EXPECT if e not in text]
    extra = [p for p in problems if not any(e in p for e in SELF_TEST_EXPECT)]
    for m in missing:
        print(f"check-api: self-test: not reported: {m}")
    for x in extra:
        print(f"check-api: self-test: reported wrongly: {x}")
    if missing or extra or len(problems) != len(SELF_TEST_EXPECT):
        return 1
    print(f"check-api: self-test: all {len(SELF_TEST_EXPECT)} planted violations reported, no other")
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    include = argv[1] if len(argv) > 1 else os.path.join(root, "include")
    api = ta_headers.parse_dir(include)
    problems = check(api)
    if not api.functions:
        problems.append(f"{include}: no functions found")
    for p in problems:
        print(p)
    fns = api.functions.values()
    opaque = {s.name for s in api.structs.values() if s.opaque}
    counts = [out_param_count(f, opaque) for f in fns]
    n_out = sum(1 for c in counts if c)
    n_exp = sum(1 for f in fns if f.experimental)
    print(f"check-api: {len(api.functions)} functions ({n_exp} experimental), "
          f"{len(api.enums)} enums checked; {n_out} with out-parameters, at most "
          f"{max(counts, default=0)} each; {len(problems)} violation(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
