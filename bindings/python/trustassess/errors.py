"""Exceptions: one class per ``ta_status`` code, all under :class:`TrustAssessError`.

Each class also derives from the built-in exception a Python programmer would
catch for that kind of failure (``ValueError``, ``LookupError``, ``OSError``,
``MemoryError``, ``RuntimeError``), so ``except ValueError`` works as
expected. The message is the library's own: the handle's last error
(``ta_<noun>_error``, naming file, line and column for text input) when it has
one, else ``ta_strerror``.

=====================  ==========================================================
``ta_status``          exception
=====================  ==========================================================
``TA_EINVAL``          :class:`InvalidArgumentError` (``ValueError``)
``TA_ENOMEM``          :class:`OutOfMemoryError` (``MemoryError``)
``TA_ENOTFOUND``       :class:`NotFoundError` (``LookupError``)
``TA_EDUPLICATE``      :class:`DuplicateError` (``ValueError``)
``TA_EPARSE``          :class:`ParseError` (``ValueError``)
``TA_EIO``             :class:`TrustAssessIOError` (``OSError``)
``TA_ERANGE``          :class:`RangeError` (``ValueError``)
``TA_ESTATE``          :class:`StateError` (``RuntimeError``)
``TA_EINCONSISTENT``   :class:`InconsistentError` (``ValueError``)
=====================  ==========================================================

A handle used after ``close()`` raises :class:`ClosedError`, a
:class:`StateError`. Library loading failures are ``ImportError`` subclasses
(:class:`LibraryNotFoundError`, :class:`LibraryVersionError`).
"""

from __future__ import annotations

from typing import Dict, Optional, Type

from ._lib import LibraryNotFoundError, LibraryVersionError, lib

__all__ = [
    "TrustAssessError",
    "InvalidArgumentError",
    "OutOfMemoryError",
    "NotFoundError",
    "DuplicateError",
    "ParseError",
    "TrustAssessIOError",
    "RangeError",
    "StateError",
    "ClosedError",
    "InconsistentError",
    "LibraryNotFoundError",
    "LibraryVersionError",
]


class TrustAssessError(Exception):
    """Base of every error the library reports.

    Attributes:
        status: the ``ta_status`` code (0 for errors raised by the package itself).
        message: the library's message.
    """

    status: int = 0

    def __init__(self, message: str, status: Optional[int] = None) -> None:
        Exception.__init__(self, message)
        self.message = message
        if status is not None:
            self.status = status

    def __str__(self) -> str:
        return self.message


class InvalidArgumentError(TrustAssessError, ValueError):
    """TA_EINVAL: an argument is NULL, NaN, infinite or out of range."""

    status = 1


class OutOfMemoryError(TrustAssessError, MemoryError):
    """TA_ENOMEM: the allocator returned NULL."""

    status = 2


class NotFoundError(TrustAssessError, LookupError):
    """TA_ENOTFOUND: unknown identifier (metric, trust, preset, period)."""

    status = 3


class DuplicateError(TrustAssessError, ValueError):
    """TA_EDUPLICATE: an identifier given twice (trust, metric, row)."""

    status = 4


class ParseError(TrustAssessError, ValueError):
    """TA_EPARSE: malformed text (CSV, number, date); the message names line and column."""

    status = 5


class TrustAssessIOError(TrustAssessError, OSError):
    """TA_EIO: a file could not be opened, read or written."""

    status = 6

    def __init__(self, message: str, status: Optional[int] = None) -> None:
        # OSError's constructor reads (errno, strerror) out of two arguments:
        # give it one, the message.
        OSError.__init__(self, message)
        self.message = message
        if status is not None:
            self.status = status


class RangeError(TrustAssessError, ValueError):
    """TA_ERANGE: a value overflows or lies outside its domain."""

    status = 7


class StateError(TrustAssessError, RuntimeError):
    """TA_ESTATE: the handle is not in a state that allows the call."""

    status = 8


class ClosedError(StateError):
    """The object was closed; its C handle is gone."""


class InconsistentError(TrustAssessError, ValueError):
    """TA_EINCONSISTENT: inputs contradict each other."""

    status = 9


_BY_STATUS: Dict[int, Type[TrustAssessError]] = {
    cls.status: cls
    for cls in (
        InvalidArgumentError,
        OutOfMemoryError,
        NotFoundError,
        DuplicateError,
        ParseError,
        TrustAssessIOError,
        RangeError,
        StateError,
        InconsistentError,
    )
}


def strerror(status: int) -> str:
    """``ta_strerror``: the library's short description of a status code."""
    return lib.ta_strerror(status).decode("utf-8")


def error_for(status: int, message: Optional[str] = None) -> TrustAssessError:
    """The exception for a non-zero status, with `message` or ``ta_strerror``."""
    cls = _BY_STATUS.get(status, TrustAssessError)
    return cls(message or strerror(status), status)
