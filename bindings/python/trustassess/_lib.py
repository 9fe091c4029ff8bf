"""The ctypes layer: finding libtrustassess.so.1, declaring every C function used.

Nothing else in the package touches ctypes' loader. Every function the package
calls is declared here with its ``argtypes`` and ``restype`` (``_FUNCTIONS``),
so a wrong Python argument is a ``ctypes.ArgumentError``/``TypeError`` caught
in Python rather than undefined behaviour in C.

The library is looked for, in order:

1. the path in the ``TRUSTASSESS_LIBRARY`` environment variable;
2. ``libtrustassess.so.1`` beside this package (a wheel may bundle it);
3. the system loader's search (``libtrustassess.so.1``: ``ld.so.cache``,
   ``LD_LIBRARY_PATH``, ...).

On load the library's run-time version (``ta_version()``) is checked against
the range this package supports (0.2.x); anything else is
:class:`LibraryVersionError`.
"""

from __future__ import annotations

import ctypes
import os
from ctypes import (
    POINTER,
    Structure,
    c_char_p,
    c_double,
    c_int,
    c_int32,
    c_int64,
    c_size_t,
    c_uint,
    c_uint32,
    c_uint64,
    c_void_p,
)
from typing import List, Optional

SONAME = "libtrustassess.so.1"
ENV_VAR = "TRUSTASSESS_LIBRARY"

#: The library versions this package supports: major 0, minor 1 (any patch).
SUPPORTED_MAJOR = 0
SUPPORTED_MINOR = 2


class LibraryNotFoundError(ImportError):
    """libtrustassess.so.1 could not be loaded from any of the places tried."""


class LibraryVersionError(ImportError):
    """The loaded libtrustassess has a version this package does not support."""


class TaDate(Structure):
    """``ta_date``: a civil date passed by value (frozen layout)."""

    _fields_ = [("year", c_int32), ("month", c_int32), ("day", c_int32)]


handle = c_void_p
out_handle = POINTER(c_void_p)
status = c_int  # ta_status and every other C enum are ints
p_size = POINTER(c_size_t)
p_int = POINTER(c_int)
p_double = POINTER(c_double)
p_str = POINTER(c_char_p)
p_date = POINTER(TaDate)
p_int32 = POINTER(c_int32)
p_uint32 = POINTER(c_uint32)
p_int64 = POINTER(c_int64)
p_uint = POINTER(c_uint)

