"""The C enums as ``IntEnum`` classes (values are the C constants)."""

from __future__ import annotations

from enum import IntEnum, IntFlag

__all__ = [
    "Direction",
    "Scoring",
    "CutoffRule",
    "Quantile",
    "Figure",
    "FtStatus",
    "TrustField",
    "Flag",
    "InputKind",
    "Reason",
    "NhseSource",
    "VerifyMode",
    "Verdict",
    "Weekday",
    "Feb29Rule",
    "ReviewTrigger",
    "CapitalFunding",
    "CapitalRoute",
    "CapitalTier",
    "CapitalBody",
    "CapitalParam",
    "Document",
]


class Direction(IntEnum):
    """``ta_direction``: which way a metric's raw value is better."""

    HIGHER_IS_BETTER = 1
    LOWER_IS_BETTER = 2


class Scoring(IntEnum):
    """``ta_scoring``: how a metric's score is obtained."""

    SUPPLIED = 0
    RANK = 1
    STANDARD_CAPPED = 2
    BANDED = 3
    COMBINED = 4
    STANDARD = 5  #: bookends with a standard: meeting it 1.00, the rest 2.00-4.00
    FLOOR = 6  #: bookends with a floor: failing it 4.00, the rest 1.00-3.00
    BRACKETED = 7  #: bespoke brackets, each with its own score (CQC safe rating)


class CutoffRule(IntEnum):
    """``ta_cutoff_rule``: where an average exactly on a cut-off falls."""

    TIES_BETTER = 0
    TIES_WORSE = 1


class Quantile(IntEnum):
    """``ta_quantile``: quantile definition for computed cut-offs."""

    TYPE7 = 7  # Excel QUARTILE.INC
    TYPE6 = 6  # Excel QUARTILE.EXC


class Figure(IntEnum):
    """``ta_figure``: published result figures a framework names."""

    AVERAGE = 0
    UNADJUSTED_SEGMENT = 1
    ADJUSTED_SEGMENT = 2
    FINAL_SEGMENT = 3
    DEFICIT_FLAG = 4
    RSP_FLAG = 5
    OTHER = 6


class FtStatus(IntEnum):
    """``ta_ft_status``."""

    NHS_TRUST = 0
    FOUNDATION_TRUST = 1
    ADVANCED_FOUNDATION_TRUST = 2


class TrustField(IntEnum):
    """``ta_trust_field``: a trust's descriptive text fields."""

    NAME = 0
    TYPE = 1
    SUBTYPE = 2
    REGION = 3


class Flag(IntEnum):
    """``ta_flag``: flags that change a segment."""

    FINANCIAL_DEFICIT = 0
    RECOVERY_SUPPORT = 1


class InputKind(IntEnum):
    """``ta_input_kind``: what a number in bulk input is."""

    VALUE = 0
    SCORE = 1


class Reason(IntEnum):
    """``ta_reason``: which rule settled the final segment."""

    NONE = 0
    CUTOFF = 1
    DEFICIT_CAP = 2
    RSP = 3


class NhseSource(IntEnum):
    """``ta_nhse_source``: where an assessment from a published file takes its scores."""

    FROM_SCORES = 0
    FROM_VALUES = 1


class CutoffPolicy(IntEnum):
    """``ta_cutoff_policy``: how a league finds each quarter's cut-offs."""

    PUBLISHED = 0  # read off every published segment of every file
    GIVEN = 1  # numbers given
    QUARTILES_ALL = 2  # quartiles of every trust type pooled
    QUARTILES_TYPE = 3  # quartiles of each trust type
    FIXED = 4  # the framework's fixed thresholds


class ColumnKind(IntEnum):
    """``ta_column_kind``: what a league column's cells hold beside their text."""

    TEXT = 0
    DECIMAL = 1
    INTEGER = 2
    YES_NO = 3
    RANGE = 4


class VerifyMode(IntEnum):
    """``ta_verify_mode``."""

    STEP_BY_STEP = 0
    END_TO_END = 1


