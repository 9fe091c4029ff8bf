"""The binding against the headers: ``_lib.py``'s signature table, ``enums.py`` and
``errors.py`` checked field by field against the installed C headers.

Why: the package keeps its own copy of the C API (ctypes cannot read headers).
A copy that only matches by name lets a wrong argument type or a reordered
parameter through to undefined behaviour in C; here every entry of
``_FUNCTIONS`` must name a function the headers declare, with the same
number of arguments and, position by position, the ctypes type the C type
needs (pointer or value, integer width and signedness, ``size_t``,
``int64_t``, ``double``, strings, handles, ``ta_date``); the return type
likewise. Enum classes must name their C enum in their docstring and carry
its constants by name and value, all of them.

The types are compared as *spelled* in ``_lib.py`` (read with ``ast``, the
module-level aliases such as ``p_size = POINTER(c_size_t)`` resolved), not as
the ctypes objects: on x86-64 Linux ``c_int32 is c_int`` and
``c_size_t is c_uint64``, so comparing objects could not tell ``size_t`` from
``uint64_t``; the spelling is what makes the table right on every platform.
The runtime declarations are checked to be the table's too.

The headers are those scripts/test-python.sh installs (``cmake --install``,
``TRUSTASSESS_INCLUDE``), else the source tree's include/; they are read by
scripts/ta_headers.py, the parser the API convention check uses as well.
"""

import ast
import ctypes
import enum
import inspect
import os
import pathlib
import re
import sys

import pytest

from trustassess import _lib, capital, enums, errors

ROOT = pathlib.Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "scripts"))
import ta_headers  # noqa: E402

INCLUDE = pathlib.Path(os.environ.get("TRUSTASSESS_INCLUDE") or ROOT / "include")


@pytest.fixture(scope="module")
def api():
    assert (INCLUDE / "trustassess.h").is_file(), f"no headers at {INCLUDE}"
    return ta_headers.parse_dir(str(INCLUDE))


# ---- the spelled table ----------------------------------------------------------------------

# The ctypes name a C scalar is spelled with.
SCALARS = {
    "int": "c_int",
    "unsigned": "c_uint",
    "unsigned int": "c_uint",
    "int32_t": "c_int32",
    "uint32_t": "c_uint32",
    "int64_t": "c_int64",
    "uint64_t": "c_uint64",
    "size_t": "c_size_t",
    "double": "c_double",
}
# Value structs the binding mirrors as a ctypes Structure.
STRUCTS = {"ta_date": "TaDate"}


def expected_ctype(ctype, api, where):
    """The ctypes spelling the C type needs: "c_int", "POINTER(c_double)", "None", ..."""
    base, n = ctype.base, ctype.pointers
    if n == 0:
        if base == "void":
            return "None"
        if base in api.enums:
            return "c_int"  # every C enum here is int-sized (ta_tristate is -1..1)
        if base in STRUCTS:
            return STRUCTS[base]
        if base in SCALARS:
            return SCALARS[base]
        raise AssertionError(f"{where}: no ctypes rule for the C type {ctype.text!r}")
    if n == 1:
        if base == "char":
            return "c_char_p"  # a string in, or a caller's buffer out
        if base == "void" or (base in api.structs and base not in STRUCTS):
            return "c_void_p"  # a handle, or the optional allocator (passed as None)
    inner = ta_headers.CType(base, ctype.const, n - 1)
    return f"POINTER({expected_ctype(inner, api, where)})"


class _Spelling:
    """Turns the expressions of _lib.py into spellings, through its module-level aliases."""

    def __init__(self, tree):
        self.aliases = {}
        self.table = None
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                    and isinstance(node.targets[0], ast.Name):
                name = node.targets[0].id
                if name == "_FUNCTIONS":
                    self.table = node.value
                else:
                    self.aliases[name] = node.value
        assert isinstance(self.table, ast.Dict), "_lib._FUNCTIONS is not a dict literal"

    def __call__(self, node, seen=()):
        if isinstance(node, ast.Constant) and node.value is None:
            return "None"
        if isinstance(node, ast.Name):
            if node.id in self.aliases and node.id not in seen:
                return self(self.aliases[node.id], seen + (node.id,))
            return node.id
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id == "ctypes":
            return node.attr
        if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords:
            fn = self(node.func, seen)
            if fn == "POINTER":
                return f"POINTER({self(node.args[0], seen)})"
        raise AssertionError(f"_lib.py line {node.lineno}: cannot read {ast.dump(node)}")

    def entries(self):
        """{function name: (line, spelled restype, [spelled argtypes])}."""
        out = {}
        for key, value in zip(self.table.keys, self.table.values):
            assert isinstance(key, ast.Constant), f"_lib.py line {key.lineno}: a computed key"
            assert isinstance(value, ast.Tuple) and len(value.elts) == 2 \
                and isinstance(value.elts[1], ast.List), \
                f"_lib.py line {value.lineno}: {key.value} is not (restype, [argtypes])"
            assert key.value not in out, f"{key.value} is in _FUNCTIONS twice"
            out[key.value] = (key.lineno, self(value.elts[0]),
                              [self(a) for a in value.elts[1].elts])
        return out


