/*
 * Internal: the layout of a read NHS England file, shared by the reader
 * (nhse.c) and the verification (verify.c).
 */
#ifndef TAI_NHSE_INTERNAL_H
#define TAI_NHSE_INTERNAL_H

#include "common/error.h"
#include "common/strmap.h"
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
} tai_nhse_figure;

/* One trust in one period. */
typedef struct tai_nhse_entry {
    size_t period;
    size_t type;
    char *code;
    char *fields[4]; /* name, type, subtype, region, as ta_trust_field */
} tai_nhse_entry;

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
};

/* The stored figure of (period, code, id), or NULL. */
const tai_nhse_figure *tai_nhse_find_figure(const ta_nhse_file *f, const char *period, const char *code,
                                   const char *id);

#endif /* TAI_NHSE_INTERNAL_H */
