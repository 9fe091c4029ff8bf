"""What every object wrapping a C handle shares: ownership, closing, checking.

A :class:`Handle` owns one C pointer and frees it exactly once. ``close()``
(or leaving a ``with`` block) makes the object unusable at once: any later use
raises :class:`~trustassess.errors.ClosedError`, never touches freed memory.
The C memory itself is freed when the object is closed *and* nothing made from
it is still alive: an assessment holds its framework (the C API requires the
framework to outlive it), so closing the framework first only marks it closed,
and the framework's memory goes when the assessment goes. ``__del__`` does the
same for objects simply dropped.

Also here: the argument converters, which turn Python values into what the C
function takes and raise ``TypeError`` for a value of the wrong type before
anything reaches C.
"""

from __future__ import annotations


import numbers
import os
import threading
from typing import Any, Callable, List, Optional, Sequence, Union

from ._lib import lib
from .errors import ClosedError, error_for

PathLike = Union[str, "os.PathLike[str]"]


class Handle:
    """Base of objects that own a C handle. See the module docstring."""

    _free_name: str = ""  # e.g. "ta_framework_free"
    _error_name: Optional[str] = None  # e.g. "ta_framework_error"
    _kind: str = "object"

    def __init__(self, ptr: int, depends_on: Sequence["Handle"] = ()) -> None:
        self._ptr: Optional[int] = ptr
        self._closed = False
        self._users = 0
        self._lock = threading.Lock()
        self._depends_on: List[Handle] = [d for d in depends_on if d is not None]
        for d in self._depends_on:
            d._acquire()

    # -- lifetime ---------------------------------------------------------

    def _acquire(self) -> None:
        with self._lock:
            if self._closed:
                raise ClosedError(f"this {self._kind} is closed")
            self._users += 1

    def _release(self) -> None:
        with self._lock:
            self._users -= 1
            free_now = self._closed and self._users == 0
        if free_now:
            self._free()

    def _free(self) -> None:
        with self._lock:
            ptr, self._ptr = self._ptr, None
        if ptr is not None:
            if self._free_name:
                getattr(lib, self._free_name)(ptr)
            deps, self._depends_on = self._depends_on, []
            for d in deps:
                d._release()

    def close(self) -> None:
        """Frees the C handle (once whatever depends on it is gone). Idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            free_now = self._users == 0
        if free_now:
            self._free()

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._closed

    def __enter__(self) -> Any:
        self._h()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            # Nothing that still uses this object can be alive (it would hold
            # a reference), so the handle can go.
            self._closed = True
            self._free()
        except Exception:  # interpreter shutdown: modules may be gone
            pass

    # -- calls ------------------------------------------------------------

    def _h(self) -> int:
        """The live C pointer, or ClosedError."""
        if self._closed or self._ptr is None:
            raise ClosedError(f"this {self._kind} is closed")
        return self._ptr

    def _message(self) -> Optional[str]:
        if self._error_name is None or self._ptr is None:
            return None
        msg = getattr(lib, self._error_name)(self._ptr)
        return msg.decode("utf-8", "replace") if msg else None

    def _check(self, status: int) -> None:
        """Raises the exception for a non-zero status with this handle's message."""
        if status != 0:
            raise error_for(status, self._message())


def check(status: int, message: Optional[str] = None) -> None:
    """Raises the exception for a non-zero status of a call without a handle."""
    if status != 0:
        raise error_for(status, message)


# -- converters ------------------------------------------------------------


def c_str(value: Any, what: str) -> bytes:
    """A ``str`` as UTF-8 for a ``const char *`` argument; TypeError otherwise."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be str, not {type(value).__name__}")
    if "\0" in value:
        raise ValueError(f"{what} must not contain NUL characters")
    return value.encode("utf-8")


def c_opt_str(value: Any, what: str) -> Optional[bytes]:
    return None if value is None else c_str(value, what)


def c_path(value: Any, what: str = "path") -> bytes:
    """A path (``str``, ``bytes`` or ``os.PathLike``) for a ``const char *`` argument."""
    if not isinstance(value, (str, bytes, os.PathLike)):
        raise TypeError(f"{what} must be a str or os.PathLike, not {type(value).__name__}")
    path = os.fsencode(value)
    if b"\0" in path:
        raise ValueError(f"{what} must not contain NUL characters")
    return path


def c_double(value: Any, what: str) -> float:
    """A real number for a ``double`` argument (NaN and infinities are left to
    the library, which rejects them as TA_EINVAL); bool and others are TypeError."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{what} must be a real number, not {type(value).__name__}")
    return float(value)


def c_int(value: Any, what: str) -> int:
    """An integral number for an integer argument; TypeError for float/bool/other."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{what} must be an int, not {type(value).__name__}")
    return int(value)


def c_unsigned(value: Any, what: str, bits: int = 32) -> int:
    """A non-negative integer that fits `bits` bits (else InvalidArgumentError)."""
    v = c_int(value, what)
    if not 0 <= v < (1 << bits):
        raise error_for(1, f"{what} must lie in 0..{(1 << bits) - 1}, not {v}")
    return v


def c_signed(value: Any, what: str, bits: int = 32) -> int:
    v = c_int(value, what)
    if not -(1 << (bits - 1)) <= v < (1 << (bits - 1)):
        raise error_for(1, f"{what} does not fit a {bits}-bit integer: {v}")
    return v


def tristate(value: Optional[bool], what: str) -> int:
    """``None``/``False``/``True`` as TA_UNKNOWN/TA_NO/TA_YES."""
    if value is None:
        return -1
    if isinstance(value, bool):
        return 1 if value else 0
    raise TypeError(f"{what} must be True, False or None, not {type(value).__name__}")


def from_tristate(value: int) -> Optional[bool]:
    return None if value == -1 else bool(value)



def enum_arg(enum_cls: Callable[[Any], Any], value: Any, what: str) -> int:
    """An enum member, its int value or (for str-friendly enums) its name."""
    if isinstance(value, bool):
        raise TypeError(f"{what} must be a {enum_cls.__name__}, not bool")  # type: ignore[attr-defined]
    if isinstance(value, str):
        try:
            return int(enum_cls[value.upper().replace("-", "_")])  # type: ignore[index]
        except KeyError:
            raise ValueError(
                f"{what}: unknown {enum_cls.__name__} {value!r}"  # type: ignore[attr-defined]
            ) from None
    if isinstance(value, numbers.Integral):
        return int(enum_cls(int(value)))
    raise TypeError(
        f"{what} must be a {enum_cls.__name__}, not {type(value).__name__}"  # type: ignore[attr-defined]
    )
