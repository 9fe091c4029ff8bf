/*
 * libtrustassess: a trust and its evidence for one period.
 *
 * A ta_trust holds what an assessment needs to know of one organisation in one
 * period: its ODS code, descriptive fields, its foundation-trust status, the
 * financial-deficit and Recovery Support Programme flags, and per metric a raw
 * value, a supplied score and optionally a rank supplied from elsewhere.
 *
 * A trust is made against a framework so that every metric ID is checked when
 * it is set (an unknown ID is TA_ENOTFOUND, with a message on the trust). The
 * framework must outlive the trust. Strings passed in are copied; strings
 * returned are owned by the trust and valid until the next call that changes
 * the same field, or ta_trust_free().
 */
#ifndef TRUSTASSESS_TRUST_H
#define TRUSTASSESS_TRUST_H

#include "common.h"
#include "framework.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ta_trust ta_trust;

typedef enum ta_ft_status {
    TA_NHS_TRUST = 0,
    TA_FOUNDATION_TRUST = 1,
    TA_ADVANCED_FOUNDATION_TRUST = 2
} ta_ft_status;

/* The status as the published files and the capital rules write it: "NHS
 * trust", "Foundation trust", "Advanced foundation trust"; "" for a value
 * outside the enum. Static storage. */
TA_API const char *ta_ft_status_name(ta_ft_status status);
/* The inverse of ta_ft_status_name: the text matched without regard to ASCII
 * case or surrounding spaces (as the proposals CSV reader matches it).
 * TA_EPARSE for any other text, TA_EINVAL for NULL. */
TA_API ta_status ta_ft_status_parse(ta_ft_status *out, const char *text);

/* Descriptive text fields of a trust. */
typedef enum ta_trust_field {
    TA_FIELD_NAME = 0,
    TA_FIELD_TYPE = 1,    /* league-table category, e.g. "Mental health and community trust" */
    TA_FIELD_SUBTYPE = 2, /* e.g. "Community" */
    TA_FIELD_REGION = 3
} ta_trust_field;

/* The name of a ta_trust_field value ("name", "type", "subtype", ...); "" for a value outside the
 * enum. Static storage. */
TA_API const char *ta_trust_field_name(ta_trust_field v);

/* Flags that change a segment. Both start TA_UNKNOWN; an unknown deficit flag
 * applies no cap; an unknown RSP flag leaves the final segment unknown. */
typedef enum ta_flag {
    TA_FLAG_FINANCIAL_DEFICIT = 0, /* in deficit or receiving deficit support */
    TA_FLAG_RECOVERY_SUPPORT = 1   /* in the Recovery Support Programme */
} ta_flag;

/* The name of a ta_flag value ("financial_deficit", "recovery_support"); "" for a value outside the
 * enum. Static storage. */
TA_API const char *ta_flag_name(ta_flag v);

/* A new trust with ODS code `code` (1..16 printable ASCII characters, no
 * spaces). Trust type "" (one league), NHS trust, flags unknown, no metrics. */
TA_API ta_status ta_trust_new(ta_trust **out, const ta_framework *fw, const char *code,
                              const ta_allocator *alloc);
TA_API void ta_trust_free(ta_trust *t);
/* The message of the trust's last failed call ("" if none). */
TA_API const char *ta_trust_error(const ta_trust *t);

/* The trust's ODS code, as given to ta_trust_new. */
TA_API const char *ta_trust_code(const ta_trust *t);
/* Sets a descriptive field (a copy of value); "" clears it. */
TA_API ta_status ta_trust_set_field(ta_trust *t, ta_trust_field field, const char *value);
/* The field's text ("" if never set); NULL for a bad argument. */
TA_API const char *ta_trust_field_value(const ta_trust *t, ta_trust_field field);

/* The trust's foundation-trust status (default TA_NHS_TRUST) and its getter. */
TA_API ta_status ta_trust_set_ft_status(ta_trust *t, ta_ft_status status);
TA_API ta_ft_status ta_trust_ft_status(const ta_trust *t);

/* Sets a segment-changing flag (TA_UNKNOWN, TA_NO or TA_YES) and its getter. */
TA_API ta_status ta_trust_set_flag(ta_trust *t, ta_flag flag, ta_tristate value);
TA_API ta_tristate ta_trust_flag(const ta_trust *t, ta_flag flag);

/* The raw value of a metric; `id` is the metric's score ID or raw-value ID.
 * NaN and infinities are TA_EINVAL. */
TA_API ta_status ta_trust_set_value(ta_trust *t, const char *id, double value);
/* A score supplied for a metric, in [1, 4]; anything else is TA_ERANGE. A
 * score within 1e-9 of a multiple of 0.01 is taken as that exact hundredth. */
TA_API ta_status ta_trust_set_score(ta_trust *t, const char *id, double score);
/* A rank (1 = best) within a pool of pool_size trusts, for rank-scored metrics
 * whose comparison pool is wider than the assessed trusts (1 <= rank <= pool_size,
 * pool_size >= 2). */
TA_API ta_status ta_trust_set_rank(ta_trust *t, const char *id, uint32_t rank, uint32_t pool_size);
/* Removes everything set for the metric. */
TA_API ta_status ta_trust_clear_metric(ta_trust *t, const char *id);

/* What is set for metric `id` (its score or raw-value ID): *has_value /
 * *has_score receive 0 or 1, *value / *score the number when set (left
 * alone otherwise). Either out-pointer may be NULL. TA_ENOTFOUND for an ID
 * the framework does not know. */
TA_API ta_status ta_trust_metric_value(int *has_value, double *value, const ta_trust *t,
                                       const char *id);
TA_API ta_status ta_trust_metric_score(int *has_score, double *score, const ta_trust *t,
                                       const char *id);

#ifdef __cplusplus
}
#endif

#endif /* TRUSTASSESS_TRUST_H */
