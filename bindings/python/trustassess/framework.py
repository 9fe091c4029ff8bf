"""Frameworks: the methodology as data (``trustassess/framework.h``).

>>> import trustassess as ta
>>> fw = ta.Framework.preset("nof-2025-26")
>>> fw.segment_count, fw.decimals
(4, 2)

A :class:`Framework` is immutable; it may be shared by any number of trusts
and assessments, each of which keeps it alive. Build one from a preset, a
catalogue CSV file (:meth:`Framework.from_csv`), catalogue text
(:meth:`Framework.from_csv_text`) or in code with :class:`FrameworkBuilder`.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from fractions import Fraction
from typing import List, Optional, Sequence, Tuple

from . import _handle
from ._handle import Handle, PathLike, c_double, c_path, c_str, check, enum_arg
from ._lib import lib, text
from .enums import CutoffRule, Direction, Figure, Quantile, Scoring

__all__ = ["Framework", "FrameworkBuilder", "MetricInfo", "DomainInfo", "preset_names"]


@dataclass(frozen=True)
class MetricInfo:
    """One metric of a framework's catalogue."""

    index: int
    id: str  #: the score ID, e.g. ``"OF1005"``
    name: str
    domain: str  #: the domain's key
    raw_id: str  #: the raw value's ID (``""`` when there is none)
    scoring: Scoring
    direction: Direction
    in_average: bool
    weight: Fraction = Fraction(1)  #: weight in the average (one third for infection rates)
    source: str = ""  #: where the definition comes from ("our reading: ..." where the manual is silent)
    threshold: Optional[float] = None  #: the standard or floor, when the metric has one


@dataclass(frozen=True)
class DomainInfo:
    """One domain of a framework."""

    index: int
    key: str
    name: str
    score_id: str


def preset_names() -> List[str]:
    """The names of the built-in presets (``ta_framework_preset_name``)."""
    return [
        lib.ta_framework_preset_name(i).decode("utf-8")
        for i in range(lib.ta_framework_preset_count())
    ]