@pytest.fixture(scope="module")
def table():
    source = pathlib.Path(inspect.getsourcefile(_lib))
    return _Spelling(ast.parse(source.read_text(), str(source))).entries()


def signature_mismatches(table, api):
    """Every difference between the spelled table and the headers, one line each."""
    problems = []
    for name, (line, restype, argtypes) in table.items():
        where = f"_lib.py:{line}: {name}"
        fn = api.functions.get(name)
        if fn is None:
            problems.append(f"{where}: no such function in the headers")
            continue
        want = expected_ctype(fn.returns, api, f"{fn.header}:{fn.line}")
        if restype != want:
            problems.append(f"{where}: returns {restype}, the header says {fn.returns.text} "
                            f"({want}) at {os.path.basename(fn.header)}:{fn.line}")
        if len(argtypes) != len(fn.params):
            problems.append(f"{where}: {len(argtypes)} arguments, the header has "
                            f"{len(fn.params)}: {fn}")
            continue
        for k, (got, param) in enumerate(zip(argtypes, fn.params)):
            want = expected_ctype(param.type, api, f"{fn.header}:{fn.line}")
            if got != want:
                problems.append(f"{where}: argument {k + 1} ({param.name}) is {got}, the header "
                                f"says {param.type.text} ({want}) at "
                                f"{os.path.basename(fn.header)}:{fn.line}")
    return problems


def test_headers_parse_completely(api):
    # The parser is strict (anything it cannot read is an error); this pins that
    # it found the API at all, and that a function is never declared without TA_API.
    assert len(api.functions) > 300
    assert "ta_strerror" in api.functions and "ta_date" in api.structs
    texts = "".join(p.read_text() for p in (INCLUDE / "trustassess").glob("*.h"))
    assert len(re.findall(r"(?m)^TA_API\b", texts)) == len(api.functions)


def test_every_table_entry_matches_its_header(table, api):
    assert len(table) > 300
    problems = signature_mismatches(table, api)
    assert not problems, "\n".join(["the binding's table disagrees with the headers:"] + problems)


def test_the_runtime_declarations_are_the_table(table):
    # What the library's functions were given at load time is the table read above.
    assert set(table) == set(_lib._FUNCTIONS)
    for name, (restype, argtypes) in _lib._FUNCTIONS.items():
        fn = getattr(_lib.lib, name)
        assert fn.restype is restype and list(fn.argtypes) == list(argtypes), name


def test_the_check_sees_a_wrong_type(table, api):
    # The check itself is checked: a table with a planted error of each kind fails.
    name = "ta_capital_proposal_set_amount"  # (ta_capital_proposal *p, int64_t pence)
    line, restype, argtypes = table[name]
    assert argtypes == ["c_void_p", "c_int64"] and restype == "c_int"
    cases = {
        "int width": (restype, ["c_void_p", "c_int"]),
        "signedness": (restype, ["c_void_p", "c_uint64"]),
        "size_t for int64_t": (restype, ["c_void_p", "c_size_t"]),
        "pointer for value": (restype, ["c_void_p", "POINTER(c_int64)"]),
        "value for handle": (restype, ["c_int64", "c_int64"]),
        "argument count": (restype, ["c_void_p"]),
        "swapped": (restype, ["c_int64", "c_void_p"]),
        "return type": ("c_int64", argtypes),
    }
    for what, (r, a) in cases.items():
        problems = signature_mismatches({name: (line, r, a)}, api)
        assert len(problems) >= 1, what
    assert signature_mismatches({name: (line, restype, argtypes)}, api) == []
    assert signature_mismatches({"ta_no_such_function": (1, "c_int", [])}, api) != []


def test_expected_ctypes_rules(api):
    p = ta_headers.parse_type
    cases = {
        "const char *": "c_char_p",
        "char *": "c_char_p",
        "const char **": "POINTER(c_char_p)",
        "ta_framework **": "POINTER(c_void_p)",
        "const ta_framework *": "c_void_p",
        "const ta_allocator *": "c_void_p",
        "ta_date": "TaDate",
        "ta_date *": "POINTER(TaDate)",
        "ta_status": "c_int",
        "ta_status *": "POINTER(c_int)",
        "size_t *": "POINTER(c_size_t)",
        "const double *": "POINTER(c_double)",
        "unsigned": "c_uint",
        "uint32_t *": "POINTER(c_uint32)",
        "void": "None",
    }
    for text, want in cases.items():
        assert expected_ctype(p(text), api, text) == want, text


# ---- enums.py, errors.py and the package's constants --------------------------------------


def _enum_classes():
    return [c for _, c in inspect.getmembers(enums, inspect.isclass)
            if issubclass(c, (enum.IntEnum, enum.IntFlag)) and c.__module__ == enums.__name__]


