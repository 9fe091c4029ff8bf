"""Capital-investment routes, the £100m light-paperwork rule (``trustassess/capital.h``).

>>> with ta.CapitalRules.preset("capital-2025") as rules:
...     p = ta.CapitalProposal("RX1", "S1", status=ta.FtStatus.ADVANCED_FOUNDATION_TRUST,
...                            amount=ta.parse_money("£80m"), savings=ta.parse_money("£90m"))
...     v = p.check(rules)
>>> v.route, v.approvers, v.documents

Amounts are int pence (see :mod:`trustassess.money`). A verdict is a frozen
:class:`CapitalVerdict` with every rule that decided it.
"""

from __future__ import annotations

import ctypes
import datetime
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple, Union

from ._frame import frame
from ._handle import (
    Handle,
    PathLike,
    c_int,
    c_path,
    c_signed,
    c_str,
    c_unsigned,
    check,
    enum_arg,
    from_tristate,
    tristate,
)
from ._lib import TaDate, lib, text
from .dates import from_c, to_c
from .enums import (
    CapitalBody,
    CapitalFunding,
    CapitalParam,
    CapitalRoute,
    CapitalTier,
    Document,
    FtStatus,
)

__all__ = ["CapitalRules", "CapitalProposal", "CapitalPortfolio", "CapitalVerdict",
           "CapitalVerdicts", "CAPITAL_COLUMNS", "RowError", "capital_preset_names"]

KEEP_GOING = 1


def _pence(value: int, what: str) -> int:
    v = c_int(value, what)
    if not -(1 << 63) <= v < (1 << 63):
        check(7, f"{what}: {v} pence does not fit 64 bits")
    return v


def capital_preset_names() -> List[str]:
    """Names of the built-in rule sets."""
    return [lib.ta_capital_rules_preset_name(i).decode("utf-8")
            for i in range(lib.ta_capital_rules_preset_count())]


class CapitalRules(Handle):
    """A capital rule set (``ta_capital_rules``); every parameter has a source id."""

    _free_name = "ta_capital_rules_free"
    _error_name = "ta_capital_rules_error"
    _kind = "capital rule set"

    def __init__(self, name: str = "custom") -> None:
        """A rule set named `name` holding the capital-2025 values, to change."""
        out = ctypes.c_void_p()
        check(lib.ta_capital_rules_new(ctypes.byref(out), c_str(name, "name"), None))
        super().__init__(out.value)  # type: ignore[arg-type]

    @classmethod
    def preset(cls, name: str = "capital-2025") -> "CapitalRules":
        """A built-in rule set; NotFoundError for an unknown name."""
        out = ctypes.c_void_p()
        status = lib.ta_capital_rules_preset(ctypes.byref(out), c_str(name, "name"), None)
        if status:
            check(status, f"no capital rule set named {name!r}" if status == 3 else None)
        self = cls.__new__(cls)
        Handle.__init__(self, out.value)  # type: ignore[arg-type]
        return self

    @property
    def name(self) -> str:
        return lib.ta_capital_rules_name(self._h()).decode("utf-8")

    def get(self, param: CapitalParam) -> Tuple[int, str]:
        """(value, source id) of a parameter."""
        v, src = ctypes.c_int64(), ctypes.c_char_p()
        self._check(lib.ta_capital_rules_get(
            ctypes.byref(v), ctypes.byref(src), self._h(), enum_arg(CapitalParam, param, "param")
        ))
        return v.value, text(src.value) or ""

    def value_text(self, param: CapitalParam) -> str:
        """The parameter's value as rules-file text ("£100,000,000.00", "SOC;OBC;FBC")."""
        buf = ctypes.create_string_buffer(256)
        self._check(lib.ta_capital_rules_value_text(
            buf, len(buf), self._h(), enum_arg(CapitalParam, param, "param")
        ))
        return buf.value.decode("utf-8")

    def set(self, param: CapitalParam, value: int, source: str) -> None:
        """Sets a parameter (int: pence, 0/1 or bits) with its source id."""
        self._check(lib.ta_capital_rules_set(self._h(), enum_arg(CapitalParam, param, "param"),
                                             _pence(value, "value"), c_str(source, "source")))

    def set_text(self, param: str, value: str, source: str) -> None:
        """Sets a parameter from rules-file text, by its rules-file name."""
        self._check(lib.ta_capital_rules_set_text(self._h(), c_str(param, "param"),
                                                  c_str(value, "value"), c_str(source, "source")))

    def load_csv(self, path: PathLike) -> None:
        """Reads a rules CSV (Parameter,Value,Source) over the current values."""
        self._check(lib.ta_capital_rules_read_file(self._h(), c_path(path)))

    def load_text(self, data: Union[str, bytes], name: str = "<text>") -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if not isinstance(raw, bytes):
            raise TypeError(f"data must be str or bytes, not {type(data).__name__}")
        self._check(lib.ta_capital_rules_read_buffer(self._h(), raw, len(raw),
                                                     c_str(name, "name")))

    @staticmethod
    def param_name(param: CapitalParam) -> str:
        return lib.ta_capital_param_name(enum_arg(CapitalParam, param, "param")).decode("utf-8")

    @staticmethod
    def param_description(param: CapitalParam) -> str:
        return lib.ta_capital_param_description(
            enum_arg(CapitalParam, param, "param")).decode("utf-8")

    def to_dict(self) -> dict:
        """{rules-file name: (value text, source)} for every parameter."""
        return {self.param_name(p): (self.value_text(p), self.get(p)[1]) for p in CapitalParam}