class Framework(Handle):
    """An immutable framework (``ta_framework``). Use the class methods to make one."""

    _free_name = "ta_framework_free"
    _kind = "framework"

    def __init__(self, ptr: int) -> None:
        """Wraps an owned ``ta_framework *``; use :meth:`preset` or :meth:`from_csv`."""
        super().__init__(ptr)

    # -- making ------------------------------------------------------------

    @classmethod
    def preset(cls, name: str = "nof-2025-26") -> "Framework":
        """A built-in framework by name; NotFoundError for an unknown name."""
        out = ctypes.c_void_p()
        status = lib.ta_framework_preset(ctypes.byref(out), c_str(name, "name"), None)
        if status != 0:
            check(status, f"no preset framework named {name!r} (presets: "
                  f"{', '.join(preset_names())})" if status == 3 else None)
        return cls(out.value)  # type: ignore[arg-type]

    @staticmethod
    def preset_text(name: str = "nof-2025-26") -> str:
        """The catalogue CSV text of a built-in preset (start of your own catalogue)."""
        t = lib.ta_framework_preset_text(c_str(name, "name"))
        if t is None:
            check(3, f"no preset framework named {name!r}")
        return t.decode("utf-8")

    @staticmethod
    def preset_names() -> List[str]:
        """The names of the built-in presets."""
        return preset_names()

    @classmethod
    def from_csv(cls, path: PathLike, name: Optional[str] = None) -> "Framework":
        """A framework from a catalogue CSV file (docs/framework-csv.md).

        Errors name the file, line and column: TrustAssessIOError when it cannot
        be read, ParseError for malformed text.
        """
        p = c_path(path)
        with FrameworkBuilder(name if name is not None else p.decode("utf-8", "replace")) as b:
            b.load_csv(path)
            return b.build()

    @classmethod
    def from_csv_text(cls, data: str, name: str = "<text>") -> "Framework":
        """A framework from catalogue CSV text; `name` labels it in messages."""
        with FrameworkBuilder(name) as b:
            b.load_csv_text(data, name)
            return b.build()

    # -- reading -----------------------------------------------------------

    @property
    def name(self) -> str:
        return lib.ta_framework_name(self._h()).decode("utf-8")

    @property
    def metric_count(self) -> int:
        return lib.ta_framework_metric_count(self._h())

    def metric_ids(self) -> List[str]:
        """The metrics' score IDs, in catalogue order."""
        h = self._h()
        return [lib.ta_framework_metric_id(h, i).decode("utf-8") for i in range(self.metric_count)]

    def metric_index(self, metric_id: str) -> int:
        """The index of a metric by score ID or raw-value ID; NotFoundError if absent."""
        idx = ctypes.c_size_t()
        status = lib.ta_framework_metric_index(
            ctypes.byref(idx), self._h(), c_str(metric_id, "metric_id")
        )
        if status != 0:
            check(status, f"the framework has no metric {metric_id!r}" if status == 3 else None)
        return idx.value

    def metric(self, metric: "int | str") -> MetricInfo:
        """Facts about a metric, by index or ID."""
        i = (self.metric_index(metric) if isinstance(metric, str)
             else _handle.c_unsigned(metric, "metric", 64))
        scoring, direction, in_avg = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
        h = self._h()
        check(lib.ta_framework_metric_scoring(ctypes.byref(scoring), h, i))
        check(lib.ta_framework_metric_direction(ctypes.byref(direction), h, i))
        check(lib.ta_framework_metric_in_average(ctypes.byref(in_avg), h, i))
        num, den, th = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_double()
        check(lib.ta_framework_metric_weight(ctypes.byref(num), ctypes.byref(den), h, i))
        has_th = lib.ta_framework_metric_threshold(ctypes.byref(th), h, i) == 0
        return MetricInfo(i, lib.ta_framework_metric_id(h, i).decode("utf-8"),
                          text(lib.ta_framework_metric_name(h, i)) or "",
                          text(lib.ta_framework_metric_domain(h, i)) or "",
                          text(lib.ta_framework_metric_raw_id(h, i)) or "",
                          Scoring(scoring.value), Direction(direction.value), bool(in_avg.value),
                          Fraction(num.value, den.value),
                          text(lib.ta_framework_metric_source(h, i)) or "",
                          th.value if has_th else None)

    def metric_pool(self, metric: "int | str", period: str) -> Optional[Tuple[int, str]]:
        """The comparison pool (size, source) of a metric in a period, or ``None``
        when the framework holds none (``ta_framework_metric_pool``)."""
        i = (self.metric_index(metric) if isinstance(metric, str)
             else _handle.c_unsigned(metric, "metric", 64))
        pool, src = ctypes.c_uint(), ctypes.c_char_p()
        status = lib.ta_framework_metric_pool(
            ctypes.byref(pool), ctypes.byref(src), self._h(), i, c_str(period, "period")
        )
        if status == 3:
            return None
        check(status)
        return pool.value, text(src.value) or ""

    @property
    def trust_types(self) -> List[str]:
        """The Trust_type texts the framework scores (``[]`` = any)."""
        h = self._h()
        return [lib.ta_framework_trust_type(h, i).decode("utf-8")
                for i in range(lib.ta_framework_trust_type_count(h))]

    def scores_trust_type(self, trust_type: str) -> bool:
        """Whether the framework scores trust type `trust_type`."""
        return bool(lib.ta_framework_scores_trust_type(self._h(), c_str(trust_type, "trust_type")))

    def metrics(self) -> List[MetricInfo]:
        """Every metric, in catalogue order."""
        return [self.metric(i) for i in range(self.metric_count)]

    @property
    def domain_count(self) -> int:
        return lib.ta_framework_domain_count(self._h())

    def domain(self, i: int) -> DomainInfo:
        key, name, sid = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_char_p()
        check(lib.ta_framework_domain_info(
            ctypes.byref(key), ctypes.byref(name), ctypes.byref(sid), self._h(),
            _handle.c_unsigned(i, "i", 64)
        ))
        return DomainInfo(i, text(key.value) or "", text(name.value) or "", text(sid.value) or "")

    def domains(self) -> List[DomainInfo]:
        """Every domain, in framework order."""
        return [self.domain(i) for i in range(self.domain_count)]

    @property
    def segment_count(self) -> int:
        """Scored segments (cut-offs + 1)."""
        return lib.ta_framework_segment_count(self._h())

    @property
    def deficit_cap(self) -> int:
        """Segment cap for a trust in financial deficit (0 = none)."""
        return lib.ta_framework_deficit_cap(self._h())

    @property
    def rsp_segment(self) -> int:
        """Final segment of a trust in the Recovery Support Programme (0 = none)."""
        return lib.ta_framework_rsp_segment(self._h())

    @property
    def decimals(self) -> int:
        """Decimals of published averages and scores."""
        return lib.ta_framework_decimals(self._h())

    @property
    def cutoff_rule(self) -> CutoffRule:
        return CutoffRule(lib.ta_framework_cutoff_rule(self._h()))

    @property
    def cutoffs(self) -> Tuple[float, ...]:
        """Explicit cut-offs; ``()`` when they are computed from the population."""
        h = self._h()
        count = ctypes.c_size_t()
        check(lib.ta_framework_cutoffs(None, 0, ctypes.byref(count), h))
        buf = (ctypes.c_double * max(count.value, 1))()
        check(lib.ta_framework_cutoffs(buf, count.value, ctypes.byref(count), h))
        return tuple(buf[: count.value])

    def figure_id(self, kind: Figure) -> Optional[str]:
        """The published ID of a result figure (``None`` if the framework names none)."""
        return text(lib.ta_framework_figure_id(self._h(), enum_arg(Figure, kind, "kind")))

    def __repr__(self) -> str:
        if self.closed:
            return "<Framework (closed)>"
        return f"<Framework {self.name!r}: {self.metric_count} metrics, {self.segment_count} segments>"


