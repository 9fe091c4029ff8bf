#!/usr/bin/env python3
"""The public headers (include/trustassess/*.h) read as data: functions and enums.

Why: the bindings (bindings/python's ctypes table and enums, R's enum names)
and the API convention check must agree with the headers, and a hand-kept
copy drifts. This is a small parser for *our* header style, not for C in
general, and it is strict: a declaration it does not understand is an error
(HeaderError, naming file and line), never silently skipped, so a new kind of
declaration cannot slip past the checks built on it. Standard library only;
runs under any Python 3.7+ (Debian's /usr/bin/python3 and a pyenv build alike).

The style it reads (as the headers are written today):
  - functions:  TA_API <return type> ta_name(<type> <name>, ...);  (may span
    lines; parameters are plain declarators, arrays `T name[]` allowed, no
    function pointers);
  - enums:      typedef enum ta_x { TA_A = 0, TA_B, ... } ta_x;  (values are
    integer constant expressions over literals and earlier constants);
  - structs:    typedef struct ta_x ta_x;  (opaque) or typedef struct ta_x {..} ta_x;
  - object-like #define NAME value (integer values evaluated when possible);
  - #if/#ifdef/#ifndef/#elif/#else/#endif: a declaration inside a branch whose
    condition names EXPERIMENTAL, STATIC_LINKING_ONLY or UNSTABLE (e.g. #ifdef
    TA_EXPERIMENTAL_API; zstd's ZSTD_STATIC_LINKING_ONLY pattern) is marked
    experimental (EXPERIMENTAL_MARKERS); code inside
    `#ifdef __cplusplus` (extern "C" { ... }) is ignored.

Interface (import with sys.path pointing at scripts/):

    import ta_headers
    api = ta_headers.parse_dir("include")        # or parse_files([...])
    api.functions["ta_strerror"]                 # -> Function
    api.enums["ta_status"]                       # -> Enum
    api.constants["TA_OK"]                       # -> 0 (every enum constant)
    api.defines["TA_DOC_SOC"]                    # -> Define
    api.structs["ta_date"]                       # -> Struct (opaque or not)

  Function: name, returns (CType), params (list of Param), comment (the block
    comment directly above, or None), group_comment (the comment heading the
    run of declarations it belongs to: the comment directly above the first of
    consecutive declarations with no blank line between them; equals comment
    when that is directly above), trailing_comment (a comment on its last
    line), experimental (bool), guards (active #if conditions), header, line.
  Param: name (None if unnamed), type (CType).
  CType: text ("const char *", normalised), base ("char", "ta_date",
    "unsigned", "int64_t"), const (the pointed-to/base value is const),
    pointers (number of *; an array parameter counts as one), array (bool).
  Enum: name, constants (list of EnumConstant: name, value (int), explicit
    (bool: written with "="), comment), comment, experimental, header, line.
  Define: name, text, value (int or None), comment, header, line.

Command line:  scripts/ta_headers.py [--json] [DIR_OR_HEADER ...]
  (default include/ beside this script): prints a summary, or every
  declaration as JSON.
"""

from __future__ import annotations

import ast
import json
import os
import re
import sys
from typing import Dict, List, Optional, Sequence, Tuple

__all__ = [
    "HeaderError",
    "CType",
    "Param",
    "Function",
    "EnumConstant",
    "Enum",
    "Define",
    "Struct",
    "Api",
    "parse_files",
    "parse_dir",
    "parse_type",
]

C_TYPE_WORDS = {"void", "char", "short", "int", "long", "float", "double", "signed", "unsigned",
                "_Bool", "bool"}
QUALIFIERS = {"const", "volatile", "restrict"}


class HeaderError(Exception):
    """A header says something this parser does not understand (file:line: what)."""