# name: (restype, [argtypes]). Grouped by the header that declares them.
_FUNCTIONS = {
    # common.h
    "ta_strerror": (c_char_p, [c_int]),
    "ta_version": (c_int, []),
    "ta_version_string": (c_char_p, []),
    "ta_decimal_parse": (status, [p_double, c_char_p]),
    "ta_decimal_format": (status, [c_char_p, c_size_t, c_double, c_int]),
    # framework.h
    "ta_framework_preset": (status, [out_handle, c_char_p, c_void_p]),
    "ta_framework_preset_text": (c_char_p, [c_char_p]),
    "ta_framework_preset_count": (c_size_t, []),
    "ta_framework_preset_name": (c_char_p, [c_size_t]),
    "ta_framework_free": (None, [handle]),
    "ta_framework_name": (c_char_p, [handle]),
    "ta_framework_metric_count": (c_size_t, [handle]),
    "ta_framework_metric_id": (c_char_p, [handle, c_size_t]),
    "ta_framework_metric_index": (status, [p_size, handle, c_char_p]),
    "ta_framework_metric_name": (c_char_p, [handle, c_size_t]),
    "ta_framework_metric_domain": (c_char_p, [handle, c_size_t]),
    "ta_framework_metric_raw_id": (c_char_p, [handle, c_size_t]),
    "ta_framework_metric_scoring": (status, [p_int, handle, c_size_t]),
    "ta_framework_metric_direction": (status, [p_int, handle, c_size_t]),
    "ta_framework_metric_in_average": (status, [p_int, handle, c_size_t]),
    "ta_framework_domain_count": (c_size_t, [handle]),
    "ta_framework_domain_info": (status, [p_str, p_str, p_str, handle, c_size_t]),
    "ta_framework_segment_count": (c_size_t, [handle]),
    "ta_framework_deficit_cap": (c_int, [handle]),
    "ta_framework_rsp_segment": (c_int, [handle]),
    "ta_framework_decimals": (c_int, [handle]),
    "ta_framework_cutoff_rule": (c_int, [handle]),
    "ta_framework_cutoffs": (status, [p_double, c_size_t, p_size, handle]),
    "ta_framework_figure_id": (c_char_p, [handle, c_int]),
    "ta_framework_metric_weight": (status, [ctypes.POINTER(c_uint), ctypes.POINTER(c_uint), handle, c_size_t]),
    "ta_framework_metric_source": (c_char_p, [handle, c_size_t]),
    "ta_framework_metric_threshold": (status, [p_double, handle, c_size_t]),
    "ta_framework_metric_pool": (status, [ctypes.POINTER(c_uint), p_str, handle, c_size_t, c_char_p]),
    "ta_framework_metric_has_pools": (c_int, [handle, c_size_t]),
    "ta_framework_trust_type_count": (c_size_t, [handle]),
    "ta_framework_trust_type": (c_char_p, [handle, c_size_t]),
    "ta_framework_scores_trust_type": (c_int, [handle, c_char_p]),
    "ta_framework_builder_set_floor": (status, [handle, c_char_p, c_double]),
    "ta_framework_builder_set_brackets": (status, [handle, c_char_p, c_size_t, p_double,
                                                   p_double]),
    "ta_framework_builder_set_weight": (status, [handle, c_char_p, c_uint, c_uint]),
    "ta_framework_builder_set_source": (status, [handle, c_char_p, c_char_p]),
    "ta_framework_builder_set_pool": (status, [handle, c_char_p, c_char_p, c_uint, c_char_p]),
    "ta_framework_builder_add_trust_type": (status, [handle, c_char_p]),
    "ta_framework_builder_new": (status, [out_handle, c_char_p, c_void_p]),
    "ta_framework_builder_free": (None, [handle]),
    "ta_framework_builder_error": (c_char_p, [handle]),
    "ta_framework_builder_add_domain": (status, [handle, c_char_p, c_char_p, c_char_p]),
    "ta_framework_builder_add_metric": (status, [handle, c_char_p, c_char_p, c_char_p, c_int]),
    "ta_framework_builder_set_raw_id": (status, [handle, c_char_p, c_char_p]),
    "ta_framework_builder_set_direction": (status, [handle, c_char_p, c_int]),
    "ta_framework_builder_set_in_average": (status, [handle, c_char_p, c_int]),
    "ta_framework_builder_set_standard": (status, [handle, c_char_p, c_double]),
    "ta_framework_builder_set_bands": (status, [handle, c_char_p, c_size_t, p_double]),
    "ta_framework_builder_set_combination": (
        status,
        [handle, c_char_p, c_char_p, c_char_p, p_double],
    ),
    "ta_framework_builder_add_figure": (status, [handle, c_int, c_char_p, c_char_p]),
    "ta_framework_builder_set_cutoffs": (status, [handle, c_size_t, p_double]),
    "ta_framework_builder_set_cutoff_quartiles": (status, [handle, c_int]),
    "ta_framework_builder_set_cutoff_rule": (status, [handle, c_int]),
    "ta_framework_builder_set_deficit_cap": (status, [handle, c_int]),
    "ta_framework_builder_set_rsp_segment": (status, [handle, c_int]),
    "ta_framework_builder_set_decimals": (status, [handle, c_int]),
    "ta_framework_builder_read_file": (status, [handle, c_char_p]),
    "ta_framework_builder_read_buffer": (status, [handle, c_char_p, c_size_t, c_char_p]),
    "ta_framework_builder_build": (status, [out_handle, handle]),
    # trust.h
    "ta_trust_new": (status, [out_handle, handle, c_char_p, c_void_p]),
    "ta_trust_free": (None, [handle]),
    "ta_trust_error": (c_char_p, [handle]),
    "ta_trust_code": (c_char_p, [handle]),
    "ta_trust_set_field": (status, [handle, c_int, c_char_p]),
    "ta_trust_field_value": (c_char_p, [handle, c_int]),
    "ta_trust_set_ft_status": (status, [handle, c_int]),
    "ta_trust_ft_status": (c_int, [handle]),
    "ta_trust_set_flag": (status, [handle, c_int, c_int]),
    "ta_trust_flag": (c_int, [handle, c_int]),
    "ta_trust_set_value": (status, [handle, c_char_p, c_double]),
    "ta_trust_set_score": (status, [handle, c_char_p, c_double]),
    "ta_trust_set_rank": (status, [handle, c_char_p, c_uint32, c_uint32]),
    "ta_trust_clear_metric": (status, [handle, c_char_p]),
    "ta_trust_metric_value": (status, [p_int, p_double, handle, c_char_p]),
    "ta_trust_metric_score": (status, [p_int, p_double, handle, c_char_p]),
    # assessment.h
    "ta_assessment_new": (status, [out_handle, handle, c_void_p]),
    "ta_assessment_free": (None, [handle]),
    "ta_assessment_error": (c_char_p, [handle]),
    "ta_assessment_set_period": (status, [handle, c_char_p]),
    "ta_assessment_period": (c_char_p, [handle]),
    "ta_assessment_add_trust": (status, [handle, handle]),
    "ta_assessment_add_columns": (status, [handle, c_size_t, p_str, p_str, p_double, c_int]),
    "ta_assessment_set_trust_field": (status, [handle, c_char_p, c_int, c_char_p]),
    "ta_assessment_set_trust_flag": (status, [handle, c_char_p, c_int, c_int]),
    "ta_assessment_set_cutoffs": (status, [handle, c_size_t, p_double]),
    "ta_assessment_set_scores_only": (status, [handle, c_int]),
    "ta_assessment_set_reconstruct": (status, [handle, c_int]),
    "ta_assessment_run": (status, [handle]),
    "ta_assessment_cutoffs": (status, [p_double, c_size_t, p_size, handle]),
    "ta_assessment_trust_count": (c_size_t, [handle]),
    "ta_assessment_find_trust": (status, [p_size, handle, c_char_p]),
    "ta_assessment_trust_code": (c_char_p, [handle, c_size_t]),
    "ta_assessment_trust_field": (c_char_p, [handle, c_size_t, c_int]),
    "ta_assessment_trust_flag": (c_int, [handle, c_size_t, c_int]),
    "ta_assessment_is_segmented": (status, [p_int, handle, c_size_t]),
    "ta_assessment_average": (status, [p_double, p_double, p_size, handle, c_size_t]),
    "ta_assessment_segments": (status, [p_int, p_int, p_int, handle, c_size_t]),
    "ta_assessment_rank": (status, [p_uint32, handle, c_size_t]),
    "ta_assessment_reason": (status, [p_int, handle, c_size_t]),
    "ta_assessment_reason_text": (status, [c_char_p, c_size_t, p_size, handle, c_size_t]),
    "ta_assessment_distance_to_better": (status, [p_double, handle, c_size_t]),
    "ta_assessment_domain_score": (status, [p_int, p_double, handle, c_size_t, c_size_t]),
    "ta_assessment_metric_score": (status, [p_int, p_double, handle, c_size_t, c_size_t]),
    "ta_assessment_league_count": (c_size_t, [handle]),
    "ta_assessment_league_entry": (status, [p_size, handle, c_size_t]),
    "ta_assessment_note_count": (c_size_t, [handle]),
    "ta_assessment_note": (c_char_p, [handle, c_size_t]),
    "ta_quantile_cutoffs": (status, [p_double, c_size_t, p_double, c_size_t, c_int, c_void_p]),
    "ta_decimal_round": (status, [p_double, c_double, c_int]),
    # analysis.h
    "ta_assessment_likely_ranges": (status, [handle, c_uint32, c_double, c_uint64, c_uint]),
    "ta_assessment_likely_average_range": (status, [p_double, p_double, handle, c_size_t]),
    "ta_assessment_likely_rank_range": (status, [p_uint32, p_uint32, handle, c_size_t]),
    "ta_assessment_whatif_score": (status, [p_double, handle, c_size_t, c_size_t]),
    "ta_assessment_whatif_batch": (status, [p_double, c_size_t, handle, c_uint]),
    # nhse.h
    "ta_nhse_file_new": (status, [out_handle, handle, c_void_p]),
    "ta_nhse_file_free": (None, [handle]),
    "ta_nhse_file_error": (c_char_p, [handle]),
    "ta_nhse_file_read_file": (status, [handle, c_char_p]),
    "ta_nhse_file_read_buffer": (status, [handle, c_char_p, c_size_t, c_char_p]),
    "ta_nhse_file_row_count": (c_size_t, [handle]),
    "ta_nhse_file_period_count": (c_size_t, [handle]),
    "ta_nhse_file_period": (c_char_p, [handle, c_size_t]),
    "ta_nhse_file_trust_type_count": (c_size_t, [handle]),
    "ta_nhse_file_trust_type": (c_char_p, [handle, c_size_t]),
    "ta_nhse_file_find_period": (status, [p_size, handle, c_char_p]),
    "ta_nhse_file_assessment": (status, [out_handle, handle, c_char_p, c_char_p, c_int]),
    "ta_nhse_file_published": (status, [p_int, p_double, handle, c_char_p, c_char_p, c_char_p]),
    "ta_nhse_file_published_rank": (
        status, [p_int, p_double, handle, c_char_p, c_char_p, c_char_p]),
    "ta_nhse_file_published_cutoffs": (status, [p_double, c_size_t, handle, c_char_p]),
    "ta_nhse_file_add_file": (status, [handle, c_char_p]),
    "ta_nhse_file_add_buffer": (status, [handle, c_char_p, c_size_t, c_char_p]),
    "ta_nhse_file_cutoff_limit": (status, [p_int, p_double, handle, c_char_p, c_size_t, c_int]),
    "ta_nhse_file_cutoff_bound": (
        status, [p_str, p_size, handle, c_char_p, c_size_t, c_int, c_size_t]),
    # league.h
    "ta_league_new": (status, [out_handle, handle, c_void_p]),
    "ta_league_free": (None, [handle]),
    "ta_league_error": (c_char_p, [handle]),
    "ta_league_select_quarter": (status, [handle, c_char_p]),
    "ta_league_select_trust_type": (status, [handle, c_char_p]),
    "ta_league_set_source": (status, [handle, c_int]),
    "ta_league_set_cutoff_policy": (status, [handle, c_int]),
    "ta_league_set_cutoffs": (status, [handle, c_size_t, p_double]),
    "ta_league_set_likely_ranges": (status, [handle, c_uint32, c_double, c_uint64, c_uint]),
    "ta_league_run": (status, [handle]),
    "ta_league_column_count": (c_size_t, []),
    "ta_league_column": (status, [p_str, p_int, c_size_t]),
    "ta_league_block_count": (c_size_t, [handle]),
    "ta_league_block": (status, [p_str, p_str, out_handle, handle, c_size_t]),
    "ta_league_row_count": (c_size_t, [handle]),
    "ta_league_cell": (c_char_p, [handle, c_size_t, c_size_t]),
    "ta_league_cell_number": (status, [p_int, p_double, p_double, handle, c_size_t, c_size_t]),
    "ta_league_row_trust": (status, [p_size, p_size, handle, c_size_t]),
    "ta_nhse_period_end": (status, [p_date, c_char_p]),
    # verify.h
    "ta_verification_new": (status, [out_handle, handle, c_void_p]),
    "ta_verification_free": (None, [handle]),
    "ta_verification_error": (c_char_p, [handle]),
    "ta_verification_run": (status, [handle, c_char_p]),
    "ta_verification_summary_count": (c_size_t, [handle]),
    "ta_verification_summary_period": (c_char_p, [handle, c_size_t]),
    "ta_verification_summary_figure": (c_char_p, [handle, c_size_t]),
    "ta_verification_summary_mode": (status, [p_int, handle, c_size_t]),
    "ta_verification_summary_counts": (status, [p_size, p_size, p_size, handle, c_size_t]),
    "ta_verification_difference_count": (c_size_t, [handle]),
    "ta_verification_difference_period": (c_char_p, [handle, c_size_t]),
    "ta_verification_difference_trust_code": (c_char_p, [handle, c_size_t]),
    "ta_verification_difference_figure": (c_char_p, [handle, c_size_t]),
    "ta_verification_difference_reason": (c_char_p, [handle, c_size_t]),
    "ta_verification_difference_mode": (status, [p_int, handle, c_size_t]),
    "ta_verification_difference_values": (status, [p_double, p_double, handle, c_size_t]),
    "ta_verification_difference_verdict": (status, [p_int, handle, c_size_t]),
    "ta_verification_unchecked_count": (c_size_t, [handle]),
    "ta_verification_unchecked": (status, [p_str, p_str, p_size, handle, c_size_t]),
    "ta_verification_unchecked_reason": (c_char_p, [handle, c_size_t]),
    "ta_verification_note_count": (c_size_t, [handle]),
    "ta_verification_note": (c_char_p, [handle, c_size_t]),
    "ta_verification_status": (status, [handle]),
    # date.h
    "ta_date_is_leap_year": (c_int, [c_int32]),
    "ta_date_days_in_month": (c_int32, [c_int32, c_int32]),
    "ta_date_is_valid": (c_int, [TaDate]),
    "ta_date_parse": (status, [p_date, c_char_p, c_size_t]),
    "ta_date_format": (status, [c_char_p, c_size_t, TaDate]),
    "ta_date_to_days": (status, [p_int32, TaDate]),
    "ta_date_from_days": (status, [p_date, c_int32]),
    "ta_date_diff_days": (status, [p_int32, TaDate, TaDate]),
    "ta_date_compare": (c_int, [TaDate, TaDate]),
    "ta_date_weekday": (status, [p_int, TaDate]),
    "ta_date_add_days": (status, [p_date, TaDate, c_int32]),
    "ta_date_add_months": (status, [p_date, TaDate, c_int32]),
    "ta_date_add_years": (status, [p_date, TaDate, c_int32, c_int]),
    # review.h: holidays
    "ta_holidays_new": (status, [out_handle, c_void_p]),
    "ta_holidays_free": (None, [handle]),
    "ta_holidays_error": (c_char_p, [handle]),
    "ta_holidays_add": (status, [handle, TaDate, c_char_p]),
    "ta_holidays_remove": (status, [handle, TaDate]),
    "ta_holidays_is_working_day": (status, [p_int, handle, TaDate]),
    "ta_holidays_next_working_day": (status, [p_date, handle, TaDate]),
    "ta_holidays_previous_working_day": (status, [p_date, handle, TaDate]),
    "ta_holidays_add_working_days": (status, [p_date, handle, TaDate, c_int32]),
    "ta_holidays_list": (status, [p_size, handle, c_int32]),
    "ta_holidays_entry": (status, [p_date, p_str, handle, c_size_t]),
    # review.h: schedule
    "ta_review_schedule_new": (status, [out_handle, c_void_p]),
    "ta_review_schedule_free": (None, [handle]),
    "ta_review_schedule_error": (c_char_p, [handle]),
    "ta_review_schedule_set_interval_years": (status, [handle, c_int32]),
    "ta_review_schedule_set_feb29_rule": (status, [handle, c_int]),
    "ta_review_schedule_set_today": (status, [handle, TaDate]),
    "ta_review_schedule_holidays": (c_void_p, [handle]),
    "ta_review_schedule_add_trust": (status, [handle, c_char_p, c_char_p, TaDate]),
    "ta_review_schedule_add_review": (status, [handle, c_char_p, TaDate]),
    "ta_review_schedule_set_end": (status, [handle, c_char_p, TaDate, c_char_p]),
    "ta_review_schedule_add_evidence": (status, [handle, c_char_p, TaDate, c_int32, c_int, c_int]),
    "ta_review_schedule_read_buffer": (status, [handle, c_char_p, c_size_t, c_char_p]),
    "ta_review_schedule_read_file": (status, [handle, c_char_p]),
    "ta_review_schedule_clear_triggers": (status, [handle]),
    "ta_review_schedule_add_trigger": (status, [handle, c_int, c_int32, c_int32, c_int32]),
    "ta_review_schedule_add_sitting": (status, [handle, TaDate]),
    "ta_review_schedule_add_sittings_weekly": (status, [p_size, handle, TaDate, TaDate, c_uint]),
    "ta_review_schedule_set_capacity": (status, [handle, c_int32]),
    "ta_review_schedule_compute": (status, [handle]),
    "ta_review_schedule_count": (c_size_t, [handle]),
    "ta_review_schedule_code": (c_char_p, [handle, c_size_t]),
    "ta_review_schedule_name": (c_char_p, [handle, c_size_t]),
    "ta_review_schedule_due": (status, [p_date, p_date, handle, c_size_t]),
    "ta_review_schedule_trigger": (status, [p_int, p_date, handle, c_size_t]),
    "ta_review_schedule_placement": (status, [p_int, p_date, p_int32, handle, c_size_t]),
    "ta_review_schedule_overdue": (status, [p_int, p_int32, handle, c_size_t]),
    "ta_review_schedule_dropped": (c_int, [handle, c_size_t]),
    "ta_review_schedule_note": (c_char_p, [handle, c_size_t]),
    "ta_review_trigger_name": (c_char_p, [c_int]),
    "ta_review_schedule_to_csv": (status, [p_str, p_size, handle]),
    "ta_review_schedule_to_ics": (status, [p_str, p_size, handle, c_char_p]),
    # register.h
    "ta_register_new": (status, [out_handle, c_void_p]),
    "ta_register_free": (None, [handle]),
    "ta_register_error": (c_char_p, [handle]),
    "ta_register_set_interval_years": (status, [handle, c_int32]),
    "ta_register_set_feb29_rule": (status, [handle, c_int]),
    "ta_register_set_deauthorised_status": (status, [handle, c_int]),
    "ta_register_add_event": (status, [handle, c_char_p, c_char_p, TaDate, c_int, c_char_p]),
    "ta_register_read_buffer": (status, [handle, c_char_p, c_size_t, c_char_p]),
    "ta_register_read_file": (status, [handle, c_char_p]),
    "ta_register_trust_count": (c_size_t, [handle]),
    "ta_register_trust_code": (c_char_p, [handle, c_size_t]),
    "ta_register_trust_name": (c_char_p, [handle, c_size_t]),
    "ta_register_find": (status, [p_size, handle, c_char_p]),
    "ta_register_event_count": (c_size_t, [handle, c_size_t]),
    "ta_register_event_info": (status, [p_date, p_int, p_str, handle, c_size_t, c_size_t]),
    "ta_register_status_on": (status, [p_int, p_int, p_date, handle, c_size_t, TaDate]),
    "ta_register_ceased_on": (status, [p_int, handle, c_size_t, TaDate]),
    "ta_register_review_due": (status, [p_int, p_date, handle, c_size_t, TaDate]),
    "ta_register_reasons": (status, [c_char_p, c_size_t, p_size, handle, c_size_t, TaDate]),
    "ta_register_last_date": (status, [p_date, handle, c_size_t]),
    "ta_register_event_name": (c_char_p, [c_int]),
    "ta_register_event_parse": (status, [p_int, c_char_p]),
    "ta_review_schedule_add_register": (status, [handle, handle, TaDate]),
    # eligibility.h
    "ta_criteria_new": (status, [out_handle, c_char_p, c_void_p]),
    "ta_criteria_preset": (status, [out_handle, c_char_p, c_void_p]),
    "ta_criteria_preset_count": (c_size_t, []),
    "ta_criteria_preset_name": (c_char_p, [c_size_t]),
    "ta_criteria_free": (None, [handle]),
    "ta_criteria_error": (c_char_p, [handle]),
    "ta_criteria_name": (c_char_p, [handle]),
    "ta_criteria_read_file": (status, [handle, c_char_p]),
    "ta_criteria_read_buffer": (status, [handle, c_char_p, c_size_t, c_char_p]),
    "ta_criteria_count": (c_size_t, [handle]),
    "ta_criteria_criterion_id": (c_char_p, [handle, c_size_t]),
    "ta_criteria_criterion_name": (c_char_p, [handle, c_size_t]),
    "ta_criteria_criterion_parameters": (c_char_p, [handle, c_size_t]),
    "ta_criteria_criterion_source": (c_char_p, [handle, c_size_t]),
    "ta_criteria_criterion_reading": (c_char_p, [handle, c_size_t]),
    "ta_criteria_criterion_kind": (status, [p_int, handle, c_size_t]),
    "ta_screen_new_nhse": (status, [out_handle, handle, handle, c_void_p]),
    "ta_screen_new_nhse_as_of": (status, [out_handle, handle, handle, c_char_p, c_void_p]),
    "ta_screen_free": (None, [handle]),
    "ta_screen_error": (c_char_p, [handle]),
    "ta_screen_set_as_of": (status, [handle, TaDate]),
    "ta_screen_set_quarters": (status, [handle, c_int]),
    "ta_screen_supply_judgement": (status, [handle, c_char_p, c_char_p, c_int, c_char_p]),
    "ta_screen_supply_cqc": (status, [handle, c_char_p, c_int, TaDate]),
    "ta_screen_read_evidence_buffer": (status, [handle, c_char_p, c_size_t, c_char_p]),
    "ta_screen_read_evidence_file": (status, [handle, c_char_p]),
    "ta_screen_run": (status, [handle, handle, handle]),
    "ta_screen_trust_count": (c_size_t, [handle]),
    "ta_screen_trust_code": (c_char_p, [handle, c_size_t]),
    "ta_screen_trust_name": (c_char_p, [handle, c_size_t]),
    "ta_screen_trust_type": (c_char_p, [handle, c_size_t]),
    "ta_screen_period_count": (c_size_t, [handle]),
    "ta_screen_period": (c_char_p, [handle, c_size_t]),
    "ta_screen_criterion_count": (c_size_t, [handle, c_int]),
    "ta_screen_criterion_id": (c_char_p, [handle, c_int, c_size_t]),
    "ta_screen_verdict": (status, [p_int, handle, c_int, c_size_t]),
    "ta_screen_verdict_counts": (status, [p_size, p_size, p_size, handle, c_int, c_size_t]),
    "ta_screen_change": (c_char_p, [handle, c_int, c_size_t]),
    "ta_screen_result_outcome": (status, [p_int, handle, c_int, c_size_t, c_size_t]),
    "ta_screen_result_value": (status, [p_int, p_double, handle, c_int, c_size_t, c_size_t]),
    "ta_screen_result_threshold": (status, [p_int, p_double, handle, c_int, c_size_t, c_size_t]),
    "ta_screen_result_period": (status, [p_size, handle, c_int, c_size_t, c_size_t]),
    "ta_screen_result_reason": (c_char_p, [handle, c_int, c_size_t, c_size_t]),
    "ta_screen_export": (status, [p_str, p_size, handle, c_int, c_char_p]),
    # rules.h
    "ta_rule_rank_score": (status, [p_double, c_double, p_double, c_size_t, c_int]),
    "ta_rule_band_score": (status, [p_double, c_double, p_double, c_size_t, c_int]),
    "ta_rule_average": (status, [p_double, p_double, p_double, c_size_t, c_int]),
    "ta_rule_segment": (status, [p_int, c_double, p_double, c_size_t, c_int]),
    "ta_rule_adjust_segment": (status, [p_int, p_int, c_int, c_int, c_int, c_int, c_int]),
    "ta_rule_ranks": (status, [p_uint32, p_int, p_double, c_size_t, c_int, c_void_p]),
    # money.h
    "ta_money_parse": (status, [p_int64, c_char_p]),
    "ta_money_parse_signed": (status, [p_int64, c_char_p]),
    "ta_money_format": (status, [c_char_p, c_size_t, c_int64, c_uint]),
    # capital.h: rule sets
    "ta_capital_rules_preset": (status, [out_handle, c_char_p, c_void_p]),
    "ta_capital_rules_preset_count": (c_size_t, []),
    "ta_capital_rules_preset_name": (c_char_p, [c_size_t]),
    "ta_capital_rules_new": (status, [out_handle, c_char_p, c_void_p]),
    "ta_capital_rules_free": (None, [handle]),
    "ta_capital_rules_error": (c_char_p, [handle]),
    "ta_capital_rules_name": (c_char_p, [handle]),
    "ta_capital_rules_set": (status, [handle, c_int, c_int64, c_char_p]),
    "ta_capital_rules_get": (status, [p_int64, p_str, handle, c_int]),
    "ta_capital_rules_value_text": (status, [c_char_p, c_size_t, handle, c_int]),
    "ta_capital_rules_set_text": (status, [handle, c_char_p, c_char_p, c_char_p]),
    "ta_capital_rules_read_buffer": (status, [handle, c_char_p, c_size_t, c_char_p]),
    "ta_capital_rules_read_file": (status, [handle, c_char_p]),
    "ta_capital_param_name": (c_char_p, [c_int]),
    "ta_capital_param_description": (c_char_p, [c_int]),
    "ta_capital_body_name": (c_char_p, [c_int]),
    "ta_capital_document_name": (c_char_p, [c_uint]),
    # capital.h: proposals
    "ta_capital_proposal_new": (status, [out_handle, c_char_p, c_char_p, c_void_p]),
    "ta_capital_proposal_free": (None, [handle]),
    "ta_capital_proposal_error": (c_char_p, [handle]),
    "ta_capital_proposal_trust_code": (c_char_p, [handle]),
    "ta_capital_proposal_scheme_ref": (c_char_p, [handle]),
    "ta_capital_proposal_set_scheme_name": (status, [handle, c_char_p]),
    "ta_capital_proposal_set_status": (status, [handle, c_int]),
    "ta_capital_proposal_set_segment": (status, [handle, c_int]),
    "ta_capital_proposal_set_distress": (status, [handle, c_int]),
    "ta_capital_proposal_set_amount": (status, [handle, c_int64]),
    "ta_capital_proposal_set_vat": (status, [handle, c_int64]),
    "ta_capital_proposal_set_whole_life_cost": (status, [handle, c_int64]),
    "ta_capital_proposal_set_funding": (status, [handle, c_int]),
    "ta_capital_proposal_set_savings": (status, [handle, c_int64]),
    "ta_capital_proposal_set_deficit": (status, [handle, c_int]),
    "ta_capital_proposal_deficit": (c_int, [handle]),
    "ta_capital_proposal_set_date": (status, [handle, TaDate]),
    "ta_capital_proposal_date": (status, [p_int, p_date, handle]),
    "ta_capital_proposal_set_year_savings": (status, [handle, c_int32, c_int64]),
    "ta_capital_proposal_savings_counted": (status, [p_int64, handle]),
    "ta_capital_proposal_apply_register": (status, [handle, handle]),
    "ta_capital_portfolio_apply_register": (status, [handle, handle]),
    "ta_capital_proposal_scheme_name": (c_char_p, [handle]),
    "ta_capital_proposal_status": (c_int, [handle]),
    "ta_capital_proposal_segment": (c_int, [handle]),
    "ta_capital_proposal_distress": (c_int, [handle]),
    "ta_capital_proposal_amount": (c_int64, [handle]),
    "ta_capital_proposal_vat": (c_int64, [handle]),
    "ta_capital_proposal_whole_life_cost": (c_int64, [handle]),
    "ta_capital_proposal_funding": (c_int, [handle]),
    "ta_capital_proposal_savings": (c_int64, [handle]),
    "ta_capital_proposal_check": (status, [handle, handle]),
    "ta_capital_proposal_route": (status, [p_int, p_int, handle]),
    "ta_capital_proposal_approver_count": (c_size_t, [handle]),
    "ta_capital_proposal_approver": (status, [p_int, handle, c_size_t]),
    "ta_capital_proposal_documents": (status, [p_uint, handle]),
    "ta_capital_proposal_compared": (status, [p_int64, handle]),
    "ta_capital_proposal_headroom": (status, [p_int, p_int64, p_int64, handle]),
    "ta_capital_proposal_reason_count": (c_size_t, [handle]),
    "ta_capital_proposal_reason": (status, [p_str, p_str, handle, c_size_t]),
    "ta_capital_proposal_split_flagged": (c_int, [handle]),
    "ta_capital_proposal_output": (c_char_p, [handle, c_int]),
    # capital.h: portfolios
    "ta_capital_portfolio_new": (status, [out_handle, c_void_p]),
    "ta_capital_portfolio_free": (None, [handle]),
    "ta_capital_portfolio_error": (c_char_p, [handle]),
    "ta_capital_portfolio_add": (status, [out_handle, handle, c_char_p, c_char_p]),
    "ta_capital_portfolio_count": (c_size_t, [handle]),
    "ta_capital_portfolio_proposal": (c_void_p, [handle, c_size_t]),
    "ta_capital_portfolio_check": (status, [handle, handle]),
    "ta_capital_portfolio_read_buffer": (status, [handle, c_char_p, c_size_t, c_char_p, c_uint]),
    "ta_capital_portfolio_read_file": (status, [handle, c_char_p, c_uint]),
    "ta_capital_portfolio_row_error_count": (c_size_t, [handle]),
    "ta_capital_portfolio_row_error": (status, [p_size, p_size, p_int, handle, c_size_t]),
    "ta_capital_portfolio_row_error_message": (c_char_p, [handle, c_size_t]),
    "ta_capital_portfolio_column_count": (c_size_t, [handle]),
    "ta_capital_portfolio_column_name": (c_char_p, [handle, c_size_t]),
    "ta_capital_portfolio_cell": (c_char_p, [handle, c_size_t, c_size_t]),
    "ta_capital_portfolio_line": (c_size_t, [handle, c_size_t]),
}


