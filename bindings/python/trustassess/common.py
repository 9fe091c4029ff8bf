"""Library-wide helpers of ``trustassess/common.h``: version, status text, and
locale-independent number text (the decimal point is always ``.``)."""

from __future__ import annotations

import ctypes

from ._handle import c_double, c_signed, c_str, check
from ._lib import lib, version
from .errors import strerror

__all__ = ["version", "version_number", "strerror", "parse_decimal", "format_decimal"]


def version_number() -> int:
    """``ta_version()``: major * 10000 + minor * 100 + patch."""
    return lib.ta_version()


def parse_decimal(text: str) -> float:
    """Parses a whole string as a decimal number ("2.06", "-1.5e3"), whatever the
    locale. ParseError for malformed text, RangeError on overflow."""
    out = ctypes.c_double()
    status = lib.ta_decimal_parse(ctypes.byref(out), c_str(text, "text"))
    check(status, f"{strerror(status)}: {text!r}" if status else None)
    return out.value


def format_decimal(x: float, decimals: int) -> str:
    """``x`` with exactly `decimals` (0..9) decimals, rounded half up as the
    library publishes it (3.085 gives "3.09"), whatever the locale."""
    buf = ctypes.create_string_buffer(64)
    check(lib.ta_decimal_format(buf, len(buf), c_double(x, "x"), c_signed(decimals, "decimals")))
    return buf.value.decode("ascii")