class CType:
    """A C type as written in a declaration, taken apart."""

    def __init__(self, base: str, const: bool, pointers: int, array: bool = False,
                 pointer_consts: Sequence[bool] = ()):
        self.base = base
        self.const = const
        self.pointers = pointers
        self.array = array
        self.pointer_consts = tuple(pointer_consts) or (False,) * pointers
        text = ("const " if const else "") + base
        if pointers:
            text += " "
            for c in self.pointer_consts:
                text += "*const " if c else "*"
        self.text = text.rstrip()

    def __repr__(self) -> str:
        return f"CType({self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CType) and self.as_dict() == other.as_dict()

    def as_dict(self) -> dict:
        return {"text": self.text, "base": self.base, "const": self.const,
                "pointers": self.pointers, "array": self.array}


def _declarator(ctype: CType, name: Optional[str]) -> str:
    """ "const char *name", "double values[]", "int n": a parameter as C writes it."""
    if not name:
        return ctype.text
    if ctype.array:
        inner = CType(ctype.base, ctype.const, ctype.pointers - 1, False,
                      ctype.pointer_consts[:-1])
        return f"{inner.text} {name}[]"
    sep = "" if ctype.text.endswith("*") else " "
    return f"{ctype.text}{sep}{name}"


class Param:
    def __init__(self, name: Optional[str], ctype: CType):
        self.name = name
        self.type = ctype

    def __repr__(self) -> str:
        return f"Param({self.type.text!r}, {self.name!r})"

    def as_dict(self) -> dict:
        return {"name": self.name, "type": self.type.as_dict()}


class Function:
    def __init__(self, name, returns, params, comment, group_comment, trailing_comment,
                 guards, header, line):
        self.name = name
        self.returns: CType = returns
        self.params: List[Param] = params
        self.comment: Optional[str] = comment
        self.group_comment: Optional[str] = group_comment
        self.trailing_comment: Optional[str] = trailing_comment
        self.guards: List[str] = guards
        self.experimental: bool = _is_experimental(guards)
        self.header: str = header
        self.line: int = line

    def __repr__(self) -> str:
        args = ", ".join(_declarator(p.type, p.name) for p in self.params)
        sep = "" if self.returns.text.endswith("*") else " "
        return f"{self.returns.text}{sep}{self.name}({args or 'void'})"

    def as_dict(self) -> dict:
        return {"name": self.name, "returns": self.returns.as_dict(),
                "params": [p.as_dict() for p in self.params], "comment": self.comment,
                "group_comment": self.group_comment, "trailing_comment": self.trailing_comment,
                "experimental": self.experimental, "guards": self.guards,
                "header": self.header, "line": self.line}


class EnumConstant:
    def __init__(self, name: str, value: int, explicit: bool, comment: Optional[str]):
        self.name = name
        self.value = value
        self.explicit = explicit
        self.comment = comment

    def __repr__(self) -> str:
        return f"{self.name}={self.value}"

    def as_dict(self) -> dict:
        return {"name": self.name, "value": self.value, "explicit": self.explicit,
                "comment": self.comment}


class Enum:
    def __init__(self, name, constants, comment, guards, header, line):
        self.name: str = name
        self.constants: List[EnumConstant] = constants
        self.comment: Optional[str] = comment
        self.guards: List[str] = guards
        self.experimental: bool = _is_experimental(guards)
        self.header: str = header
        self.line: int = line

    def values(self) -> Dict[str, int]:
        """{constant name: value}, in declaration order."""
        return {c.name: c.value for c in self.constants}

    def __repr__(self) -> str:
        return f"<enum {self.name} {self.constants}>"

    def as_dict(self) -> dict:
        return {"name": self.name, "constants": [c.as_dict() for c in self.constants],
                "comment": self.comment, "experimental": self.experimental,
                "header": self.header, "line": self.line}


class Define:
    def __init__(self, name, text, value, comment, guards, header, line):
        self.name: str = name
        self.text: str = text
        self.value: Optional[int] = value
        self.comment: Optional[str] = comment
        self.guards: List[str] = guards
        self.header: str = header
        self.line: int = line

    def as_dict(self) -> dict:
        return {"name": self.name, "text": self.text, "value": self.value,
                "comment": self.comment, "header": self.header, "line": self.line}