def _c_source(cls):
    """The C enum (``ta_x``) or #define family (``TA_X_*``) a class's docstring names."""
    doc = cls.__doc__ or ""
    m = re.search(r"``(ta_\w+)``", doc) or re.search(r"``(TA_\w+_)\*``", doc)
    assert m, f"enums.{cls.__name__}: the docstring must name its C enum (``ta_x``) " \
        f"or #define family (``TA_X_*``)"
    return m.group(1)


def _prefix(cls, names):
    """The prefix P with P + member == a C constant for every member of cls (one P)."""
    candidates = None
    for member in cls.__members__:
        mine = {c[:-len(member)] for c in names
                if c.endswith("_" + member) and c[:-len(member)].startswith("TA_")}
        candidates = mine if candidates is None else candidates & mine
    assert candidates, f"enums.{cls.__name__}: no C prefix gives every member's name " \
        f"(C constants: {', '.join(names)})"
    return max(candidates, key=len)


def enum_mismatches(cls, api):
    source = _c_source(cls)
    problems = []
    if source.startswith("ta_"):
        assert source in api.enums, f"enums.{cls.__name__}: no enum {source} in the headers"
        c_values = api.enums[source].values()
        complete = set(c_values)
    else:
        c_values = {n: d.value for n, d in api.defines.items() if n.startswith(source)}
        # A family's combinations (TA_DOC_ALL) are not members; its single bits all are.
        complete = {n for n, v in c_values.items() if v and v & (v - 1) == 0}
    prefix = _prefix(cls, list(c_values))
    for member, value in cls.__members__.items():
        c_name = prefix + member
        if c_name not in c_values:
            problems.append(f"enums.{cls.__name__}.{member}: no {c_name} in {source}")
        elif int(value) != c_values[c_name]:
            problems.append(f"enums.{cls.__name__}.{member} = {int(value)}, "
                            f"but {c_name} = {c_values[c_name]}")
    for c_name in sorted(complete):
        if not c_name.startswith(prefix) or c_name[len(prefix):] not in cls.__members__:
            problems.append(f"enums.{cls.__name__}: lacks {c_name} = {c_values[c_name]}")
    return problems


def test_every_enum_class_matches_its_c_enum(api):
    classes = _enum_classes()
    assert len(classes) >= 25
    problems = []
    for cls in classes:
        problems += enum_mismatches(cls, api)
    assert not problems, "\n".join(["enums.py disagrees with the headers:"] + problems)


def test_the_enum_check_sees_a_wrong_value(api):
    bad_value = enum.IntEnum("Verdict", {"AGREES": 0, "EXPLAINED": 2, "UNEXPLAINED": 1})
    bad_value.__doc__ = "``ta_verdict``"
    assert len(enum_mismatches(bad_value, api)) == 2
    missing = enum.IntEnum("Verdict", {"AGREES": 0, "EXPLAINED": 1})
    missing.__doc__ = "``ta_verdict``"
    assert enum_mismatches(missing, api) == ["enums.Verdict: lacks TA_UNEXPLAINED = 2"]
    renamed = enum.IntEnum("Feb29Rule", {"TO_FEB28": 0, "TO_MARCH1": 1})
    renamed.__doc__ = "``ta_feb29_rule``"
    with pytest.raises(AssertionError):
        enum_mismatches(renamed, api)
    flags = enum.IntFlag("Document", {"SOC": 1, "OBC": 2, "FBC": 4})
    flags.__doc__ = "``TA_DOC_*``"
    assert enum_mismatches(flags, api) == ["enums.Document: lacks TA_DOC_BJC = 8"]


def test_the_exceptions_match_ta_status(api):
    statuses = api.enums["ta_status"].values()
    by_name = {}
    for _, cls in inspect.getmembers(errors, inspect.isclass):
        doc = (cls.__doc__ or "").split(":")[0]
        if issubclass(cls, errors.TrustAssessError) and doc.startswith("TA_E"):
            assert doc not in by_name, f"two exceptions for {doc}"
            by_name[doc] = cls
    assert set(by_name) == set(statuses) - {"TA_OK"}
    for name, cls in by_name.items():
        assert cls.status == statuses[name], (cls.__name__, name)


def test_the_package_constants_match(api):
    from trustassess import assessment

    assert capital.KEEP_GOING == api.defines["TA_CAPITAL_KEEP_GOING"].value
    assert assessment._ENOTFOUND == api.constants["TA_ENOTFOUND"]
    assert assessment._ESTATE == api.constants["TA_ESTATE"]
    assert ctypes.sizeof(_lib.TaDate) == 12
    assert [f for f, _ in _lib.TaDate._fields_] == ["year", "month", "day"]
    # The version the package accepts is the headers' version.
    assert (_lib.SUPPORTED_MAJOR, _lib.SUPPORTED_MINOR) == (
        api.defines["TA_VERSION_MAJOR"].value, api.defines["TA_VERSION_MINOR"].value)
