"""trustassess: NHS England's Oversight Framework (NOF) segmentation and league
tables, review scheduling and civil dates, from Python.

A thin, idiomatic face over the C library libtrustassess.so.1 (loaded with
ctypes; no compiled extension). Every rule is the library's; nothing is
re-implemented here.

Quick start::

    import trustassess as ta

    with ta.read_nhse_csv("mental-health-and-community-trust-data-q1-q4.csv") as f:
        table = ta.league_table(f, quarter="Q4 2025/26")
        print(table.to_pandas())        # pandas is imported only here

Modules:
    framework   Framework (presets, catalogue CSV), FrameworkBuilder
    trust       Trust: one organisation's evidence for one period
    assessment  Assessment, TrustResult, LeagueTable; likely ranges and what-if
    nhse        read_nhse_csv / NhseFile, league_table
    verify      verify: published figures checked against the rules
    rules       the segmentation rules one number at a time
    capital     CapitalRules, CapitalProposal, CapitalPortfolio (the £100m rule)
    money       parse_money / format_money (int pence)
    dates       civil-date arithmetic on datetime.date
    review      Holidays (English working days), ReviewSchedule
    register    Register: AFT status events, the status and review due on any date
    eligibility Criteria, Screen, eligibility: the earned-autonomy screen
    errors      one exception class per ta_status

The library is found via $TRUSTASSESS_LIBRARY, then beside this package, then
the system loader (libtrustassess.so.1); its version must be 0.2.x.
"""

from ._lib import LibraryNotFoundError, LibraryVersionError, library_path
from .assessment import (
    LEAGUE_COLUMNS,
    LEAGUE_RANGE_COLUMNS,
    Assessment,
    LeagueRow,
    LeagueTable,
    TrustResult,
    quantile_cutoffs,
    range_text,
    round_half_up,
)
from .common import format_decimal, parse_decimal, strerror, version, version_number
from .enums import (
    CapitalBody,
    CapitalFunding,
    CapitalParam,
    CapitalRoute,
    CapitalTier,
    ColumnKind,
    CqcRating,
    CriterionOutcome,
    CutoffPolicy,
    Document,
    Eligibility,
    CutoffRule,
    Direction,
    Feb29Rule,
    Figure,
    Flag,
    FtStatus,
    InputKind,
    NhseSource,
    Quantile,
    Reason,
    RegisterEvent,
    ReviewTrigger,
    Scoring,
    TrustField,
    Verdict,
    VerifyMode,
    Weekday,
)
from .errors import (
    ClosedError,
    DuplicateError,
    InconsistentError,
    InvalidArgumentError,
    NotFoundError,
    OutOfMemoryError,
    ParseError,
    RangeError,
    StateError,
    TrustAssessError,
    TrustAssessIOError,
)
from .framework import DomainInfo, Framework, FrameworkBuilder, MetricInfo, preset_names
from . import dates, rules
from .capital import (
    CapitalPortfolio,
    CapitalProposal,
    CapitalRules,
    CAPITAL_COLUMNS,
    CapitalVerdict,
    CapitalVerdicts,
    RowError,
    capital_preset_names,
)
from .league import League, league_columns
from .money import format_money, parse_money
from .nhse import (NhseFile, Published, league_table, period_end, read_nhse_bytes,
                   read_nhse_csv)
from .review import (REVIEW_COLUMNS, Holidays, ReviewResult, ReviewResults, ReviewSchedule,
                     trigger_name)
from .register import Register, RegisterStatus, event_name
from .eligibility import (ELIGIBILITY_COLUMNS, ELIGIBILITY_CRITERIA_COLUMNS, Criteria,
                          CriterionResult, EligibilityRow, EligibilityRows, Screen,
                          criteria_preset_names, eligibility)
from .trust import MetricInput, Trust
from .verify import (VERIFY_DIFFERENCE_COLUMNS, VERIFY_SUMMARY_COLUMNS, VERIFY_UNCHECKED_COLUMNS,
                     Difference, Summary, Unchecked, Verification, verify)

__version__ = "0.2.0"

__all__ = [
    # library
    "version", "version_number", "library_path", "strerror", "parse_decimal", "format_decimal",
    # frameworks and trusts
    "Framework", "FrameworkBuilder", "MetricInfo", "DomainInfo", "preset_names",
    "Trust", "MetricInput",
    # assessment
    "Assessment", "TrustResult", "LeagueRow", "LeagueTable", "LEAGUE_COLUMNS", "LEAGUE_RANGE_COLUMNS",
    "quantile_cutoffs", "round_half_up", "range_text",
    # published files
    "NhseFile", "Published", "read_nhse_csv",
    "period_end", "read_nhse_bytes", "league_table", "League", "league_columns",
    "verify", "Verification", "Summary", "Difference", "Unchecked",
    "VERIFY_DIFFERENCE_COLUMNS", "VERIFY_SUMMARY_COLUMNS", "VERIFY_UNCHECKED_COLUMNS",
    # dates and reviews
    "dates", "Holidays", "ReviewSchedule", "ReviewResult", "ReviewResults", "REVIEW_COLUMNS",
    "trigger_name",
    # the status register and the eligibility screen
    "Register", "RegisterStatus", "event_name",
    "Criteria", "Screen", "EligibilityRow", "EligibilityRows", "CriterionResult", "eligibility",
    "criteria_preset_names", "ELIGIBILITY_COLUMNS", "ELIGIBILITY_CRITERIA_COLUMNS",
    # capital checks and money
    "CapitalRules", "CapitalProposal", "CapitalPortfolio", "CapitalVerdict", "CapitalVerdicts",
    "CAPITAL_COLUMNS", "RowError",
    "capital_preset_names", "parse_money", "format_money",
    # the rules one number at a time
    "rules",
    # enums
    "CapitalFunding", "CapitalRoute", "CapitalTier", "CapitalBody", "CapitalParam", "Document",
    "Direction", "Scoring", "CutoffRule", "Quantile", "Figure", "FtStatus", "TrustField",
    "Flag", "InputKind", "Reason", "NhseSource", "VerifyMode", "Verdict", "Weekday",
    "CutoffPolicy", "ColumnKind",
    "Feb29Rule", "ReviewTrigger", "RegisterEvent", "Eligibility", "CriterionOutcome", "CqcRating",
    # errors
    "TrustAssessError", "InvalidArgumentError", "OutOfMemoryError", "NotFoundError",
    "DuplicateError", "ParseError", "TrustAssessIOError", "RangeError", "StateError",
    "ClosedError", "InconsistentError", "LibraryNotFoundError", "LibraryVersionError",
]
