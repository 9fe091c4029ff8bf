/*
 * libtrustassess: the league tables of NHS England's published files.
 *
 * A ta_league is the job `trustassess league` does, as one library object, so
 * that the command, Python, R and the spreadsheet give the same rows from the
 * same code. It is built over a ta_nhse_file (which may hold several files:
 * ta_nhse_file_add_file), and for each selected quarter (file order) and trust type
 * (byte order of the text) it makes one assessment, ranked separately, with
 * the quarter's cut-offs under a policy:
 *
 *   TA_CUTOFFS_PUBLISHED       read off every published segment of every file
 *                              of the handle (ta_nhse_file_published_cutoffs):
 *                              one national set per quarter (default)
 *   TA_CUTOFFS_GIVEN           the numbers given to ta_league_set_cutoffs
 *   TA_CUTOFFS_QUARTILES_ALL   quantiles (the framework's definition, QUARTILE.INC
 *                              for NOF 2025/26) of the rounded averages of
 *                              every trust of the quarter, all types pooled
 *   TA_CUTOFFS_QUARTILES_TYPE  the same of each trust type's own trusts
 *   TA_CUTOFFS_FIXED           the framework's fixed thresholds
 *
 * Its rows are NHS England's league-table columns (the first
 * TA_LEAGUE_PLAIN_COLUMNS), then figures behind each row: one text cell per
 * column (numbers locale-independent, likely ranges written as NHS England
 * writes them, "1.2 to 1.89"), and the numbers behind the cells. Rows come by
 * quarter, trust type, then the library's league order; a trust that is not
 * segmented has no row.
 *
 * The file must outlive the league. Not thread-safe per handle; strings
 * returned are owned by the league and valid until the next run or free.
 */
#ifndef TRUSTASSESS_LEAGUE_H
#define TRUSTASSESS_LEAGUE_H

#include "assessment.h"
#include "common.h"
#include "nhse.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ta_league ta_league;

/* How each quarter's segment cut-offs are found (see above). */
typedef enum ta_cutoff_policy {
    TA_CUTOFFS_PUBLISHED = 0,
    TA_CUTOFFS_GIVEN = 1,
    TA_CUTOFFS_QUARTILES_ALL = 2,
    TA_CUTOFFS_QUARTILES_TYPE = 3,
    TA_CUTOFFS_FIXED = 4
} ta_cutoff_policy;

/* The name of a ta_cutoff_policy value ("published", "given", "quartiles_all", ...); "" for a value
 * outside the enum. Static storage. */
TA_API const char *ta_cutoff_policy_name(ta_cutoff_policy v);

/* What a column's cells hold beside their text. */
typedef enum ta_column_kind {
    TA_COLUMN_TEXT = 0,
    TA_COLUMN_DECIMAL = 1, /* a number with the framework's decimals */
    TA_COLUMN_INTEGER = 2,
    TA_COLUMN_YES_NO = 3, /* "Yes" (1) or "No" (0) */
    TA_COLUMN_RANGE = 4   /* "lo to hi", two numbers */
} ta_column_kind;

/* The name of a ta_column_kind value ("text", "decimal", "integer", ...); "" for a value outside
 * the enum. Static storage. */
TA_API const char *ta_column_kind_name(ta_column_kind v);

/* The published table's columns: Quarter .. Likely_range_of_rank. */
#define TA_LEAGUE_PLAIN_COLUMNS 12

/* A league over file f (read, and outliving the league): every quarter and
 * trust type, published cut-offs, published scores, no likely ranges. */
TA_API ta_status ta_league_new(ta_league **out, ta_nhse_file *f, const ta_allocator *alloc);
TA_API void ta_league_free(ta_league *l);
/* The message of the league's last failed call ("" if none). */
TA_API const char *ta_league_error(const ta_league *l);

/* Selects a quarter (its exact text, or its first word when one quarter of
 * the file has it); repeat for several. None selected = every quarter.
 * TA_ENOTFOUND, with the file's quarters in the message, for text naming no
 * single quarter. */
TA_API ta_status ta_league_select_quarter(ta_league *l, const char *quarter);
/* Selects a trust type (exact text); repeat for several. None = every type.
 * TA_ENOTFOUND, with the file's types in the message, for a type not in it. */
TA_API ta_status ta_league_select_trust_type(ta_league *l, const char *trust_type);
/* Where metric scores come from (default TA_FROM_SCORES). */
TA_API ta_status ta_league_set_source(ta_league *l, ta_nhse_source source);
/* The cut-off policy (default TA_CUTOFFS_PUBLISHED). TA_CUTOFFS_GIVEN needs
 * ta_league_set_cutoffs, which sets it. */
TA_API ta_status ta_league_set_cutoff_policy(ta_league *l, ta_cutoff_policy policy);
/* Explicit cut-offs for every quarter (n = segments - 1, strictly ascending,
 * checked as ta_assessment_set_cutoffs does); sets TA_CUTOFFS_GIVEN. */
TA_API ta_status ta_league_set_cutoffs(ta_league *l, size_t n, const double *cutoffs);
/* Fills the likely-range columns by ta_assessment_likely_ranges on each
 * assessment (replicates 1 .. 10^7, interval in (0, 1), seed, threads 0 ..
 * 256). replicates = 0 turns them off (the default). A trust without metric
 * scores (a league-table row) has empty likely ranges. */
TA_API ta_status ta_league_set_likely_ranges(ta_league *l, uint32_t replicates, double interval,
                                             uint64_t seed, unsigned threads);

/* Makes the tables, replacing an earlier run's. On failure there are no rows
 * and the message names the quarter (and the trusts, for published segments
 * that contradict each other). */
TA_API ta_status ta_league_run(ta_league *l);

/* ---- columns (the same for every league) ------------------------------- */

/* How many columns a row has. */
TA_API size_t ta_league_column_count(void);
/* Column c's name (static storage) and kind. TA_EINVAL for c out of range. */
TA_API ta_status ta_league_column(const char **name, ta_column_kind *kind, size_t c);

/* ---- results of the last run ------------------------------------------- */

/* One block per quarter x trust type that has trusts: its quarter, trust
 * type and run assessment (owned by the league: read its cut-offs, metric
 * scores, reasons; do not free it). */
TA_API size_t ta_league_block_count(const ta_league *l);
TA_API ta_status ta_league_block(const char **quarter, const char **trust_type,
                                 const ta_assessment **assessment, const ta_league *l, size_t b);

/* The number of rows after ta_league_run (0 before, or for NULL). */
TA_API size_t ta_league_row_count(const ta_league *l);
/* The text of a cell ("" for an empty one); NULL for a bad row or column. */
TA_API const char *ta_league_cell(const ta_league *l, size_t row, size_t col);
/* The numbers behind a cell: *has = 0 for an empty or text cell; a decimal,
 * integer or yes/no cell gives lo = hi = its value (yes 1, no 0), a range its
 * two ends. Any number out-pointer may be NULL. */
TA_API ta_status ta_league_cell_number(int *has, double *lo, double *hi, const ta_league *l,
                                       size_t row, size_t col);
/* The block and the trust index within its assessment of a row. */
TA_API ta_status ta_league_row_trust(size_t *block, size_t *trust, const ta_league *l, size_t row);

#ifdef __cplusplus
}
#endif

#endif /* TRUSTASSESS_LEAGUE_H */