class Struct:
    def __init__(self, name: str, opaque: bool, header: str, line: int):
        self.name = name
        self.opaque = opaque
        self.header = header
        self.line = line

    def as_dict(self) -> dict:
        return {"name": self.name, "opaque": self.opaque, "header": self.header,
                "line": self.line}


class Api:
    """Everything the headers declare, keyed by name (insertion = header order)."""

    def __init__(self) -> None:
        self.functions: Dict[str, Function] = {}
        self.enums: Dict[str, Enum] = {}
        self.constants: Dict[str, int] = {}
        self.defines: Dict[str, Define] = {}
        self.structs: Dict[str, Struct] = {}
        self.headers: List[str] = []

    def enum_of_constant(self, constant: str) -> Optional[Enum]:
        for e in self.enums.values():
            if any(c.name == constant for c in e.constants):
                return e
        return None

    def as_dict(self) -> dict:
        return {"headers": self.headers,
                "functions": [f.as_dict() for f in self.functions.values()],
                "enums": [e.as_dict() for e in self.enums.values()],
                "defines": [d.as_dict() for d in self.defines.values()],
                "structs": [s.as_dict() for s in self.structs.values()]}


#: Words that make an #if condition an experimental guard (a macro such as
#: TA_EXPERIMENTAL_API or TA_STATIC_LINKING_ONLY, zstd's pattern).
EXPERIMENTAL_MARKERS = ("EXPERIMENTAL", "STATIC_LINKING_ONLY", "UNSTABLE")


def _is_experimental(guards: Sequence[str]) -> bool:
    return any(m in g and not g.startswith("!") for g in guards for m in EXPERIMENTAL_MARKERS)


# ---- lexing: comments, preprocessor lines, code -------------------------------------------


def _clean_comment(raw: str) -> str:
    """The text of a /* */ or // comment without its markers and leading stars."""
    if raw.startswith("//"):
        return raw[2:].strip()
    body = raw[2:-2]
    lines = [re.sub(r"^\s*\*( |$)?", "", ln) if i else ln for i, ln in enumerate(body.split("\n"))]
    return "\n".join(ln.rstrip() for ln in lines).strip()


class _Item:
    """A comment, a preprocessor directive or a code statement, with its lines."""

    def __init__(self, kind: str, text: str, first: int, last: int):
        self.kind = kind  # "comment", "pp", "code", "blank"
        self.text = text
        self.first = first
        self.last = last


def _lex(src: str, path: str) -> List[_Item]:
    items: List[_Item] = []
    i, n, line = 0, len(src), 1
    code_start: Optional[int] = None
    code: List[str] = []
    depth = 0
    at_line_start = True
    newlines_in_gap = 0

    def flush_code(end_line: int) -> None:
        nonlocal code, code_start
        text = "".join(code).strip()
        if text:
            items.append(_Item("code", text, code_start or end_line, end_line))
        code, code_start = [], None

    while i < n:
        ch = src[i]
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            if j < 0:
                raise HeaderError(f"{path}:{line}: unterminated comment")
            raw = src[i:j + 2]
            # A comment inside a statement (an enum constant's) is not a declaration's.
            kind = "inner" if "".join(code).strip() else "comment"
            items.append(_Item(kind, _clean_comment(raw), line, line + raw.count("\n")))
            line += raw.count("\n")
            i = j + 2
            code.append(" ")
            at_line_start = False
            continue
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            kind = "inner" if "".join(code).strip() else "comment"
            items.append(_Item(kind, _clean_comment(src[i:j]), line, line))
            i = j
            at_line_start = False
            continue
        if ch == "#" and at_line_start and not "".join(code).strip():
            j = i
            text = []
            while True:
                k = src.find("\n", j)
                k = n if k < 0 else k
                seg = src[j:k]
                text.append(seg.rstrip("\\"))
                if seg.endswith("\\") and k < n:
                    line += 1
                    j = k + 1
                    continue
                break
            pp = " ".join(text)
            # A trailing comment on a directive belongs to it.
            m = re.search(r"/\*(.*?)\*/\s*$", pp)
            if m:
                items.append(_Item("comment", _clean_comment("/*" + m.group(1) + "*/"), line,
                                   line))
                pp = pp[:m.start()]
            items.append(_Item("pp", pp.strip(), line, line))
            i = k
            at_line_start = False
            continue
        if ch == "\n":
            if not "".join(code).strip():
                code = []
                newlines_in_gap += 1
                if at_line_start:
                    items.append(_Item("blank", "", line, line))
            line += 1
            i += 1
            at_line_start = True
            if code:
                code.append("\n")
            continue
        if ch in " \t\r\f\v":
            if code:
                code.append(ch)
            i += 1
            continue
        at_line_start = False
        if ch == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            if code_start is None:
                code_start = line
            code.append(src[i:j + 1])
            i = j + 1
            continue
        if code_start is None:
            code_start = line
        code.append(ch)
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                depth = 0
        if ch == ";" and depth == 0:
            flush_code(line)
        elif ch == "{" and depth == 1 and re.match(r'\s*extern\s+"C"\s*\{$', "".join(code)):
            flush_code(line)
            depth = 0
        elif ch == "}" and depth == 0 and "".join(code).strip() == "}":
            flush_code(line)
        i += 1
    flush_code(line)
    if depth:
        raise HeaderError(f"{path}:{line}: unbalanced braces at end of file")
    return items