@dataclass(frozen=True)
class CapitalVerdict:
    """The outcome of a check."""

    route: CapitalRoute
    tier: CapitalTier
    approvers: Tuple[CapitalBody, ...]
    documents: Document
    compared: int  #: pence compared with the thresholds
    light_route_open: bool
    largest_light: Optional[int]  #: largest compared amount still light (None if closed)
    headroom: Optional[int]  #: largest_light - compared (None if closed)
    reasons: Tuple[Tuple[str, str], ...]  #: (rule id, sentence) in the order applied
    split_flagged: bool
    route_text: str
    approvers_text: str
    documents_text: str
    headroom_text: str
    reasons_text: str
    trust_code: str = ""  #: the proposal's trust
    scheme_ref: str = ""  #: the proposal's scheme

    def row(self) -> Tuple[object, ...]:
        """This verdict as one row of :data:`CAPITAL_COLUMNS`."""
        return (self.trust_code, self.scheme_ref, self.route.name.lower(), self.tier.name.lower(),
                self.approvers_text, self.documents_text, self.compared, self.light_route_open,
                self.largest_light, self.headroom, self.split_flagged, self.reasons_text)

    def to_pandas(self) -> Any:
        """This verdict as a one-row typed ``pandas.DataFrame`` (see
        :meth:`CapitalVerdicts.to_pandas`)."""
        return CapitalVerdicts([self]).to_pandas()


#: The columns of :meth:`CapitalVerdicts.to_pandas`.
CAPITAL_COLUMNS = ("Trust_code", "Scheme_ref", "Route", "Tier", "Approvers", "Documents",
                   "Compared_pence", "Light_route_open", "Largest_light_pence", "Headroom_pence",
                   "Split_flagged", "Reasons")


