"""Money as int pence (``trustassess/money.h``): the library's grammar and formatting."""

from __future__ import annotations

import ctypes

from ._handle import c_int, c_str, c_unsigned, check
from ._lib import lib
from .errors import strerror

__all__ = ["parse_money", "format_money", "PLAIN", "POUND", "GROUPED"]

PLAIN = 0  #: "-1234567.89"
POUND = 1  #: "£" after any sign
GROUPED = 2  #: thousands separated by ","


def parse_money(text: str, signed: bool = False) -> int:
    """Money text ("£100m", "1,234.56", "2.5bn") as int pence; negative
    amounts only with `signed`. ParseError/RangeError with the text."""
    out = ctypes.c_int64()
    fn = lib.ta_money_parse_signed if signed else lib.ta_money_parse
    status = fn(ctypes.byref(out), c_str(text, "text"))
    check(status, f"{strerror(status)}: {text!r}" if status else None)
    return out.value


def format_money(pence: int, flags: int = POUND | GROUPED) -> str:
    """Pence as text ("£1,234,567.89" by default; flags PLAIN, POUND, GROUPED)."""
    v = c_int(pence, "pence")
    if not -(1 << 63) <= v < (1 << 63):
        check(7, f"{v} pence does not fit 64 bits")
    buf = ctypes.create_string_buffer(32)
    check(lib.ta_money_format(buf, len(buf), v, c_unsigned(flags, "flags", 32)))
    return buf.value.decode("utf-8")