# ---- types and declarations ------------------------------------------------------------------


_TOKEN = re.compile(r"[A-Za-z_]\w*|\*|\[[^\]]*\]|\S")


def _split_declarator(text: str, where: str, want_name: bool) -> Tuple[CType, Optional[str]]:
    tokens = _TOKEN.findall(text)
    if not tokens:
        raise HeaderError(f"{where}: empty declaration")
    array = False
    if tokens[-1].startswith("["):
        array = True
        tokens = tokens[:-1]
    name = None
    if want_name and tokens and re.match(r"[A-Za-z_]\w*$", tokens[-1]) \
            and tokens[-1] not in C_TYPE_WORDS and tokens[-1] not in QUALIFIERS:
        before = [t for t in tokens[:-1] if t not in QUALIFIERS and t != "*"]
        if before:
            name = tokens[-1]
            tokens = tokens[:-1]
    if array and name is None:
        raise HeaderError(f"{where}: an array parameter needs a name: {text!r}")
    const = False
    base_words: List[str] = []
    pointer_consts: List[bool] = []
    for t in tokens:
        if t == "*":
            pointer_consts.append(False)
        elif t in QUALIFIERS:
            if pointer_consts:
                pointer_consts[-1] = True
            elif t == "const":
                const = True
        elif re.match(r"[A-Za-z_]\w*$", t):
            if pointer_consts:
                raise HeaderError(f"{where}: cannot read the type {text!r}")
            base_words.append(t)
        else:
            raise HeaderError(f"{where}: cannot read the type {text!r} (at {t!r})")
    if not base_words:
        raise HeaderError(f"{where}: no type in {text!r}")
    if len(base_words) > 1 and not all(w in C_TYPE_WORDS for w in base_words):
        raise HeaderError(f"{where}: cannot read the type {text!r}")
    if array:
        pointer_consts.append(False)
    return (CType(" ".join(base_words), const, len(pointer_consts), array, pointer_consts), name)


def parse_type(text: str) -> CType:
    """A type written as in a header ("const char *") as a CType."""
    return _split_declarator(text, "<type>", want_name=False)[0]


_FUNC = re.compile(r"^TA_API\s+(?P<ret>.*?)\b(?P<name>[A-Za-z_]\w*)\s*\((?P<params>.*)\)\s*;$",
                   re.S)


def _parse_function(stmt: str, where: str) -> Tuple[str, CType, List[Param]]:
    m = _FUNC.match(stmt)
    if not m:
        raise HeaderError(f"{where}: cannot read the function declaration {stmt!r}")
    ret = parse_type(m.group("ret")) if m.group("ret").strip() else None
    if ret is None:
        raise HeaderError(f"{where}: no return type in {stmt!r}")
    body = m.group("params").strip()
    if "(" in body or ")" in body:
        raise HeaderError(f"{where}: function-pointer or macro parameters are not supported: "
                          f"{stmt!r}")
    params: List[Param] = []
    if body != "void":
        if not body:
            raise HeaderError(f"{where}: write (void) for no parameters: {stmt!r}")
        for part in body.split(","):
            if part.strip() == "...":
                raise HeaderError(f"{where}: variadic functions are not supported")
            ctype, name = _split_declarator(part.strip(), where, want_name=True)
            params.append(Param(name, ctype))
    return m.group("name"), ret, params


