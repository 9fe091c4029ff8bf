#!/usr/bin/env python3
"""The layering of lib/, checked: docs/architecture.md's layers are the law.

    scripts/check-layers.py [--print] [OBJECT.o ...]

Reads the layer table of docs/architecture.md (the lines between
"<!-- layers -->" and "<!-- /layers -->": `| N | module | public headers |`),
then derives from lib/ two graphs of files:

  include  each lib/ file to the files it #includes ("x.h" beside it, under
           lib/, or a public header under include/);
  call     with object files given (the test command passes the library's),
           each source to the sources defining the non-static functions it
           calls (nm: undefined symbols of one object, defined in another).

and fails, naming the files, on
  - an arrow upward or sideways: a file of module M using a file of module N
    where N's layer is not below M's (public headers belong to the module
    the table gives them);
  - another module's internal header: `*_internal.h` is for its own module;
  - a cycle of files (a strongly connected set of two or more files);
  - a module of lib/ or a public header the table does not place.
A line "<!-- narrow: A -> B: HEADER|FUNCTION ... -->" in the doc narrows what
module A may call of module B to the functions those headers declare and the
functions it names (so io, which
may use nof, reaches only its loader interface and getters, never a rule).
A problem listed between "<!-- known -->" and "<!-- /known -->" in
docs/architecture.md (one "- `KEY`" a line, KEY as printed in brackets) is
reported but does not fail: it is debt with a name, to be paid and removed.
A listed problem that is no longer found fails, so the list only shrinks.
--print writes the module graph it found (one "A -> B" a line) first.
Only the standard library is used, so it runs on any Python 3.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_layers():
    text = open(os.path.join(ROOT, "docs", "architecture.md"), encoding="utf-8").read()
    m = re.search(r"<!-- layers -->(.*?)<!-- /layers -->", text, re.S)
    if not m:
        sys.exit("check-layers: docs/architecture.md has no <!-- layers --> table")
    layer, header_module = {}, {}
    for line in m.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].isdigit():
            continue
        layer[cells[1]] = int(cells[0])
        for h in cells[2].replace("`", "").split():
            header_module["include/trustassess/" + h] = cells[1]
    known = set(re.findall(r"^- `([^`]+)`", (re.search(r"<!-- known -->(.*?)<!-- /known -->",
                                                          text, re.S) or [None, ""])[1], re.M))
    narrow = {}
    for a, b, headers in re.findall(r"<!-- narrow: (\w+) -> (\w+): ([^>]*?) -->", text):
        names = set()
        for h in headers.split():
            if not h.endswith(".h"):
                names.add(h)  # a function named on its own
                continue
            src = open(os.path.join(ROOT, h), encoding="utf-8").read()
            names |= set(re.findall(r"\b(ta_\w+|tai_\w+)\s*\(", src))
        narrow[(a, b)] = (headers.split(), names)
    return layer, header_module, known, narrow


def lib_files():
    out = []
    for d, _, names in os.walk(os.path.join(ROOT, "lib")):
        for n in names:
            if n.endswith((".c", ".h")):
                out.append(os.path.relpath(os.path.join(d, n), ROOT))
    return sorted(out)


def resolve(src, inc):
    for cand in (os.path.join(os.path.dirname(src), inc), os.path.join("lib", inc),
                 os.path.join("include", inc)):
        if os.path.isfile(os.path.join(ROOT, cand)):
            return os.path.normpath(cand)
    return None


def include_edges(files):
    edges = set()
    for f in files:
        for line in open(os.path.join(ROOT, f), encoding="utf-8"):
            m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if m:
                target = resolve(f, m.group(1))
                if target is None:
                    sys.exit("check-layers: %s includes %s, which is not found" % (f, m.group(1)))
                edges.add((f, target, "includes"))
    return edges


def source_of(obj):
    m = re.search(r"(lib/.*\.c)\.o$", obj.replace(os.sep, "/"))
    return m.group(1) if m else None


def call_edges(objects):
    defined, undefined = {}, {}
    for obj in objects:
        src = source_of(obj)
        if src is None:
            continue
        out = subprocess.run(["nm", "-P", obj], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            parts = line.split()
            if len(parts) < 2:
                continue
            name, kind = parts[0], parts[1]
            if kind == "U":
                undefined.setdefault(src, set()).add(name)
            elif kind in "TDBR":
                defined[name] = src
    edges = set()
    for src, names in undefined.items():
        for n in names:
            if n in defined and defined[n] != src:
                edges.add((src, defined[n], "calls " + n))
    return edges


def module_of(f, header_module):
    if f.startswith("lib/"):
        parts = f.split("/")
        return parts[1] if len(parts) > 2 else None
    return header_module.get(f)


def cycles(nodes, succ):
    """Tarjan's strongly connected components of two or more nodes."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        work = [(v, iter(sorted(succ.get(v, ()))))]
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        while work:
            node, it = work[-1]
            advanced = False
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(succ.get(w, ())))))
                    advanced = True
                    break
                if w in on:
                    low[node] = min(low[node], index[w])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == node:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return out


