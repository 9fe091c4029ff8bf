/*
 * libtrustassess: the NHS Oversight Framework's published rules as a C library.
 *
 * The umbrella header: include this one, or a module header under
 * trustassess/. Every function is documented where its module declares it.
 *
 *   trustassess/common.h      status codes, allocator, dates, decimals, version
 *   trustassess/framework.h   methodologies as data (presets, builder, CSV)
 *   trustassess/trust.h       a trust's evidence for one period
 *   trustassess/assessment.h  segmentation and league tables
 *   trustassess/rules.h       the segmentation rules as pure functions (spreadsheets)
 *   trustassess/nhse.h        NHS England's published files
 *   trustassess/league.h      the league table over published files
 *   trustassess/verify.h      checking published figures against the rules
 *   trustassess/analysis.h    likely ranges (bootstrap) and what-if: EXPERIMENTAL
 *   trustassess/date.h        civil dates (no time, no time zone)
 *   trustassess/review.h      working days, five-yearly review schedule, panel calendar
 *   trustassess/register.h    the status register: AFT events, status on a date
 *   trustassess/money.h       money as integer pence: parsing and formatting
 *   trustassess/capital.h     capital investment routes (the £100m rule) and approvals
 *   trustassess/eligibility.h the advanced foundation trust and IHO eligibility screen
 *
 * THE API CONVENTION (checked by scripts/check-api.py in the test command)
 *
 *   Names      ta_<noun>_<verb>: the noun is a type (ta_framework_builder_build)
 *              or a module (ta_nhse_period_end); types ta_<noun>, constants
 *              TA_<WORD>. Exceptions kept from C and SQLite: ta_strerror,
 *              ta_version, ta_version_string.
 *   Handles    opaque; ta_<noun>_new(&out, ..., alloc) makes one (alloc NULL =
 *              malloc), ta_<noun>_free(NULL) is a no-op, ta_<noun>_error(h) is
 *              the message of the handle's last failed call ("" if none).
 *   Status     every fallible call returns ta_status (values fixed forever).
 *   Out first  out-parameters come before every input, as in libgit2:
 *              ta_assessment_rank(&rank, a, i), ta_date_format(buf, size, d),
 *              ta_framework_builder_build(&fw, b). An out buffer is followed by
 *              its size. The handle a call changes (ta_trust_set_value(t, ...))
 *              is an input, not an out-parameter. A NULL out-pointer is
 *              allowed where the declaration says it may be NULL. At most
 *              three out-parameters per call (has + value, a buffer + needed,
 *              a few counts); a record of more is read through accessors.
 *   Text in    ta_<noun>_read_file(h, path, ...) reads a file;
 *              ta_<noun>_read_buffer(h, data, len, name, ...) reads len bytes
 *              (no NUL needed) and names them `name` in messages (file, line,
 *              column). Other readers end _file / _buffer with the same
 *              arguments (ta_nhse_file_add_buffer(f, data, len, name)).
 *   Numbers    money is int64_t pence (ta_money_*), dates ta_date (ta_date_*),
 *              decimal text ta_decimal_parse / ta_decimal_format, never the
 *              locale.
 *   Counts     every ta_<noun>_<thing>_count returns size_t (0 for NULL or a
 *              handle with nothing to count), and items are read by index
 *              0 .. count-1 through small accessors, one value each (or a few
 *              that belong together), not records of many out-pointers.
 *   Enums      every enum ta_x has const char *ta_x_name(ta_x): a static
 *              string, never NULL; "" for a value outside the enum. Bindings
 *              take their names from it rather than keeping tables.
 *   Strings    returned const char * are owned by the library: static, or
 *              owned by the handle until the next call that changes it or its
 *              _free. An accessor given a bad index returns NULL.
 *   Comments   every function has a comment where it is declared.
 *   Stability  everything declared here is the 0.2 ABI (abi/libtrustassess-0.2.abi,
 *              checked with abidiff in the test command), except declarations
 *              inside #ifdef TA_EXPERIMENTAL: define TA_EXPERIMENTAL before
 *              including to see them (zstd's ZSTD_STATIC_LINKING_ONLY pattern).
 *              They are exported, but may change or go in any release and are
 *              outside the ABI gate (abi/experimental.suppr).
 */
#ifndef TRUSTASSESS_H
#define TRUSTASSESS_H

#include "trustassess/common.h"
#include "trustassess/framework.h"
#include "trustassess/trust.h"
#include "trustassess/assessment.h"
#include "trustassess/rules.h"
#include "trustassess/nhse.h"
#include "trustassess/league.h"
#include "trustassess/verify.h"
#include "trustassess/analysis.h"
#include "trustassess/date.h"
#include "trustassess/review.h"
#include "trustassess/register.h"
#include "trustassess/money.h"
#include "trustassess/capital.h"
#include "trustassess/eligibility.h"

#endif /* TRUSTASSESS_H */