class _Evaluator:
    """Integer constant expressions: literals, names already known, + - * / % << >> | & ^ ~ ()."""

    _ops = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Constant, ast.Name, ast.Load,
            ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Mod, ast.LShift, ast.RShift,
            ast.BitOr, ast.BitAnd, ast.BitXor, ast.Invert, ast.USub, ast.UAdd)

    def __init__(self, names: Dict[str, int]):
        self.names = names

    def __call__(self, text: str) -> Optional[int]:
        expr = re.sub(r"\b(0[xX][0-9a-fA-F]+|\d+)[uUlL]*\b", r"\1", text.strip())
        expr = re.sub(r"\((?:unsigned|int|long|signed)(?:\s+\w+)*\)", "", expr)  # integer casts
        expr = expr.replace("/", "//")
        if re.search(r"[^\w\s()+\-*/%<>|&^~]", expr):
            return None
        try:
            tree = ast.parse(expr, mode="eval")
        except SyntaxError:
            return None
        for node in ast.walk(tree):
            if not isinstance(node, self._ops):
                return None
            if isinstance(node, ast.Name) and node.id not in self.names:
                return None
            if isinstance(node, ast.Constant) and not isinstance(node.value, int):
                return None
        return int(eval(compile(tree, "<enum>", "eval"), {"__builtins__": {}}, dict(self.names)))


def _parse_enum(stmt: str, where: str, api: Api, comments: Dict[int, str], first: int
                ) -> Tuple[str, List[EnumConstant]]:
    m = re.match(r"^typedef\s+enum\s+(\w+)\s*\{(.*)\}\s*(\w+)\s*;$", stmt, re.S)
    if not m:
        raise HeaderError(f"{where}: cannot read the enum {stmt!r}")
    tag, body, name = m.group(1), m.group(2), m.group(3)
    if tag != name:
        raise HeaderError(f"{where}: enum tag {tag} and typedef name {name} differ")
    evaluate = _Evaluator(api.constants)
    constants: List[EnumConstant] = []
    nxt = 0
    line = first
    for raw in body.split(","):
        text = raw.strip()
        line += raw.count("\n") if constants or raw.startswith("\n") else 0
        if not text:
            continue
        cm = re.match(r"^([A-Za-z_]\w*)\s*(?:=\s*(.+))?$", text, re.S)
        if not cm:
            raise HeaderError(f"{where}: cannot read the enum constant {text!r} in {name}")
        cname, expr = cm.group(1), cm.group(2)
        if expr is not None:
            value = evaluate(expr)
            if value is None:
                raise HeaderError(f"{where}: cannot evaluate {cname} = {expr.strip()}")
        else:
            value = nxt
        if cname in api.constants:
            raise HeaderError(f"{where}: enum constant {cname} declared twice")
        api.constants[cname] = value
        constants.append(EnumConstant(cname, value, expr is not None, None))
        nxt = value + 1
    if not constants:
        raise HeaderError(f"{where}: empty enum {name}")
    return name, constants


def _enum_comments(src_lines: List[str], first: int, last: int, constants: List[EnumConstant]
                   ) -> None:
    """Attaches each constant's trailing comment (on the line that declares it)."""
    for c in constants:
        for ln in range(first, last + 1):
            text = src_lines[ln - 1]
            if re.search(r"\b%s\b" % re.escape(c.name), text):
                m = re.search(r"/\*(.*?)(\*/|$)", text[text.index(c.name):])
                if m:
                    c.comment = m.group(1).strip()
                break


# ---- the file walk --------------------------------------------------------------------------