class CapitalVerdicts(List[CapitalVerdict]):
    """The verdicts of :meth:`CapitalPortfolio.check`, in proposal order: a
    list, plus :meth:`to_pandas`."""

    def to_pandas(self) -> Any:
        """A typed ``pandas.DataFrame``, one row per verdict (imports pandas
        only here): Trust_code, Scheme_ref text; Route (``light`` or
        ``standard``) and Tier (``light``, ``board``, ``jisc``, ``hmt``) text;
        Approvers, Documents text; money as integer pence (Compared_pence
        int64, Largest_light_pence and Headroom_pence nullable Int64, missing
        when the light route is closed); Light_route_open and Split_flagged
        bool; Reasons text."""
        return frame(CAPITAL_COLUMNS, [v.row() for v in self],
                     {"Compared_pence": "int64", "Light_route_open": "bool",
                      "Largest_light_pence": "Int64", "Headroom_pence": "Int64",
                      "Split_flagged": "bool"})


class CapitalProposal(Handle):
    """One scheme of one trust (``ta_capital_proposal``)."""

    _free_name = "ta_capital_proposal_free"
    _error_name = "ta_capital_proposal_error"
    _kind = "capital proposal"

    def __init__(self, trust_code: str, scheme_ref: str, *, scheme_name: Optional[str] = None,
                 status: Optional[FtStatus] = None, segment: Optional[int] = None,
                 distress: Optional[bool] = None, amount: Optional[int] = None,
                 vat: Optional[int] = None, whole_life_cost: Optional[int] = None,
                 funding: Optional[CapitalFunding] = None,
                 savings: Optional[int] = None, deficit: Optional[bool] = None,
                 date: Optional[datetime.date] = None) -> None:
        """A proposal; keyword arguments set its fields (amounts in pence)."""
        out = ctypes.c_void_p()
        check(lib.ta_capital_proposal_new(ctypes.byref(out), c_str(trust_code, "trust_code"),
                                          c_str(scheme_ref, "scheme_ref"), None))
        super().__init__(out.value)  # type: ignore[arg-type]
        self._apply(scheme_name, status, segment, distress, amount, vat, whole_life_cost,
                    funding, savings, deficit, date)

    @classmethod
    def _borrowed(cls, ptr: int, owner: Handle) -> "CapitalProposal":
        self = cls.__new__(cls)
        Handle.__init__(self, ptr, [owner])
        self._free_name = ""
        self._owner = owner
        return self

    _owner: Optional[Handle] = None

    def _h(self) -> int:
        if self._owner is not None and self._owner.closed:
            self.close()
        return super()._h()

    def _apply(self, scheme_name, status, segment, distress, amount, vat, whole_life_cost,
               funding, savings, deficit=None, date=None) -> None:  # type: ignore[no-untyped-def]
        if deficit is not None:
            self.deficit = deficit
        if date is not None:
            self.date = date
        if scheme_name is not None:
            self.scheme_name = scheme_name
        if status is not None:
            self.status = status
        if segment is not None:
            self.segment = segment
        self.distress = distress
        if amount is not None:
            self.amount = amount
        if vat is not None:
            self.vat = vat
        if whole_life_cost is not None:
            self.whole_life_cost = whole_life_cost
        if funding is not None:
            self.funding = funding
        if savings is not None:
            self.savings = savings

    @property
    def trust_code(self) -> str:
        return lib.ta_capital_proposal_trust_code(self._h()).decode("utf-8")

    @property
    def scheme_ref(self) -> str:
        return lib.ta_capital_proposal_scheme_ref(self._h()).decode("utf-8")

    @property
    def scheme_name(self) -> str:
        return text(lib.ta_capital_proposal_scheme_name(self._h())) or ""

    @scheme_name.setter
    def scheme_name(self, v: str) -> None:
        self._check(lib.ta_capital_proposal_set_scheme_name(self._h(), c_str(v, "scheme_name")))

    @property
    def status(self) -> FtStatus:
        return FtStatus(lib.ta_capital_proposal_status(self._h()))

    @status.setter
    def status(self, v: FtStatus) -> None:
        self._check(lib.ta_capital_proposal_set_status(self._h(), enum_arg(FtStatus, v, "status")))

    @property
    def segment(self) -> int:
        """NOF segment 1..5, 0 = unknown."""
        return lib.ta_capital_proposal_segment(self._h())

    @segment.setter
    def segment(self, v: int) -> None:
        self._check(lib.ta_capital_proposal_set_segment(self._h(), c_signed(v, "segment")))

    @property
    def distress(self) -> Optional[bool]:
        return from_tristate(lib.ta_capital_proposal_distress(self._h()))

    @distress.setter
    def distress(self, v: Optional[bool]) -> None:
        self._check(lib.ta_capital_proposal_set_distress(self._h(), tristate(v, "distress")))

    @property
    def amount(self) -> int:
        return lib.ta_capital_proposal_amount(self._h())

    @amount.setter
    def amount(self, pence: int) -> None:
        self._check(lib.ta_capital_proposal_set_amount(self._h(), _pence(pence, "amount")))

    @property
    def vat(self) -> int:
        return lib.ta_capital_proposal_vat(self._h())

    @vat.setter
    def vat(self, pence: int) -> None:
        self._check(lib.ta_capital_proposal_set_vat(self._h(), _pence(pence, "vat")))

    @property
    def whole_life_cost(self) -> Optional[int]:
        v = lib.ta_capital_proposal_whole_life_cost(self._h())
        return None if v < 0 else v

    @whole_life_cost.setter
    def whole_life_cost(self, pence: Optional[int]) -> None:
        v = -1 if pence is None else _pence(pence, "whole_life_cost")
        self._check(lib.ta_capital_proposal_set_whole_life_cost(self._h(), v))

    @property
    def funding(self) -> CapitalFunding:
        return CapitalFunding(lib.ta_capital_proposal_funding(self._h()))

    @funding.setter
    def funding(self, v: CapitalFunding) -> None:
        self._check(lib.ta_capital_proposal_set_funding(
            self._h(), enum_arg(CapitalFunding, v, "funding")))

    @property
    def savings(self) -> int:
        return lib.ta_capital_proposal_savings(self._h())

    @savings.setter
    def savings(self, pence: int) -> None:
        self._check(lib.ta_capital_proposal_set_savings(self._h(), _pence(pence, "savings")))

    @property
    def deficit(self) -> Optional[bool]:
        """The financial deficit flag (None = unknown), for the sound-finances test."""
        return from_tristate(lib.ta_capital_proposal_deficit(self._h()))

    @deficit.setter
    def deficit(self, v: Optional[bool]) -> None:
        self._check(lib.ta_capital_proposal_set_deficit(self._h(), tristate(v, "deficit")))

    @property
    def date(self) -> Optional[datetime.date]:
        """The scheme's date (None = none)."""
        has, d = ctypes.c_int(), TaDate()
        self._check(lib.ta_capital_proposal_date(ctypes.byref(has), ctypes.byref(d), self._h()))
        return from_c(d) if has.value else None

    @date.setter
    def date(self, v: Optional[datetime.date]) -> None:
        self._check(lib.ta_capital_proposal_set_date(
            self._h(), TaDate(0, 0, 0) if v is None else to_c(v, "date")))

    def set_year_savings(self, year: int, pence: Optional[int]) -> None:
        """Own savings built up in the financial year starting 1 April `year`
        (None removes it); with a date they replace the stated savings."""
        v = -1 if pence is None else _pence(pence, "pence")
        self._check(lib.ta_capital_proposal_set_year_savings(self._h(), c_signed(year, "year"), v))

    def savings_counted(self) -> int:
        """The savings the last check counted (StateError before one)."""
        out = ctypes.c_int64()
        self._check(lib.ta_capital_proposal_savings_counted(ctypes.byref(out), self._h()))
        return out.value

    def apply_register(self, register: "Register") -> None:  # noqa: F821
        """Takes the trust's status on the proposal's date from `register`."""
        from .register import Register

        if not isinstance(register, Register):
            raise TypeError(f"register must be a Register, not {type(register).__name__}")
        self._check(lib.ta_capital_proposal_apply_register(self._h(), register._h()))

    def check(self, rules: CapitalRules) -> CapitalVerdict:
        """Decides the route under `rules` and returns the verdict."""
        if not isinstance(rules, CapitalRules):
            raise TypeError(f"rules must be CapitalRules, not {type(rules).__name__}")
        self._check(lib.ta_capital_proposal_check(self._h(), rules._h()))
        return self.verdict()

    def verdict(self) -> CapitalVerdict:
        """The verdict of the last check (StateError before one)."""
        h = self._h()
        route, tier = ctypes.c_int(), ctypes.c_int()
        self._check(lib.ta_capital_proposal_route(ctypes.byref(route), ctypes.byref(tier), h))
        body = ctypes.c_int()
        approvers = []
        for i in range(lib.ta_capital_proposal_approver_count(h)):
            self._check(lib.ta_capital_proposal_approver(ctypes.byref(body), h, i))
            approvers.append(CapitalBody(body.value))
        docs = ctypes.c_uint()
        self._check(lib.ta_capital_proposal_documents(ctypes.byref(docs), h))
        compared, largest, headroom = ctypes.c_int64(), ctypes.c_int64(), ctypes.c_int64()
        has = ctypes.c_int()
        self._check(lib.ta_capital_proposal_compared(ctypes.byref(compared), h))
        self._check(lib.ta_capital_proposal_headroom(
            ctypes.byref(has), ctypes.byref(largest), ctypes.byref(headroom), h
        ))
        reasons = []
        rid, sentence = ctypes.c_char_p(), ctypes.c_char_p()
        for i in range(lib.ta_capital_proposal_reason_count(h)):
            self._check(lib.ta_capital_proposal_reason(
                ctypes.byref(rid), ctypes.byref(sentence), h, i
            ))
            reasons.append((text(rid.value) or "", text(sentence.value) or ""))

        def out(field: int) -> str:
            t = lib.ta_capital_proposal_output(h, field)
            if t is None:
                self._check(8)
            return t.decode("utf-8")

        return CapitalVerdict(
            route=CapitalRoute(route.value), tier=CapitalTier(tier.value),
            approvers=tuple(approvers), documents=Document(docs.value),
            compared=compared.value, light_route_open=bool(has.value),
            largest_light=largest.value if has.value else None,
            headroom=headroom.value if has.value else None, reasons=tuple(reasons),
            split_flagged=bool(lib.ta_capital_proposal_split_flagged(h)),
            route_text=out(0), approvers_text=out(1), documents_text=out(2),
            headroom_text=out(3), reasons_text=out(4), trust_code=self.trust_code,
            scheme_ref=self.scheme_ref)

    def __repr__(self) -> str:
        if self.closed:
            return "<CapitalProposal (closed)>"
        return f"<CapitalProposal {self.trust_code}/{self.scheme_ref}: {self.amount} pence>"