class Verdict(IntEnum):
    """``ta_verdict``."""

    AGREES = 0
    EXPLAINED = 1
    UNEXPLAINED = 2


class Weekday(IntEnum):
    """``ta_weekday``: ISO 8601 (Monday = 1), as ``datetime.date.isoweekday()``."""

    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 3
    THURSDAY = 4
    FRIDAY = 5
    SATURDAY = 6
    SUNDAY = 7


class Feb29Rule(IntEnum):
    """``ta_feb29_rule``: N years after 29 February in a common year."""

    TO_FEB28 = 0
    TO_MAR1 = 1


class ReviewTrigger(IntEnum):
    """``ta_review_trigger``: what brought a review forward."""

    NONE = 0
    SEGMENT = 1
    DEFICIT = 2
    RSP = 3


class CapitalFunding(IntEnum):
    """``ta_capital_funding``: how a scheme is funded."""

    OWN_SAVINGS = 0
    NATIONAL = 1
    MIXED = 2


class CapitalRoute(IntEnum):
    """``ta_capital_route``."""

    LIGHT = 0
    STANDARD = 1


class CapitalTier(IntEnum):
    """``ta_capital_tier``: lightest first."""

    LIGHT = 0
    BOARD = 1
    JISC = 2
    HMT = 3


class CapitalBody(IntEnum):
    """``ta_capital_body``: approving bodies in order."""

    TRUST_BOARD = 0
    JISC = 1
    HM_TREASURY = 2


class CapitalParam(IntEnum):
    """``ta_capital_param``: rule-set parameters (all int: pence, 0/1 or bits)."""

    LIGHT_THRESHOLD = 0
    LIGHT_INCLUSIVE = 1
    LIGHT_STATUSES = 2
    LIGHT_FUNDING = 3
    LIGHT_NEEDS_SAVINGS = 4
    LIMIT_NHS_TRUST = 5
    LIMIT_FT_DISTRESS = 6
    LIMIT_FT = 7
    LIMIT_SEGMENT_1 = 8
    LIMIT_SEGMENT_2 = 9
    LIMIT_SEGMENT_3 = 10
    LIMIT_SEGMENT_4 = 11
    LIMIT_SEGMENT_5 = 12
    HMT_LIMIT = 13
    TIER_INCLUSIVE = 14
    VAT_INCLUDED = 15
    WHOLE_LIFE = 16
    UNKNOWN_DISTRESS = 17
    DOCS_LIGHT = 18
    DOCS_BOARD = 19
    DOCS_JISC = 20
    DOCS_HMT = 21
    LIGHT_NO_DISTRESS = 22
    LIGHT_NO_DEFICIT = 23
    LIGHT_MAX_SEGMENT = 24
    LIGHT_UNKNOWN_FINANCES = 25
    SAVINGS_YEARS = 26


class Document(IntFlag):
    """``TA_DOC_*`` business-case document bits."""

    SOC = 1
    OBC = 2
    FBC = 4
    BJC = 8


class RegisterEvent(IntEnum):
    """``ta_register_event``: the events of an advanced foundation trust's life cycle."""

    NOMINATED = 0
    AUTHORISED = 1
    REVIEWED = 2
    DEAUTHORISED = 3
    REAUTHORISED = 4
    FT_AUTHORISED = 5
    CEASED = 6


class Eligibility(IntEnum):
    """``ta_eligibility``: a screen's verdict."""

    ELIGIBLE = 0
    CLOSE = 1
    NOT_ELIGIBLE = 2


class CriterionOutcome(IntEnum):
    """``ta_criterion_outcome``."""

    MET = 0
    NOT_MET = 1
    NO_EVIDENCE = 2


class CqcRating(IntEnum):
    """``ta_cqc_rating``: CQC overall ratings, best first."""

    OUTSTANDING = 1
    GOOD = 2
    REQUIRES_IMPROVEMENT = 3
    INADEQUATE = 4