def _parse_file(path: str, api: Api) -> None:
    with open(path, encoding="utf-8") as f:
        src = f.read()
    src_lines = src.split("\n")
    name = os.path.basename(path)
    rel = path
    items = _lex(src, path)
    api.headers.append(rel)

    guards: List[Tuple[str, bool]] = []  # (condition, in the else branch)
    last_comment: Optional[_Item] = None  # a comment directly followed by what comes next
    group_comment: Optional[str] = None  # comment heading the current run of declarations
    prev_decl_last: Optional[int] = None  # last line of the previous declaration in the run

    include_guard = set()

    def active() -> List[str]:
        return [("!(%s)" % cond if neg else cond) for cond, neg in guards if cond]

    def in_cplusplus() -> bool:
        return any("__cplusplus" in cond and not neg for cond, neg in guards)

    for idx, item in enumerate(items):
        where = f"{path}:{item.first}"
        if item.kind == "inner":
            continue
        if item.kind == "blank":
            last_comment = None
            group_comment = None
            prev_decl_last = None
            continue
        if item.kind == "comment":
            # A comment that ends a line holding code belongs to that code (trailing).
            if any(o.kind == "code" and o.last == item.first for o in items[max(0, idx - 3):idx]) \
                    or any(o.kind in ("pp",) and o.first == item.first
                           for o in items[idx + 1:idx + 2]):
                continue
            last_comment = item
            group_comment = None
            prev_decl_last = None
            continue
        if item.kind == "pp":
            m = re.match(r"#\s*(\w+)\s*(.*)$", item.text, re.S)
            if not m:
                raise HeaderError(f"{where}: cannot read the directive {item.text!r}")
            directive, rest = m.group(1), m.group(2).strip()
            if directive in ("if", "ifdef", "ifndef"):
                cond = {"ifdef": f"defined({rest})", "ifndef": f"!defined({rest})"}.get(
                    directive, rest)
                nxt = next((o for o in items[idx + 1:] if o.kind == "pp"), None)
                if directive == "ifndef" and not guards and nxt is not None \
                        and re.match(r"#\s*define\s+%s\s*$" % re.escape(rest), nxt.text):
                    include_guard.add(rest)
                    cond = ""  # the include guard is no condition on what it holds
                guards.append((cond, False))
            elif directive == "elif":
                if not guards:
                    raise HeaderError(f"{where}: #elif without #if")
                guards[-1] = (rest, False)
            elif directive == "else":
                if not guards:
                    raise HeaderError(f"{where}: #else without #if")
                guards[-1] = (guards[-1][0], True)
            elif directive == "endif":
                if not guards:
                    raise HeaderError(f"{where}: #endif without #if")
                guards.pop()
            elif directive == "define":
                dm = re.match(r"(\w+)(\(?)\s*(.*)$", rest, re.S)
                if not dm:
                    raise HeaderError(f"{where}: cannot read the #define {rest!r}")
                dname, fnlike, dtext = dm.group(1), dm.group(2), dm.group(3).strip()
                if not fnlike and dname not in api.defines and not in_cplusplus() \
                        and dname not in include_guard:
                    known = dict(api.constants)
                    known.update({d.name: d.value for d in api.defines.values()
                                  if d.value is not None})
                    value = _Evaluator(known)(dtext) if dtext else None
                    trailing = next((o.text for o in items[idx - 1:idx]
                                     if o.kind == "comment" and o.first == item.first), None)
                    comment = trailing or (last_comment.text if last_comment and
                                           last_comment.last == item.first - 1 else None)
                    api.defines[dname] = Define(dname, dtext, value, comment, active(), rel,
                                                item.first)
                # A #define inside a run of declarations (no blank line) keeps the run going:
                # the comment above the run still heads what follows it.
                if last_comment is not None and last_comment.last == item.first - 1:
                    group_comment = last_comment.text
                    last_comment = None
                    prev_decl_last = item.last
                    continue
                if prev_decl_last is not None and prev_decl_last == item.first - 1:
                    prev_decl_last = item.last
                    continue
            elif directive in ("include", "undef", "error", "pragma", "warning"):
                pass
            else:
                raise HeaderError(f"{where}: unknown directive #{directive}")
            last_comment = None
            group_comment = None
            prev_decl_last = None
            continue
        # code
        if in_cplusplus():
            continue
        stmt = re.sub(r"\s+", " ", item.text) if not item.text.startswith("typedef enum") \
            else item.text
        direct = last_comment.text if last_comment and last_comment.last == item.first - 1 \
            else None
        if direct is not None:
            group_comment = direct
        elif prev_decl_last is None or prev_decl_last != item.first - 1:
            group_comment = None
        trailing = None
        for o in items[idx + 1:idx + 3]:
            if o.kind == "comment" and o.first == item.last:
                trailing = o.text
                break
        if stmt.startswith("TA_API"):
            fname, ret, params = _parse_function(stmt, where)
            if fname in api.functions:
                raise HeaderError(f"{where}: {fname} declared twice")
            api.functions[fname] = Function(fname, ret, params, direct, group_comment, trailing,
                                            active(), rel, item.first)
        elif stmt.startswith("typedef enum"):
            ename, constants = _parse_enum(item.text, where, api, {}, item.first)
            _enum_comments(src_lines, item.first, item.last, constants)
            api.enums[ename] = Enum(ename, constants, direct, active(), rel, item.first)
        elif stmt.startswith("typedef struct"):
            sm = re.match(r"^typedef struct (\w+) (\{.*\} )?(\w+) ?;$", stmt, re.S)
            if not sm or sm.group(1) != sm.group(3):
                raise HeaderError(f"{where}: cannot read the struct {stmt!r}")
            api.structs[sm.group(1)] = Struct(sm.group(1), sm.group(2) is None, rel, item.first)
        else:
            raise HeaderError(f"{where}: unrecognised declaration {stmt!r}")
        last_comment = None
        prev_decl_last = item.last
    if guards:
        raise HeaderError(f"{path}: #if without #endif at end of file")
    del name