@dataclass(frozen=True)
class RowError:
    """A proposals-CSV row that could not be read."""

    line: int
    column: int  #: 1-based; 0 = the whole row
    status: int
    message: str


class CapitalPortfolio(Handle):
    """Several proposals; parts sharing (trust, scheme ref) are judged on their total."""

    _free_name = "ta_capital_portfolio_free"
    _error_name = "ta_capital_portfolio_error"
    _kind = "capital portfolio"

    def __init__(self) -> None:
        out = ctypes.c_void_p()
        check(lib.ta_capital_portfolio_new(ctypes.byref(out), None))
        super().__init__(out.value)  # type: ignore[arg-type]

    def add(self, trust_code: str, scheme_ref: str, **fields) -> CapitalProposal:  # type: ignore[no-untyped-def]
        """Adds a proposal owned by the portfolio; keyword fields as CapitalProposal's."""
        out = ctypes.c_void_p()
        self._check(lib.ta_capital_portfolio_add(
            ctypes.byref(out), self._h(), c_str(trust_code, "trust_code"), c_str(scheme_ref,
            "scheme_ref")
        ))
        p = CapitalProposal._borrowed(out.value, self)  # type: ignore[arg-type]
        p._apply(fields.pop("scheme_name", None), fields.pop("status", None),
                 fields.pop("segment", None), fields.pop("distress", None),
                 fields.pop("amount", None), fields.pop("vat", None),
                 fields.pop("whole_life_cost", None), fields.pop("funding", None),
                 fields.pop("savings", None), fields.pop("deficit", None),
                 fields.pop("date", None))
        if fields:
            raise TypeError(f"unknown proposal fields: {', '.join(fields)}")
        return p

    def __len__(self) -> int:
        return lib.ta_capital_portfolio_count(self._h())

    def proposals(self) -> List[CapitalProposal]:
        h = self._h()
        return [CapitalProposal._borrowed(lib.ta_capital_portfolio_proposal(h, i), self)
                for i in range(len(self))]

    def apply_register(self, register: "Register") -> None:  # noqa: F821
        """Every dated proposal takes its trust's status on its date from `register`."""
        from .register import Register

        if not isinstance(register, Register):
            raise TypeError(f"register must be a Register, not {type(register).__name__}")
        self._check(lib.ta_capital_portfolio_apply_register(self._h(), register._h()))

    def check(self, rules: CapitalRules) -> CapitalVerdicts:
        """Checks every proposal; returns the verdicts in proposal order (a
        list with :meth:`CapitalVerdicts.to_pandas`)."""
        if not isinstance(rules, CapitalRules):
            raise TypeError(f"rules must be CapitalRules, not {type(rules).__name__}")
        self._check(lib.ta_capital_portfolio_check(self._h(), rules._h()))
        return CapitalVerdicts(p.verdict() for p in self.proposals())

    def read_csv(self, path: PathLike, keep_going: bool = False) -> None:
        """Reads a proposals CSV (docs/capital.md). Without `keep_going` any row
        error adds nothing and raises; with it, bad rows go to :meth:`row_errors`."""
        self._check(lib.ta_capital_portfolio_read_file(self._h(), c_path(path),
                                                      KEEP_GOING if keep_going else 0))

    def read_text(self, data: Union[str, bytes], name: str = "<text>",
                  keep_going: bool = False) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if not isinstance(raw, bytes):
            raise TypeError(f"data must be str or bytes, not {type(data).__name__}")
        self._check(lib.ta_capital_portfolio_read_buffer(
            self._h(), raw, len(raw), c_str(name, "name"), KEEP_GOING if keep_going else 0))

    def row_errors(self) -> List[RowError]:
        h = self._h()
        line, col, st = ctypes.c_size_t(), ctypes.c_size_t(), ctypes.c_int()
        out = []
        for i in range(lib.ta_capital_portfolio_row_error_count(h)):
            self._check(lib.ta_capital_portfolio_row_error(
                ctypes.byref(line), ctypes.byref(col), ctypes.byref(st), h, i
            ))
            out.append(RowError(line.value, col.value, st.value,
                                text(lib.ta_capital_portfolio_row_error_message(h, i)) or ""))
        return out

    def columns(self) -> List[str]:
        """The input's header, in order."""
        h = self._h()
        return [lib.ta_capital_portfolio_column_name(h, c).decode("utf-8")
                for c in range(lib.ta_capital_portfolio_column_count(h))]

    def cells(self, i: int) -> List[str]:
        """Proposal i's input text, column by column."""
        h = self._h()
        return [text(lib.ta_capital_portfolio_cell(h, i, c)) or ""
                for c in range(lib.ta_capital_portfolio_column_count(h))]

    def line(self, i: int) -> int:
        """The input line of proposal i (0 if added in code)."""
        return lib.ta_capital_portfolio_line(self._h(), c_unsigned(i, "i", 64))