class FrameworkBuilder(Handle):
    """Builds a framework in code or from catalogue CSV (``ta_framework_builder``).

    Starts empty: no metrics or domains; 4 segments with cut-offs by QUARTILE.INC
    quartiles, ties to the better segment, deficit cap 3, RSP segment 5, 2 decimals.
    """

    _free_name = "ta_framework_builder_free"
    _error_name = "ta_framework_builder_error"
    _kind = "framework builder"

    def __init__(self, name: str) -> None:
        out = ctypes.c_void_p()
        check(lib.ta_framework_builder_new(ctypes.byref(out), c_str(name, "name"), None))
        super().__init__(out.value)  # type: ignore[arg-type]

    def add_domain(self, key: str, name: str, score_id: str) -> "FrameworkBuilder":
        self._check(lib.ta_framework_builder_add_domain(
            self._h(), c_str(key, "key"), c_str(name, "name"), c_str(score_id, "score_id")))
        return self

    def add_metric(self, metric_id: str, name: str, domain: str,
                   scoring: Scoring = Scoring.SUPPLIED, *, raw_id: Optional[str] = None,
                   direction: Optional[Direction] = None,
                   in_average: Optional[bool] = None) -> "FrameworkBuilder":
        """Adds a metric (and optionally its raw ID, direction and whether it
        enters the average)."""
        h = self._h()
        self._check(lib.ta_framework_builder_add_metric(
            h, c_str(metric_id, "metric_id"), c_str(name, "name"), c_str(domain, "domain"),
            enum_arg(Scoring, scoring, "scoring")))
        if raw_id is not None:
            self.set_raw_id(metric_id, raw_id)
        if direction is not None:
            self.set_direction(metric_id, direction)
        if in_average is not None:
            self.set_in_average(metric_id, in_average)
        return self

    def set_raw_id(self, metric_id: str, raw_id: str) -> "FrameworkBuilder":
        self._check(lib.ta_framework_builder_set_raw_id(
            self._h(), c_str(metric_id, "metric_id"), c_str(raw_id, "raw_id")))
        return self

    def set_direction(self, metric_id: str, direction: Direction) -> "FrameworkBuilder":
        self._check(lib.ta_framework_builder_set_direction(
            self._h(), c_str(metric_id, "metric_id"), enum_arg(Direction, direction, "direction")))
        return self

    def set_in_average(self, metric_id: str, in_average: bool) -> "FrameworkBuilder":
        if not isinstance(in_average, bool):
            raise TypeError("in_average must be bool")
        self._check(lib.ta_framework_builder_set_in_average(
            self._h(), c_str(metric_id, "metric_id"), int(in_average)))
        return self

    def set_standard(self, metric_id: str, standard: float) -> "FrameworkBuilder":
        self._check(lib.ta_framework_builder_set_standard(
            self._h(), c_str(metric_id, "metric_id"), c_double(standard, "standard")))
        return self

    def set_floor(self, metric_id: str, floor: float) -> "FrameworkBuilder":
        """The floor of a FLOOR-scored metric (failing it scores 4.00)."""
        self._check(lib.ta_framework_builder_set_floor(
            self._h(), c_str(metric_id, "metric_id"), c_double(floor, "floor")))
        return self

    def set_brackets(self, metric_id: str, cuts: Sequence[float],
                     scores: Sequence[float]) -> "FrameworkBuilder":
        """Bracket cut points (best first) and the len(cuts) + 1 brackets' scores."""
        arr, n = doubles(cuts, "cuts")
        sarr, ns = doubles(scores, "scores")
        if ns != n + 1:
            raise TypeError("scores must have one number more than cuts")
        self._check(lib.ta_framework_builder_set_brackets(
            self._h(), c_str(metric_id, "metric_id"), n, arr, sarr))
        return self

    def set_weight(self, metric_id: str, weight: "Fraction | int") -> "FrameworkBuilder":
        """The metric's exact weight in the average, e.g. ``Fraction(1, 3)``."""
        w = Fraction(weight)
        self._check(lib.ta_framework_builder_set_weight(
            self._h(), c_str(metric_id, "metric_id"), _handle.c_unsigned(w.numerator, "weight"),
            _handle.c_unsigned(w.denominator, "weight")))
        return self

    def set_source(self, metric_id: str, source: str) -> "FrameworkBuilder":
        """Where the metric's definition comes from."""
        self._check(lib.ta_framework_builder_set_source(
            self._h(), c_str(metric_id, "metric_id"), c_str(source, "source")))
        return self

    def set_pool(self, metric_id: str, period: str, pool: int,
                 source: Optional[str] = None) -> "FrameworkBuilder":
        """The metric's comparison pool size in `period` and where it comes from."""
        self._check(lib.ta_framework_builder_set_pool(
            self._h(), c_str(metric_id, "metric_id"), c_str(period, "period"),
            _handle.c_unsigned(pool, "pool"), None if source is None else c_str(source, "source")))
        return self

    def add_trust_type(self, trust_type: str) -> "FrameworkBuilder":
        """A Trust_type text the framework scores."""
        self._check(lib.ta_framework_builder_add_trust_type(
            self._h(), c_str(trust_type, "trust_type")))
        return self

    def set_bands(self, metric_id: str, cuts: Sequence[float]) -> "FrameworkBuilder":
        arr, n = doubles(cuts, "cuts")
        self._check(lib.ta_framework_builder_set_bands(
            self._h(), c_str(metric_id, "metric_id"), n, arr))
        return self

    def set_combination(self, metric_id: str, first_id: str, second_id: str,
                        table: Sequence[float]) -> "FrameworkBuilder":
        arr, n = doubles(table, "table")
        if n != 16:
            raise TypeError("table must have 16 numbers (4 x 4)")
        self._check(lib.ta_framework_builder_set_combination(
            self._h(), c_str(metric_id, "metric_id"), c_str(first_id, "first_id"),
            c_str(second_id, "second_id"), arr))
        return self

    def add_figure(self, kind: Figure, figure_id: str, name: str) -> "FrameworkBuilder":
        self._check(lib.ta_framework_builder_add_figure(
            self._h(), enum_arg(Figure, kind, "kind"), c_str(figure_id, "figure_id"),
            c_str(name, "name")))
        return self

    def set_cutoffs(self, cutoffs: Sequence[float]) -> "FrameworkBuilder":
        arr, n = doubles(cutoffs, "cutoffs")
        self._check(lib.ta_framework_builder_set_cutoffs(self._h(), n, arr))
        return self

    def set_cutoff_quartiles(self, definition: Quantile = Quantile.TYPE7) -> "FrameworkBuilder":
        self._check(lib.ta_framework_builder_set_cutoff_quartiles(
            self._h(), enum_arg(Quantile, definition, "definition")))
        return self

    def set_cutoff_rule(self, rule: CutoffRule) -> "FrameworkBuilder":
        self._check(lib.ta_framework_builder_set_cutoff_rule(
            self._h(), enum_arg(CutoffRule, rule, "rule")))
        return self

    def set_deficit_cap(self, segment: int) -> "FrameworkBuilder":
        self._check(lib.ta_framework_builder_set_deficit_cap(
            self._h(), _handle.c_signed(segment, "segment")))
        return self

    def set_rsp_segment(self, segment: int) -> "FrameworkBuilder":
        self._check(lib.ta_framework_builder_set_rsp_segment(
            self._h(), _handle.c_signed(segment, "segment")))
        return self

    def set_decimals(self, decimals: int) -> "FrameworkBuilder":
        self._check(lib.ta_framework_builder_set_decimals(
            self._h(), _handle.c_signed(decimals, "decimals")))
        return self

    def load_csv(self, path: PathLike) -> "FrameworkBuilder":
        """Adds a catalogue CSV file's definitions (errors name file, line, column)."""
        self._check(lib.ta_framework_builder_read_file(self._h(), c_path(path)))
        return self

    def load_csv_text(self, data: "str | bytes", name: str = "<text>") -> "FrameworkBuilder":
        """Adds catalogue CSV text; `name` labels it in messages."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if not isinstance(raw, bytes):
            raise TypeError(f"data must be str or bytes, not {type(data).__name__}")
        self._check(lib.ta_framework_builder_read_buffer(
            self._h(), raw, len(raw), c_str(name, "name")
        ))
        return self

    def build(self) -> Framework:
        """Validates and makes an immutable :class:`Framework` (the builder stays usable)."""
        out = ctypes.c_void_p()
        self._check(lib.ta_framework_builder_build(ctypes.byref(out), self._h()))
        return Framework(out.value)  # type: ignore[arg-type]


def doubles(values: Sequence[float], what: str) -> Tuple["ctypes.Array[ctypes.c_double]", int]:
    """A C array of the numbers in `values` and its length (TypeError for non-numbers)."""
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{what} must be a sequence of numbers")
    try:
        items = [c_double(v, what) for v in values]
    except TypeError as exc:
        if "must be a real number" in str(exc):
            raise
        raise TypeError(f"{what} must be a sequence of numbers") from None
    arr = (ctypes.c_double * max(len(items), 1))(*items)
    return arr, len(items)
