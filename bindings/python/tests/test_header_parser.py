"""scripts/ta_headers.py, the header parser the binding checks and the API
convention check rely on: what it reads from a header, and that it refuses
what it cannot read rather than skip it (a skipped declaration would be a
declaration no check sees)."""

import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "scripts"))
import ta_headers  # noqa: E402

HEADER = """\
/*
 * A test header: what it is for.
 */
#ifndef TRUSTASSESS_DEMO_H
#define TRUSTASSESS_DEMO_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ta_demo ta_demo;

/* Colours. */
typedef enum ta_colour {
    TA_RED = 2,   /* the first */
    TA_GREEN,     /* implicit: 3 */
    TA_BLUE = TA_GREEN << 2,
    TA_ANY = -1
} ta_colour;

#define TA_DEMO_BITS 4u /* four */

/* Makes a demo. */
TA_API ta_status ta_demo_new(ta_demo **out, const char *name,
                             const ta_allocator *alloc);
TA_API void ta_demo_free(ta_demo *d);

/* The values, into a caller's array. */
#define TA_DEMO_MAX 8
TA_API ta_status ta_demo_values(const ta_demo *d, double values[], size_t n,
                                unsigned int *count);
TA_API int64_t ta_demo_total(const ta_demo *d); /* pence */

TA_API const char *ta_demo_uncommented(const ta_demo *d);

#ifdef TA_EXPERIMENTAL_API
/* May change. */
TA_API ta_status ta_demo_try(ta_demo *d, ta_colour c);
#else
TA_API ta_status ta_demo_stable(ta_demo *d);
#endif

#ifdef __cplusplus
}
#endif

#endif /* TRUSTASSESS_DEMO_H */
"""


def parse(tmp_path, text):
    path = tmp_path / "demo.h"
    path.write_text(text)
    return ta_headers.parse_files([str(path)])


def test_functions(tmp_path):
    api = parse(tmp_path, HEADER)
    assert list(api.functions) == ["ta_demo_new", "ta_demo_free", "ta_demo_values",
                                   "ta_demo_total", "ta_demo_uncommented", "ta_demo_try",
                                   "ta_demo_stable"]
    new = api.functions["ta_demo_new"]
    assert new.returns.text == "ta_status"
    assert [(p.type.text, p.name) for p in new.params] == [
        ("ta_demo **", "out"), ("const char *", "name"), ("const ta_allocator *", "alloc")]
    assert new.params[1].type.base == "char" and new.params[1].type.const
    assert new.params[0].type.pointers == 2 and not new.params[0].type.const
    assert new.comment == new.group_comment == "Makes a demo."
    assert new.line == 26 and not new.experimental
    free = api.functions["ta_demo_free"]
    assert free.returns.text == "void" and free.comment is None
    assert free.group_comment == "Makes a demo."
    values = api.functions["ta_demo_values"]
    assert values.params[1].type.array and values.params[1].type.pointers == 1
    assert values.params[3].type.text == "unsigned int *"
    # A #define between the comment and the function does not detach the comment.
    assert values.group_comment == "The values, into a caller's array."
    total = api.functions["ta_demo_total"]
    assert total.trailing_comment == "pence" and total.returns.base == "int64_t"
    unc = api.functions["ta_demo_uncommented"]
    assert (unc.comment, unc.group_comment, unc.trailing_comment) == (None, None, None)
    assert api.functions["ta_demo_try"].experimental
    assert api.functions["ta_demo_try"].comment == "May change."
    assert not api.functions["ta_demo_stable"].experimental


def test_enums_defines_structs(tmp_path):
    api = parse(tmp_path, HEADER)
    colour = api.enums["ta_colour"]
    assert colour.values() == {"TA_RED": 2, "TA_GREEN": 3, "TA_BLUE": 12, "TA_ANY": -1}
    assert [c.explicit for c in colour.constants] == [True, False, True, True]
    assert colour.constants[0].comment == "the first"
    assert colour.comment == "Colours."
    assert api.constants["TA_BLUE"] == 12
    assert api.defines["TA_DEMO_BITS"].value == 4
    assert api.defines["TA_DEMO_BITS"].comment == "four"
    assert "TRUSTASSESS_DEMO_H" not in api.defines
    assert api.structs["ta_demo"].opaque


@pytest.mark.parametrize("bad", [
    "TA_API int ta_f(int (*cb)(void));",          # function pointer
    "TA_API int ta_f(int a, ...);",               # variadic
    "TA_API int ta_f();",                         # no (void)
    "int ta_g(void);",                            # a declaration without TA_API
    "typedef enum ta_e { TA_E1 = SOMETHING } ta_e;",  # a value it cannot evaluate
    "typedef enum ta_e { TA_E1 } ta_other;",      # tag and name differ
    "#ifdef X\nTA_API int ta_f(void);\n",         # #if without #endif
])
def test_refuses_what_it_cannot_read(tmp_path, bad):
    with pytest.raises(ta_headers.HeaderError) as err:
        parse(tmp_path, bad + "\n")
    assert "demo.h" in str(err.value)


def test_the_command_line(capsys):
    assert ta_headers.main([str(ROOT / "include")]) == 0
    out = capsys.readouterr().out
    assert "ta_strerror(ta_status status)" in out
    assert out.rstrip().endswith("headers")