def _candidates() -> List[str]:
    paths: List[str] = []
    env = os.environ.get(ENV_VAR)
    if env:
        paths.append(env)
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), SONAME)
    if os.path.exists(here):
        paths.append(here)
    paths.append(SONAME)
    return paths


def _load() -> ctypes.CDLL:
    tried: List[str] = []
    env = os.environ.get(ENV_VAR)
    for path in _candidates():
        try:
            cdll = ctypes.CDLL(path)
        except OSError as exc:
            if env and path == env:
                # An explicit choice that fails is an error, not a reason to
                # silently load some other copy.
                raise LibraryNotFoundError(
                    f"{ENV_VAR}={env!r} could not be loaded: {exc}"
                ) from exc
            tried.append(f"{path} ({exc})")
            continue
        return cdll
    raise LibraryNotFoundError(
        "libtrustassess.so.1 not found; tried: "
        + "; ".join(tried)
        + f". Set {ENV_VAR} to the library's path, or install it where the "
        "system loader finds it."
    )


def _declare(cdll: ctypes.CDLL) -> None:
    missing = []
    for name, (restype, argtypes) in _FUNCTIONS.items():
        try:
            fn = getattr(cdll, name)
        except AttributeError:
            missing.append(name)
            continue
        fn.restype = restype
        fn.argtypes = argtypes
    if missing:
        raise LibraryVersionError(
            f"{cdll._name} lacks functions this package needs: {', '.join(missing)}"
        )


