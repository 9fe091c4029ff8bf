"""A trust and its evidence for one period (``trustassess/trust.h``).

>>> t = Trust(fw, "RX1", name="An NHS Trust", trust_type="Mental health and community trust")
>>> t.set_score("OF1005", 2.5)
>>> t.in_financial_deficit = False

Every metric ID is checked against the framework when it is set (an unknown
ID is :class:`~trustassess.errors.NotFoundError`). The trust keeps its
framework alive.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Mapping, Optional

from ._handle import (
    Handle,
    c_double,
    c_str,
    c_unsigned,
    check,
    enum_arg,
    from_tristate,
    tristate,
)
from ._lib import lib
from .enums import Flag, FtStatus, TrustField
from .framework import Framework

__all__ = ["Trust", "MetricInput"]


@dataclass(frozen=True)
class MetricInput:
    """What is set on a trust for one metric (``None`` where nothing is)."""

    value: Optional[float]
    score: Optional[float]


class Trust(Handle):
    """A trust's evidence for one period (``ta_trust``)."""

    _free_name = "ta_trust_free"
    _error_name = "ta_trust_error"
    _kind = "trust"

    def __init__(
        self,
        framework: Framework,
        code: str,
        *,
        name: Optional[str] = None,
        trust_type: Optional[str] = None,
        subtype: Optional[str] = None,
        region: Optional[str] = None,
        ft_status: Optional[FtStatus] = None,
        in_financial_deficit: Optional[bool] = None,
        in_recovery_support: Optional[bool] = None,
        values: Optional[Mapping[str, float]] = None,
        scores: Optional[Mapping[str, float]] = None,
    ) -> None:
        """A trust with ODS `code` (1..16 printable ASCII characters, no spaces).

        Keyword arguments set the descriptive fields, the foundation-trust
        status, the two flags (``None`` = unknown) and metric values/scores
        (mappings of metric ID to number).
        """
        if not isinstance(framework, Framework):
            raise TypeError(f"framework must be a Framework, not {type(framework).__name__}")
        out = ctypes.c_void_p()
        check(lib.ta_trust_new(ctypes.byref(out), framework._h(), c_str(code, "code"), None))
        super().__init__(out.value, [framework])  # type: ignore[arg-type]
        self.framework = framework
        for field, value in ((TrustField.NAME, name), (TrustField.TYPE, trust_type),
                             (TrustField.SUBTYPE, subtype), (TrustField.REGION, region)):
            if value is not None:
                self.set_field(field, value)
        if ft_status is not None:
            self.ft_status = ft_status  # type: ignore[assignment]
        self.in_financial_deficit = in_financial_deficit
        self.in_recovery_support = in_recovery_support
        for mid, v in (values or {}).items():
            self.set_value(mid, v)
        for mid, s in (scores or {}).items():
            self.set_score(mid, s)

    @property
    def code(self) -> str:
        return lib.ta_trust_code(self._h()).decode("utf-8")

    def set_field(self, field: TrustField, value: str) -> None:
        self._check(lib.ta_trust_set_field(self._h(), enum_arg(TrustField, field, "field"),
                                           c_str(value, "value")))

    def field(self, field: TrustField) -> str:
        v = lib.ta_trust_field_value(self._h(), enum_arg(TrustField, field, "field"))
        return "" if v is None else v.decode("utf-8")

    name = property(lambda self: self.field(TrustField.NAME),
                    lambda self, v: self.set_field(TrustField.NAME, v), doc="The trust's name.")
    trust_type = property(lambda self: self.field(TrustField.TYPE),
                          lambda self, v: self.set_field(TrustField.TYPE, v),
                          doc="League-table category, e.g. 'Mental health and community trust'.")
    subtype = property(lambda self: self.field(TrustField.SUBTYPE),
                       lambda self, v: self.set_field(TrustField.SUBTYPE, v), doc="e.g. 'Community'.")
    region = property(lambda self: self.field(TrustField.REGION),
                      lambda self, v: self.set_field(TrustField.REGION, v), doc="NHS region.")

    @property
    def ft_status(self) -> FtStatus:
        return FtStatus(lib.ta_trust_ft_status(self._h()))

    @ft_status.setter
    def ft_status(self, value: FtStatus) -> None:
        self._check(lib.ta_trust_set_ft_status(self._h(), enum_arg(FtStatus, value, "ft_status")))

    def set_flag(self, flag: Flag, value: Optional[bool]) -> None:
        """Sets a flag: True, False or None (unknown)."""
        self._check(lib.ta_trust_set_flag(self._h(), enum_arg(Flag, flag, "flag"),
                                          tristate(value, "value")))

    def flag(self, flag: Flag) -> Optional[bool]:
        return from_tristate(lib.ta_trust_flag(self._h(), enum_arg(Flag, flag, "flag")))

    @property
    def flags(self) -> dict:
        """Both flags as ``{Flag: True/False/None}``."""
        return {f: self.flag(f) for f in Flag}

    in_financial_deficit = property(
        lambda self: self.flag(Flag.FINANCIAL_DEFICIT),
        lambda self, v: self.set_flag(Flag.FINANCIAL_DEFICIT, v),
        doc="In financial deficit or receiving deficit support (None = unknown: no cap).")
    in_recovery_support = property(
        lambda self: self.flag(Flag.RECOVERY_SUPPORT),
        lambda self, v: self.set_flag(Flag.RECOVERY_SUPPORT, v),
        doc="In the Recovery Support Programme (None = unknown: final segment unknown).")

    def set_value(self, metric_id: str, value: float) -> None:
        """The raw value of a metric (by score ID or raw-value ID). NaN/inf: InvalidArgumentError."""
        self._check(lib.ta_trust_set_value(self._h(), c_str(metric_id, "metric_id"),
                                           c_double(value, "value")))

    def set_score(self, metric_id: str, score: float) -> None:
        """A supplied score in [1, 4] (else RangeError)."""
        self._check(lib.ta_trust_set_score(self._h(), c_str(metric_id, "metric_id"),
                                           c_double(score, "score")))

    def set_rank(self, metric_id: str, rank: int, pool_size: int) -> None:
        """A rank (1 = best) within a pool of `pool_size` trusts, for rank-scored metrics."""
        self._check(lib.ta_trust_set_rank(self._h(), c_str(metric_id, "metric_id"),
                                          c_unsigned(rank, "rank"),
                                          c_unsigned(pool_size, "pool_size")))

    def clear_metric(self, metric_id: str) -> None:
        """Removes everything set for the metric."""
        self._check(lib.ta_trust_clear_metric(self._h(), c_str(metric_id, "metric_id")))

    def metric(self, metric_id: str) -> MetricInput:
        """What is set for a metric."""
        hv, hs = ctypes.c_int(), ctypes.c_int()
        v, s = ctypes.c_double(), ctypes.c_double()
        mid = c_str(metric_id, "metric_id")
        self._check(lib.ta_trust_metric_value(ctypes.byref(hv), ctypes.byref(v), self._h(), mid))
        self._check(lib.ta_trust_metric_score(ctypes.byref(hs), ctypes.byref(s), self._h(), mid))
        return MetricInput(v.value if hv.value else None, s.value if hs.value else None)

    def __repr__(self) -> str:
        if self.closed:
            return "<Trust (closed)>"
        return f"<Trust {self.code} {self.name!r}>"
