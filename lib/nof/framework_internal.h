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

#include "common/error.h"
#include "common/strmap.h"
#include "trustassess/framework.h"

#define TAI_MAX_CUTS 8     /* band cut points per metric */
#define TAI_MAX_CUTOFFS 8  /* segment cut-offs (so at most 9 segments) */
#define TAI_ID_MAX 64      /* longest metric, domain or figure ID */

typedef struct tai_metric {
    char *id;     /* score ID, e.g. "OF1005" */
    char *raw_id; /* raw-value ID, e.g. "OF0005", or "" */
    char *name;
    size_t domain; /* index into domains */
    ta_scoring scoring;
    ta_direction direction;
    int in_average;
    double standard; /* TA_SCORING_STANDARD_CAPPED */
    size_t n_cuts;   /* TA_SCORING_BANDED */
    double cuts[TAI_MAX_CUTS];
    char *combo_first, *combo_second; /* TA_SCORING_COMBINED: component IDs */
    size_t combo_first_index, combo_second_index; /* resolved when built */
    double combo_table[16];
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

/* What an ID names, as stored in tai_framework_def.ids (value = index * 4 + kind). */
enum { TAI_ID_SCORE = 0, TAI_ID_RAW = 1, TAI_ID_DOMAIN = 2, TAI_ID_FIGURE = 3 };

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
    size_t n_cutoffs; /* segments - 1 */
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

/* 10^decimals as a double (decimals 0..6). */
double tai_framework_scale(const tai_framework_def *def);

#endif /* TAI_FRAMEWORK_INTERNAL_H */
