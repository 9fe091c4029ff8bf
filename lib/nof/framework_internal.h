/*
 * Internal: the layout of a framework, shared by the builder, the catalogue
 * reader, trusts and assessments.
 *
 * A framework is plain data: arrays of metrics and domains plus a few
 * settings. The builder edits one of these in place and ta_framework_builder_build
 * deep-copies it, so a built framework never changes and needs no locking.
 */
#ifndef TAI_FRAMEWORK_INTERNAL_H
#define TAI_FRAMEWORK_INTERNAL_H

#include <stdint.h>

#include "common/error.h"
#include "common/strmap.h"
#include "figure_id.h"
#include "trustassess/framework.h"

#define TAI_MAX_CUTS 8                         /* band cut points per metric */
#define TAI_MAX_BRACKETS (TAI_MAX_CUTS + 1)    /* bracket scores: one more than the cuts */
#define TAI_MAX_CUTOFFS 8                      /* segment cut-offs */
#define TAI_MAX_SEGMENTS (TAI_MAX_CUTOFFS + 1) /* segments: one more than the cut-offs */
#define TAI_COMBO_CELLS 16                     /* a combination table: 4 x 4 scores */

#define TAI_SOURCE_MAX 256 /* longest source text, with its terminator */

/* A metric's comparison pool size in one period. */
typedef struct tai_pool {
    char *period;
    char *source;
    unsigned size;
} tai_pool;

typedef struct tai_metric {
    char *id;     /* score ID, e.g. "OF1005" */
    char *raw_id; /* raw-value ID, e.g. "OF0005", or "" */
    char *name;
    size_t domain; /* index into domains */
    ta_scoring scoring;
    ta_direction direction;
    int in_average;
    double standard; /* the standard or floor of STANDARD_CAPPED, STANDARD, FLOOR */
    int has_threshold;
    size_t n_cuts; /* TA_SCORING_BANDED, TA_SCORING_BRACKETED */
    double cuts[TAI_MAX_CUTS];
    double bracket_scores[TAI_MAX_BRACKETS]; /* TA_SCORING_BRACKETED */
    unsigned weight_num, weight_den;         /* weight in the average (1/1) */
    char *source;                            /* where the definition comes from */
    tai_pool *pools;
    size_t n_pools, pools_cap;
    char *combo_first, *combo_second;             /* TA_SCORING_COMBINED: component IDs */
    size_t combo_first_index, combo_second_index; /* resolved when built */
    double combo_table[TAI_COMBO_CELLS];
    char *where; /* "FILE:LINE:COLUMN" of its catalogue row while in a builder, else NULL */
} tai_metric;

typedef struct tai_domain {
    char *key;
    char *name;
    char *score_id;
} tai_domain;

typedef struct tai_figure {
    ta_figure kind;
    char *id;
    char *name;
} tai_figure;

/* What an ID names (TAI_ID_*, figure_id.h) is stored in tai_framework_def.ids
 * as value = index * 4 + kind. */

typedef struct tai_framework_def {
    ta_allocator alloc;
    char *name;
    tai_metric *metrics;
    size_t n_metrics, metrics_cap;
    tai_domain *domains;
    size_t n_domains, domains_cap;
    tai_figure *figures;
    size_t n_figures, figures_cap;
    tai_strmap ids; /* every ID above -> index * 4 + kind */
    char **trust_types;
    size_t n_trust_types, trust_types_cap;
    int weighted;        /* some metric's weight is not 1/1 */
    uint32_t weight_lcm; /* least common multiple of the weights' denominators (build) */
    size_t n_cutoffs;    /* segments - 1 */
    double cutoffs[TAI_MAX_CUTOFFS];
    int cutoffs_explicit; /* 0: quartile-style quantiles of the assessed population */
    ta_quantile quantile;
    ta_cutoff_rule cutoff_rule;
    int deficit_cap;
    int rsp_segment;
    int decimals;
} tai_framework_def;

struct ta_framework {
    tai_framework_def def;
};

struct ta_framework_builder {
    tai_framework_def def;
    tai_error err;
};

/* Looks an ID up: 1 and *index, *kind when known. */
int tai_framework_lookup(const tai_framework_def *def, const char *id, size_t *index, int *kind);

/* The index of the figure of `kind` (not TA_FIGURE_OTHER), or (size_t)-1. */
size_t tai_framework_figure(const tai_framework_def *def, ta_figure kind);

/* Metric m's pool size in period, or 0 when the framework holds none. */
unsigned tai_metric_pool(const tai_metric *m, const char *period);

/* Whether metric m is scored by rank between bookends (rank, standard, floor). */
int tai_scoring_ranks(ta_scoring s);

/* The score range between the bookends of a rank-scored metric. */
void tai_bookends(ta_scoring s, double *lo, double *hi);

/* 10^decimals as a double (decimals 0..6). */
double tai_framework_scale(const tai_framework_def *def);

#endif /* TAI_FRAMEWORK_INTERNAL_H */