def _check_version(cdll: ctypes.CDLL) -> None:
    version = cdll.ta_version()
    text = cdll.ta_version_string().decode("ascii", "replace")
    major, minor = version // 10000, (version // 100) % 100
    if (major, minor) != (SUPPORTED_MAJOR, SUPPORTED_MINOR):
        raise LibraryVersionError(
            f"{cdll._name} is libtrustassess {text}; this package supports "
            f"{SUPPORTED_MAJOR}.{SUPPORTED_MINOR}.x only"
        )


def load() -> ctypes.CDLL:
    """Loads, declares and version-checks the library (see the module docstring)."""
    cdll = _load()
    # The version functions first, so that an old library is reported as such
    # and not as one with missing symbols.
    for name in ("ta_version", "ta_version_string"):
        restype, argtypes = _FUNCTIONS[name]
        fn = getattr(cdll, name, None)
        if fn is None:
            raise LibraryVersionError(f"{cdll._name} is not libtrustassess (no {name})")
        fn.restype, fn.argtypes = restype, argtypes
    _check_version(cdll)
    _declare(cdll)
    return cdll


lib = load()

#: The path or name the library was loaded from.
library_path: str = lib._name


def version() -> str:
    """The loaded library's version string, e.g. ``"0.2.0"``."""
    return lib.ta_version_string().decode("ascii")


def text(value: Optional[bytes]) -> Optional[str]:
    """A C string (``bytes`` or ``None`` from a ``c_char_p`` restype) as ``str``."""
    return None if value is None else value.decode("utf-8")
