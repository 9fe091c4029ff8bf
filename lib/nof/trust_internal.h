/*
 * Internal: the layout of a trust, read by assessments when a trust is added.
 *
 * Per-metric inputs are parallel arrays indexed like the framework's metrics;
 * NaN marks "not given" for values and scores, rank 0 marks "no rank".
 */
#ifndef TAI_TRUST_INTERNAL_H
#define TAI_TRUST_INTERNAL_H

#include "common/error.h"
#include "trustassess/trust.h"

#define TAI_CODE_MAX 16
#define TAI_N_FIELDS 4
#define TAI_N_FLAGS 2

struct ta_trust {
    ta_allocator alloc;
    const ta_framework *fw;
    tai_error err;
    char code[TAI_CODE_MAX + 1];
    char *fields[TAI_N_FIELDS];
    ta_ft_status ft_status;
    ta_tristate flags[TAI_N_FLAGS];
    double *values;  /* n_metrics, NaN = none */
    double *scores;  /* n_metrics, NaN = none */
    uint32_t *ranks; /* n_metrics, 0 = none */
    uint32_t *pools; /* n_metrics */
};

/* 1 if code is a valid trust code (1..16 printable ASCII, no spaces or commas). */
int tai_trust_code_valid(const char *code);

#endif /* TAI_TRUST_INTERNAL_H */