def main(argv):
    show = "--print" in argv
    # CMake passes $<TARGET_OBJECTS:...> as one ;-separated argument.
    objects = [o for a in argv if a != "--print" for o in a.split(";") if o]
    layer, header_module, known, narrow = read_layers()
    files = lib_files()
    edges = include_edges(files) | call_edges(objects)
    problems = []

    for d in sorted(os.listdir(os.path.join(ROOT, "lib"))):
        if os.path.isdir(os.path.join(ROOT, "lib", d)) and d not in layer:
            problems.append(("lib/%s/" % d, "a module the layer table does not place"))
    for h in sorted(os.listdir(os.path.join(ROOT, "include", "trustassess"))):
        if "include/trustassess/" + h not in header_module:
            problems.append(("include/trustassess/" + h, "a header the layer table does not place"))

    module_edges = {}
    for a, b, how in sorted(edges):
        ma, mb = module_of(a, header_module), module_of(b, header_module)
        if ma is None or mb is None or ma == mb:
            continue
        module_edges.setdefault((ma, mb), (a, b, how))
        if b.endswith("_internal.h"):
            problems.append(("%s -> %s" % (a, b), "another module's internal header"))
        if (ma, mb) in narrow and how.startswith("calls "):
            headers, names = narrow[(ma, mb)]
            if how[6:] not in names:
                problems.append(("%s -> %s" % (a, b), "%s, which %s may not call (only %s)" % (how, ma, " ".join(headers))))
        if ma in layer and mb in layer and layer[mb] >= layer[ma]:
            problems.append(("%s -> %s" % (a, b), "%s, layer %d, %s of %s, layer %d: not a lower layer"
                             % (ma, layer[ma], how, mb, layer[mb])))

    succ = {}
    for a, b, _ in edges:
        if a != b:
            succ.setdefault(a, set()).add(b)
    for comp in cycles(set(files) | {b for _, b, _ in edges}, succ):
        problems.append(("cycle " + " <-> ".join(comp), "a cycle of files"))

    if show:
        for (ma, mb), (a, b, how) in sorted(module_edges.items()):
            print("%s -> %s   (e.g. %s %s %s)" % (ma, mb, a, how, b))
    failing, tolerated_count, seen = 0, 0, set()
    for key, text in problems:
        tolerated = key in known
        seen.add(key)
        tolerated_count += 1 if tolerated else 0
        failing += 0 if tolerated else 1
        print("check-layers: %s [%s] %s" % ("known:" if tolerated else "FAIL:", key, text))
    for key in sorted(known - seen):
        failing += 1
        print("check-layers: FAIL: [%s] is listed as known but no longer found: remove it" % key)
    kinds = "includes and calls" if objects else "includes"
    print("check-layers: %d files, %d edges (%s), %d module arrows, %d problems (%d known), "
          "%d failing" % (len(files), len(edges), kinds, len(module_edges), len(problems),
                          tolerated_count, failing))
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