def parse_files(paths: Sequence[str]) -> Api:
    """Parses the headers in the order given (a header's enums may use earlier ones)."""
    api = Api()
    for p in paths:
        _parse_file(p, api)
    return api


def _include_order(directory: str) -> List[str]:
    """Module headers in the umbrella header's #include order, then any others by name."""
    sub = os.path.join(directory, "trustassess")
    if not os.path.isdir(sub):
        sub = directory
    found = sorted(f for f in os.listdir(sub) if f.endswith(".h"))
    order: List[str] = []
    umbrella = os.path.join(directory, "trustassess.h")
    if os.path.exists(umbrella):
        with open(umbrella, encoding="utf-8") as f:
            for m in re.finditer(r'#include\s+"trustassess/(\w+\.h)"', f.read()):
                if m.group(1) in found and m.group(1) not in order:
                    order.append(m.group(1))
    order += [f for f in found if f not in order]
    return [os.path.join(sub, f) for f in order]


def parse_dir(directory: str) -> Api:
    """Parses DIR/trustassess/*.h (DIR = an include directory, e.g. include/ or an
    installed prefix's include/), or the *.h of DIR itself if it has no trustassess/."""
    paths = _include_order(directory)
    if not paths:
        raise HeaderError(f"{directory}: no headers")
    return parse_files(paths)


def main(argv: Sequence[str]) -> int:
    as_json = "--json" in argv
    args = [a for a in argv if a != "--json"]
    if not args:
        args = [os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "include")]
    paths: List[str] = []
    for a in args:
        paths += _include_order(os.path.normpath(a)) if os.path.isdir(a) else [a]
    try:
        api = parse_files(paths)
    except HeaderError as e:
        print(f"ta_headers: {e}", file=sys.stderr)
        return 1
    if as_json:
        json.dump(api.as_dict(), sys.stdout, indent=1)
        print()
    else:
        for f in api.functions.values():
            print(f)
        for e in api.enums.values():
            print(e)
        print(f"{len(api.functions)} functions, {len(api.enums)} enums, "
              f"{len(api.defines)} defines, {len(api.structs)} structs in {len(paths)} headers")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
