/*
 * Internal: nof's loader interface. The published figures of NHS England as
 * a ta_nhse_file keeps them: quarters, trust types, (quarter, trust) entries
 * and their figures, each with the framework kind and index its ID has.
 *
 * nof owns this store and everything that reads the rules off it (building
 * assessments from published figures, the cut-offs published segments imply,
 * verification, the league table); io's loaders (lib/io: the CSV reader of
 * NHS England's files and the merge of several) fill it through this header
 * and nothing else of nof's, so io needs no *_internal.h and holds no rule.
 */
#ifndef TAI_NOF_PUBLISHED_H
#define TAI_NOF_PUBLISHED_H

#include "common/error.h"
#include "common/strmap.h"
#include "figure_id.h"
#include "trustassess/nhse.h"

/* One published figure: a row with a Value. */
typedef struct tai_nhse_figure {
    size_t entry; /* (period, trust) */
    size_t id_index;
    int id_kind;
    double value;
    double rank;
    int has_rank;
    size_t line;
    size_t column; /* of the value, for messages */
    size_t file;   /* index into the handle's files */
} tai_nhse_figure;

/* One trust in one period. */
typedef struct tai_nhse_entry {
    size_t period;
    size_t type;
    char *code;
    char *fields[4]; /* name, type, subtype, region, as ta_trust_field */
    size_t file;     /* the file that first gave the entry */
    size_t line;     /* the line of that file where the entry first appears */
} tai_nhse_entry;

/* The two layouts NHS England publishes: the long data file (one row per
 * trust x metric) and the league table (one row per trust). */
enum { TAI_LAYOUT_LONG = 0, TAI_LAYOUT_LEAGUE = 1 };

struct ta_nhse_file {
    ta_allocator alloc;
    const ta_framework *fw;
    tai_error err;
    int has_read;
    char **periods;
    size_t n_periods, periods_cap;
    char **types;
    size_t n_types, types_cap;
    tai_nhse_entry *entries;
    size_t n_entries, entries_cap;
    tai_nhse_figure *figures;
    size_t n_figures, figures_cap;
    size_t *by_entry;    /* figure indexes grouped by entry (counting sort) */
    size_t *entry_start; /* n_entries + 1 offsets into by_entry */
    size_t n_rows;
    tai_strmap period_map, type_map, entry_map, figure_map;
    char **files; /* the names of the files read, in order */
    int *layouts; /* each file's TAI_LAYOUT_* */
    size_t n_files, files_cap, layouts_cap;
};

/* ---- for loaders: the framework's IDs ---------------------------------- */

/* Looks a published ID up in f's framework: 1 and *index, *kind (TAI_ID_*)
 * when the framework knows it. */
int tai_nhse_lookup(const ta_nhse_file *f, const char *id, size_t *index, int *kind);
/* The framework's index of the result figure of `kind`, or (size_t)-1. */
size_t tai_nhse_figure_index(const ta_nhse_file *f, ta_figure kind);
/* The kind of result figure `index` (as tai_nhse_lookup gives with TAI_ID_FIGURE). */
ta_figure tai_nhse_figure_kind(const ta_nhse_file *f, size_t index);
/* Frees everything read, leaving an empty handle (a failed read). */
void tai_nhse_clear(ta_nhse_file *f);

/* ---- the store ------------------------------------------------------- */

/* The stored figure of (period, code, id), or NULL. */
const tai_nhse_figure *tai_nhse_find_figure(const ta_nhse_file *f, const char *period,
                                            const char *code, const char *id);

/* Builds the figure index of a handle whose figures are complete. */
ta_status tai_nhse_index(ta_nhse_file *f);
/* Frees a handle's contents (not the handle, not its error). */
void tai_nhse_release(ta_nhse_file *f);
/* The index of text in a list of distinct strings, added if new. */
ta_status tai_nhse_intern(ta_nhse_file *f, tai_strmap *map, char ***list, size_t *n, size_t *cap,
                          const char *text, size_t *index);
/* The size of a key buffer: a quarter, a trust code and an ID with two
 * separators (row_entry refuses a row whose key would not fit). */
#define TAI_NHSE_KEY_MAX 512

/* The composite key "a \x1f b \x1f c" in buf; 0 if it does not fit. */
size_t tai_nhse_key(char *buf, size_t size, const char *a, const char *b, const char *c);
/* The text of a figure's ID (metric score, raw value, domain or result). */
const char *tai_nhse_figure_id(const ta_nhse_file *f, const tai_nhse_figure *fig);
/* Entry e's result figure of kind `kind`, or NULL. */
const tai_nhse_figure *tai_nhse_entry_figure(const ta_nhse_file *f, size_t e, ta_figure kind);
/* The same by the framework's figure index (tai_framework_figure;
 * (size_t)-1 gives NULL): no lookup of the kind. */
const tai_nhse_figure *tai_nhse_entry_figure_at(const ta_nhse_file *f, size_t e, size_t figure);

/* "2.35 in [2.35, 2.36) below: RAS above: R0A; ..." for
 * quarter p: each of the n cut-offs `values`, the interval the published
 * segments put it in and the trusts that bound it, in one pass over the
 * quarter's trusts. Truncated to size. */
ta_status tai_nhse_cutoff_text(ta_nhse_file *f, size_t p, const double *values, size_t n, char *buf,
                               size_t size);

#endif /* TAI_NOF_PUBLISHED_H */
