/*
 * Allocation-failure sweep: every public operation that allocates, of every
 * module, on a small fixture (20 trusts of NHS England's mental health and
 * community file, two quarters; eligibility screens over it), with the 1st, 2nd, ... Nth allocation
 * failed in turn until the operation makes no more allocations than the one failed.
 *
 * For each injected failure the sweep checks what DEVELOPERS.md promises:
 *   - a clean status: TA_ENOMEM (never TA_OK with a silently lost result, never
 *     a crash), and for a constructor *out == NULL;
 *   - a readable, non-empty message on the handle when the operation is a call
 *     on a handle (constructors answer with their status alone);
 *   - the handle is still usable: the same call again without failures
 *     succeeds and gives the same results as a run that never failed (compared
 *     as a text digest of everything the handle reports);
 *   - no leak: the allocator counts live blocks, and after the handles are
 *     freed none remains.
 *
 * Each operation is a (setup, call, digest) triple over one fixture struct
 * holding every kind of handle, so adding an operation is adding one row to
 * the table at the end. The allocator is the host-allocator hook of
 * trustassess/common.h; nothing here touches the library's internals except
 * reading the data file.
 */
#define TA_EXPERIMENTAL /* the likely ranges and what-if (trustassess/analysis.h) */

#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/alloc.h"
#include "common/file.h"
#include "trustassess.h"
#include "trustassess/eligibility.h"

#define DATA TA_TEST_DATA_DIR "/mental-health-and-community-trust-data-q1-q4.csv"
#define N_TRUSTS 20
#define DIGEST_SIZE 65536

/* ---- the counting, failing allocator ----------------------------------- */

typedef struct counter {
    long calls;   /* malloc_fn and realloc_fn calls so far */
    long fail_at; /* the call (0-based) that fails; -1 = none */
    long live;    /* blocks allocated and not yet freed */
} counter;

static void *c_malloc(void *ctx, size_t size)
{
    counter *c = ctx;
    void *p;
    if (c->calls++ == c->fail_at)
        return NULL;
    p = malloc(size);
    if (p != NULL)
        c->live++;
    return p;
}

static void *c_realloc(void *ctx, void *ptr, size_t size)
{
    counter *c = ctx;
    if (c->calls++ == c->fail_at)
        return NULL;
    return realloc(ptr, size);
}

static void c_free(void *ctx, void *ptr)
{
    counter *c = ctx;
    c->live--;
    free(ptr);
}

/* ---- the fixture -------------------------------------------------------- */

static char *fixture_csv; /* header + Q3 and Q4 rows of the first 20 trusts */
static size_t fixture_len;

/* Every handle an operation may need; setup makes some, the call others. */
typedef struct fx {
    const ta_allocator *a;
    ta_framework *fw;
    ta_framework *fw_out;
    ta_framework_builder *b;
    ta_trust *t;
    ta_trust *t_out;
    ta_assessment *as;
    ta_assessment *as_out;
    ta_nhse_file *f;
    ta_nhse_file *f_out;
    ta_verification *v;
    ta_verification *v_out;
    ta_capital_rules *r;
    ta_capital_rules *r_out;
    ta_capital_proposal *p;
    ta_capital_proposal *p_out;
    ta_capital_portfolio *pf;
    ta_capital_portfolio *pf_out;
    ta_holidays *h;
    ta_holidays *h_out;
    ta_review_schedule *s;
    ta_review_schedule *s_out;
    ta_criteria *cr;
    ta_criteria *cr_out;
    ta_screen *sc;
    ta_screen *sc_out;
    ta_league *lg;
    ta_league *lg_out;
    double quartiles[3];
    const char *text; /* an output string of the last call */
    size_t text_len;
    int step; /* steps of a multi-step call done so far (a retry resumes there) */
} fx;

static void fx_free(fx *x)
{
    ta_league_free(x->lg);
    ta_league_free(x->lg_out);
    ta_screen_free(x->sc);
    ta_screen_free(x->sc_out);
    ta_criteria_free(x->cr);
    ta_criteria_free(x->cr_out);
    ta_verification_free(x->v);
    ta_verification_free(x->v_out);
    ta_assessment_free(x->as);
    ta_assessment_free(x->as_out);
    ta_nhse_file_free(x->f);
    ta_nhse_file_free(x->f_out);
    ta_trust_free(x->t);
    ta_trust_free(x->t_out);
    ta_framework_builder_free(x->b);
    ta_framework_free(x->fw_out);
    ta_framework_free(x->fw);
    ta_capital_proposal_free(x->p);
    ta_capital_proposal_free(x->p_out);
    ta_capital_portfolio_free(x->pf);
    ta_capital_portfolio_free(x->pf_out);
    ta_capital_rules_free(x->r);
    ta_capital_rules_free(x->r_out);
    ta_holidays_free(x->h);
    ta_holidays_free(x->h_out);
    ta_review_schedule_free(x->s);
    ta_review_schedule_free(x->s_out);
    memset(x, 0, sizeof *x);
}

/* A text digest, appended to with dg(). */
typedef struct digest {
    char buf[DIGEST_SIZE];
    size_t len;
} digest;

static void dg(digest *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void dg(digest *d, const char *fmt, ...)
{
    va_list ap;
    int n;
    if (d->len >= sizeof d->buf - 1)
        return;
    va_start(ap, fmt);
    n = vsnprintf(d->buf + d->len, sizeof d->buf - d->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        d->len += (size_t)n < sizeof d->buf - d->len ? (size_t)n : sizeof d->buf - d->len - 1;
}

/* ---- digests of each handle kind ----------------------------------------- */

static void dg_framework(digest *d, const ta_framework *fw)
{
    ck_assert_ptr_nonnull(fw);
    dg(d, "fw %s m%zu d%zu s%zu c%d r%d dec%d\n", ta_framework_name(fw),
       ta_framework_metric_count(fw), ta_framework_domain_count(fw), ta_framework_segment_count(fw),
       ta_framework_deficit_cap(fw), ta_framework_rsp_segment(fw), ta_framework_decimals(fw));
    for (size_t i = 0; i < ta_framework_metric_count(fw); i++) {
        const char *raw = ta_framework_metric_raw_id(fw, i);
        ta_scoring sc;
        ck_assert_ptr_nonnull(raw);
        ck_assert_int_eq(ta_framework_metric_scoring(&sc, fw, i), TA_OK);
        dg(d, "%s/%s/%d ", ta_framework_metric_id(fw, i), raw, (int)sc);
    }
}

static void dg_assessment(digest *d, const ta_assessment *a)
{
    ck_assert_ptr_nonnull(a);
    dg(d, "as n%zu l%zu notes%zu\n", ta_assessment_trust_count(a), ta_assessment_league_count(a),
       ta_assessment_note_count(a));
    for (size_t i = 0; i < ta_assessment_trust_count(a); i++) {
        int seg = 0, u = 0, adj = 0, fin = 0;
        double rounded = 0;
        uint32_t rank = 0;
        dg(d, "%s:%s:", ta_assessment_trust_code(a, i),
           ta_assessment_trust_field(a, i, TA_FIELD_NAME));
        if (ta_assessment_is_segmented(&seg, a, i) == TA_OK && seg &&
            ta_assessment_average(NULL, &rounded, NULL, a, i) == TA_OK &&
            ta_assessment_segments(&u, &adj, &fin, a, i) == TA_OK &&
            ta_assessment_rank(&rank, a, i) == TA_OK)
            dg(d, "%.6f/%d/%d/%d/%u", rounded, u, adj, fin, (unsigned)rank);
        dg(d, "\n");
    }
}

static void dg_nhse(digest *d, ta_nhse_file *f)
{
    ck_assert_ptr_nonnull(f);
    dg(d, "nhse rows%zu periods%zu types%zu\n", ta_nhse_file_row_count(f),
       ta_nhse_file_period_count(f), ta_nhse_file_trust_type_count(f));
    for (size_t i = 0; i < ta_nhse_file_period_count(f); i++)
        dg(d, "%s;", ta_nhse_file_period(f, i));
}

static void dg_verification(digest *d, const ta_verification *v)
{
    ck_assert_ptr_nonnull(v);
    dg(d, "verify s%zu d%zu u%zu st%d\n", ta_verification_summary_count(v),
       ta_verification_difference_count(v), ta_verification_unchecked_count(v),
       (int)ta_verification_status(v));
    for (size_t k = 0; k < ta_verification_summary_count(v); k++) {
        const char *period = ta_verification_summary_period(v, k);
        const char *figure = ta_verification_summary_figure(v, k);
        ta_verify_mode mode;
        size_t checked, agreed, explained;
        ck_assert_ptr_nonnull(period);
        ck_assert_ptr_nonnull(figure);
        ck_assert_int_eq(ta_verification_summary_mode(&mode, v, k), TA_OK);
        ck_assert_int_eq(ta_verification_summary_counts(&checked, &agreed, &explained, v, k),
                         TA_OK);
        dg(d, "%s %s %d %zu %zu %zu\n", period, figure, (int)mode, checked, agreed, explained);
    }
}

static void dg_rules(digest *d, const ta_capital_rules *r)
{
    char buf[128];
    ck_assert_ptr_nonnull(r);
    dg(d, "rules %s\n", ta_capital_rules_name(r));
    for (int p = 0; p < TA_CAPITAL_PARAM_COUNT; p++) {
        const char *src = NULL;
        ck_assert_int_eq(ta_capital_rules_value_text(buf, sizeof buf, r, (ta_capital_param)p),
                         TA_OK);
        ck_assert_int_eq(ta_capital_rules_get(NULL, &src, r, (ta_capital_param)p), TA_OK);
        dg(d, "%s=%s (%s)\n", ta_capital_param_name((ta_capital_param)p), buf, src);
    }
}

static void dg_proposal(digest *d, const ta_capital_proposal *p)
{
    ck_assert_ptr_nonnull(p);
    dg(d, "proposal %s %s %s\n", ta_capital_proposal_trust_code(p),
       ta_capital_proposal_scheme_ref(p), ta_capital_proposal_scheme_name(p));
    for (int f = 0; f <= TA_OUT_REASONS; f++) {
        const char *out = ta_capital_proposal_output(p, (ta_capital_output)f);
        dg(d, " %s\n", out ? out : "(unchecked)");
    }
}

static void dg_portfolio(digest *d, const ta_capital_portfolio *pf)
{
    ck_assert_ptr_nonnull(pf);
    dg(d, "portfolio n%zu cols%zu errors%zu\n", ta_capital_portfolio_count(pf),
       ta_capital_portfolio_column_count(pf), ta_capital_portfolio_row_error_count(pf));
    for (size_t i = 0; i < ta_capital_portfolio_count(pf); i++)
        dg_proposal(d, ta_capital_portfolio_proposal(pf, i));
}

static void dg_holidays(digest *d, ta_holidays *h, int32_t year)
{
    size_t n = 0;
    ck_assert_ptr_nonnull(h);
    ck_assert_int_eq(ta_holidays_list(&n, h, year), TA_OK);
    for (size_t i = 0; i < n; i++) {
        ta_date day;
        const char *name;
        ck_assert_int_eq(ta_holidays_entry(&day, &name, h, i), TA_OK);
        dg(d, "%04d-%02d-%02d %s\n", (int)day.year, (int)day.month, (int)day.day, name);
    }
}

static void dg_schedule(digest *d, ta_review_schedule *s)
{
    const char *text = NULL;
    size_t len = 0;
    ck_assert_ptr_nonnull(s);
    if (ta_review_schedule_compute(s) != TA_OK)
        ck_abort_msg("compute: %s", ta_review_schedule_error(s));
    ck_assert_int_eq(ta_review_schedule_to_csv(&text, &len, s), TA_OK);
    dg(d, "%s", text);
}

/* ---- shared setups -------------------------------------------------------- */

static const ta_date authorised = {2021, 4, 1};

static void su_fw(fx *x)
{
    ck_assert_int_eq(ta_framework_preset(&x->fw, "nof-2025-26", x->a), TA_OK);
}

static void su_new_file(fx *x)
{
    su_fw(x);
    ck_assert_int_eq(ta_nhse_file_new(&x->f, x->fw, x->a), TA_OK);
}

static void su_file(fx *x)
{
    su_new_file(x);
    ck_assert_int_eq(ta_nhse_file_read_buffer(x->f, fixture_csv, fixture_len, "fixture.csv"),
                     TA_OK);
}

static void su_assessment(fx *x)
{
    su_file(x);
    ck_assert_int_eq(ta_nhse_file_assessment(&x->as, x->f, "Q4 2025/26", NULL, TA_FROM_VALUES),
                     TA_OK);
}

static void su_trust(fx *x)
{
    su_fw(x);
    ck_assert_int_eq(ta_trust_new(&x->t, x->fw, "RYY", x->a), TA_OK);
}

static void su_empty_assessment(fx *x)
{
    su_trust(x);
    ck_assert_int_eq(ta_trust_set_score(x->t, "OF1005", 2.5), TA_OK);
    ck_assert_int_eq(ta_assessment_new(&x->as, x->fw, x->a), TA_OK);
}

static void su_builder(fx *x)
{
    ck_assert_int_eq(ta_framework_builder_new(&x->b, "sweep", x->a), TA_OK);
}

static void su_loaded_builder(fx *x)
{
    const char *text = ta_framework_preset_text("nof-2025-26");
    su_builder(x);
    ck_assert_int_eq(ta_framework_builder_read_buffer(x->b, text, strlen(text), "nof.csv"), TA_OK);
}

static void su_rules(fx *x)
{
    ck_assert_int_eq(ta_capital_rules_preset(&x->r, "capital-2025", x->a), TA_OK);
}

static void su_proposal(fx *x)
{
    su_rules(x);
    ck_assert_int_eq(ta_capital_proposal_new(&x->p, "RAA", "S1", x->a), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_status(x->p, TA_ADVANCED_FOUNDATION_TRUST), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_amount(x->p, 9999999999), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_savings(x->p, 15000000000), TA_OK);
}

static void su_checked_proposal(fx *x)
{
    su_proposal(x);
    ck_assert_int_eq(ta_capital_proposal_check(x->p, x->r), TA_OK);
}

static const char proposals_csv[] =
    "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,Note\r\n"
    "S1,RAA,Advanced foundation trust,\"£99,999,999.99\",Own savings,£150m,first\r\n"
    "S1,RAA,Advanced foundation trust,£1,Own savings,£150m,second part\r\n"
    "S3,RBB,NHS trust,25000000.01,National,0,\r\n"
    "S4,RCC,foundation TRUST,£1.5bn,Mixed,£0,last\r\n";

static void su_portfolio(fx *x)
{
    su_rules(x);
    ck_assert_int_eq(ta_capital_portfolio_new(&x->pf, x->a), TA_OK);
}

static void su_read_portfolio(fx *x)
{
    su_portfolio(x);
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(x->pf, proposals_csv,
                                                      sizeof proposals_csv - 1, "p.csv", 0),
                     TA_OK);
}

static void su_holidays(fx *x)
{
    ck_assert_int_eq(ta_holidays_new(&x->h, x->a), TA_OK);
}

static void su_schedule(fx *x)
{
    ck_assert_int_eq(ta_review_schedule_new(&x->s, x->a), TA_OK);
    ck_assert_int_eq(ta_review_schedule_set_today(x->s, (ta_date){2026, 6, 30}), TA_OK);
}

static const char trusts_csv[] = "Trust_code,Trust_name,Authorised_on,Last_reviewed_on,Ceases_on\n"
                                 "RWX,\"Berkshire, \"\"B\"\"\",2021-04-01,,\n"
                                 "RDY,Dorset,2020-02-29,2024-02-29,\n"
                                 "RP1,Northamptonshire,2022-01-15,,2027-03-31\n";

static void su_filled_schedule(fx *x)
{
    su_schedule(x);
    ck_assert_int_eq(
        ta_review_schedule_read_buffer(x->s, trusts_csv, sizeof trusts_csv - 1, "t.csv"), TA_OK);
}

static void su_computed_schedule(fx *x)
{
    su_filled_schedule(x);
    ck_assert_int_eq(ta_review_schedule_compute(x->s), TA_OK);
}

/* ---- the operations: the call, and the digest of its result -------------- */

/* A call of several steps resumes at the step that failed, so that a retry
 * does not repeat the steps that succeeded (which would be duplicates). */
#define STEP(expr)                                                                                 \
    do {                                                                                           \
        if (x->step == k_) {                                                                       \
            ta_status s_ = (expr);                                                                 \
            if (s_ != TA_OK)                                                                       \
                return s_;                                                                         \
            x->step++;                                                                             \
        }                                                                                          \
        k_++;                                                                                      \
    } while (0)

/* Each call returns its status; *msg receives the message of the handle the
 * call was made on (NULL for a constructor). A call that creates a handle
 * frees an earlier one of the same slot first, so it can be repeated. */

#define CTOR(slot, expr)                                                                           \
    do {                                                                                           \
        ta_status st_;                                                                             \
        *msg = NULL;                                                                               \
        st_ = (expr);                                                                              \
        if (st_ != TA_OK)                                                                          \
            ck_assert_msg(x->slot == NULL, "*out not NULL after status %d", (int)st_);             \
        return st_;                                                                                \
    } while (0)

static ta_status op_framework_preset(fx *x, const char **msg)
{
    ta_framework_free(x->fw_out);
    x->fw_out = NULL;
    CTOR(fw_out, ta_framework_preset(&x->fw_out, "nof-2025-26", x->a));
}
static void dg_framework_out(fx *x, digest *d)
{
    dg_framework(d, x->fw_out);
}

static ta_status op_builder_new(fx *x, const char **msg)
{
    ta_framework_builder_free(x->b);
    x->b = NULL;
    CTOR(b, ta_framework_builder_new(&x->b, "sweep", x->a));
}
static void dg_builder(fx *x, digest *d)
{
    ck_assert_ptr_nonnull(x->b);
    ta_framework_free(x->fw_out);
    x->fw_out = NULL;
    dg(d, "build %d\n", (int)ta_framework_builder_build(&x->fw_out, x->b));
    if (x->fw_out)
        dg_framework(d, x->fw_out);
}

static ta_status op_builder_load(fx *x, const char **msg)
{
    const char *text = ta_framework_preset_text("nof-2025-26");
    *msg = ta_framework_builder_error(x->b);
    return ta_framework_builder_read_buffer(x->b, text, strlen(text), "nof.csv");
}

static ta_status op_builder_add(fx *x, const char **msg)
{
    static const double cuts[] = {0, -1, -2};
    int k_ = 0;
    *msg = ta_framework_builder_error(x->b);
    STEP(ta_framework_builder_add_domain(x->b, "all", "Everything", "D1"));
    STEP(ta_framework_builder_add_metric(x->b, "M1", "Banded", "all", TA_SCORING_BANDED));
    STEP(ta_framework_builder_set_raw_id(x->b, "M1", "R1"));
    STEP(ta_framework_builder_set_bands(x->b, "M1", 3, cuts));
    STEP(ta_framework_builder_add_figure(x->b, TA_FIGURE_AVERAGE, "AVG", "Average"));
    return TA_OK;
}

static ta_status op_builder_build(fx *x, const char **msg)
{
    ta_framework_free(x->fw_out);
    x->fw_out = NULL;
    *msg = ta_framework_builder_error(x->b);
    return ta_framework_builder_build(&x->fw_out, x->b);
}

static ta_status op_trust_new(fx *x, const char **msg)
{
    ta_trust_free(x->t_out);
    x->t_out = NULL;
    CTOR(t_out, ta_trust_new(&x->t_out, x->fw, "RYY", x->a));
}
static void dg_trust(const ta_trust *t, digest *d)
{
    int hv = 0, hs = 0;
    double v = 0, s = 0;
    ck_assert_ptr_nonnull(t);
    ck_assert_int_eq(ta_trust_metric_value(&hv, &v, t, "OF1005"), TA_OK);
    ck_assert_int_eq(ta_trust_metric_score(&hs, &s, t, "OF1005"), TA_OK);
    dg(d, "trust %s name=%s %d %g %d %g\n", ta_trust_code(t),
       ta_trust_field_value(t, TA_FIELD_NAME), hv, v, hs, s);
}
static void dg_trust_out(fx *x, digest *d)
{
    dg_trust(x->t_out, d);
}
static void dg_trust_in(fx *x, digest *d)
{
    dg_trust(x->t, d);
}

static ta_status op_trust_set(fx *x, const char **msg)
{
    int k_ = 0;
    *msg = ta_trust_error(x->t);
    STEP(ta_trust_set_field(x->t, TA_FIELD_NAME, "Kent Community Health NHS Foundation Trust"));
    STEP(ta_trust_set_value(x->t, "OF0005", 2.25));
    STEP(ta_trust_set_score(x->t, "OF1005", 2.5));
    STEP(ta_trust_set_rank(x->t, "OF1005", 3, 61));
    return TA_OK;
}

static ta_status op_assessment_new(fx *x, const char **msg)
{
    ta_assessment_free(x->as_out);
    x->as_out = NULL;
    CTOR(as_out, ta_assessment_new(&x->as_out, x->fw, x->a));
}
static void dg_assessment_out(fx *x, digest *d)
{
    dg_assessment(d, x->as_out);
}
static void dg_assessment_run(fx *x, digest *d)
{
    ck_assert_int_eq(ta_assessment_run(x->as), TA_OK);
    dg(d, "period %s\n", ta_assessment_period(x->as));
    dg_assessment(d, x->as);
}

static ta_status op_assessment_add_trust(fx *x, const char **msg)
{
    *msg = ta_assessment_error(x->as);
    return ta_assessment_add_trust(x->as, x->t);
}

static ta_status op_assessment_add_columns(fx *x, const char **msg)
{
    const char *codes[N_TRUSTS * 2], *ids[N_TRUSTS * 2];
    double nums[N_TRUSTS * 2];
    char code_buf[N_TRUSTS][8];
    int k_ = 0;
    for (size_t i = 0; i < N_TRUSTS; i++) {
        snprintf(code_buf[i], sizeof code_buf[i], "T%02zu", i);
        codes[2 * i] = codes[2 * i + 1] = code_buf[i];
        ids[2 * i] = "OF1005";
        ids[2 * i + 1] = "OF1061";
        nums[2 * i] = 1.0 + (double)(i % 4);
        nums[2 * i + 1] = 4.0 - (double)(i % 3);
    }
    *msg = ta_assessment_error(x->as);
    STEP(ta_assessment_add_columns(x->as, N_TRUSTS * 2, codes, ids, nums, TA_INPUT_SCORE));
    STEP(ta_assessment_set_trust_field(x->as, "T03", TA_FIELD_TYPE, "Community"));
    STEP(ta_assessment_set_trust_flag(x->as, "T04", TA_FLAG_FINANCIAL_DEFICIT, TA_YES));
    return TA_OK;
}

static ta_status op_assessment_settings(fx *x, const char **msg)
{
    static const double cut[] = {2.0, 2.5, 3.0};
    int k_ = 0;
    *msg = ta_assessment_error(x->as);
    STEP(ta_assessment_set_period(x->as, "Q4 2025/26 (sweep)"));
    STEP(ta_assessment_set_trust_field(x->as, ta_assessment_trust_code(x->as, 0), TA_FIELD_REGION,
                                       "Kent"));
    STEP(ta_assessment_set_cutoffs(x->as, 3, cut));
    return TA_OK;
}

static ta_status op_assessment_run(fx *x, const char **msg)
{
    *msg = ta_assessment_error(x->as);
    return ta_assessment_run(x->as);
}
static void dg_assessment_in(fx *x, digest *d)
{
    dg_assessment(d, x->as);
}

static ta_status op_nhse_new(fx *x, const char **msg)
{
    ta_nhse_file_free(x->f_out);
    x->f_out = NULL;
    CTOR(f_out, ta_nhse_file_new(&x->f_out, x->fw, x->a));
}
static void dg_nhse_out(fx *x, digest *d)
{
    dg_nhse(d, x->f_out);
}

static ta_status op_nhse_read(fx *x, const char **msg)
{
    *msg = ta_nhse_file_error(x->f);
    return ta_nhse_file_read_buffer(x->f, fixture_csv, fixture_len, "fixture.csv");
}
static void dg_nhse_in(fx *x, digest *d)
{
    dg_nhse(d, x->f);
}

static ta_status op_nhse_assessment(fx *x, const char **msg)
{
    ta_status st;
    ta_assessment_free(x->as_out);
    x->as_out = NULL;
    *msg = ta_nhse_file_error(x->f);
    st = ta_nhse_file_assessment(&x->as_out, x->f, "Q4 2025/26", NULL, TA_FROM_SCORES);
    if (st != TA_OK)
        ck_assert_ptr_null(x->as_out);
    return st;
}
static void dg_nhse_assessment(fx *x, digest *d)
{
    ck_assert_int_eq(ta_assessment_run(x->as_out), TA_OK);
    dg_assessment(d, x->as_out);
}

static ta_status op_nhse_cutoffs(fx *x, const char **msg)
{
    *msg = ta_nhse_file_error(x->f);
    return ta_nhse_file_published_cutoffs(x->quartiles, 3, x->f, "Q3 2025/26");
}
static void dg_quartiles(fx *x, digest *d)
{
    dg(d, "%.9f %.9f %.9f\n", x->quartiles[0], x->quartiles[1], x->quartiles[2]);
}

static ta_status op_verification_new(fx *x, const char **msg)
{
    ta_verification_free(x->v_out);
    x->v_out = NULL;
    CTOR(v_out, ta_verification_new(&x->v_out, x->f, x->a));
}
static void dg_verification_out(fx *x, digest *d)
{
    ck_assert_ptr_nonnull(x->v_out);
    dg(d, "new verification s%zu\n", ta_verification_summary_count(x->v_out));
}

static void su_verification(fx *x)
{
    su_file(x);
    ck_assert_int_eq(ta_verification_new(&x->v, x->f, x->a), TA_OK);
}

static ta_status op_verification_run(fx *x, const char **msg)
{
    *msg = ta_verification_error(x->v);
    return ta_verification_run(x->v, NULL);
}
static void dg_verification_in(fx *x, digest *d)
{
    dg_verification(d, x->v);
}

static ta_status op_quantile_cutoffs(fx *x, const char **msg)
{
    static const double values[] = {1.53, 2.5, 2.11, 3.0, 1.9, 2.02, 2.7, 3.4, 2.33};
    *msg = NULL;
    return ta_quantile_cutoffs(x->quartiles, 3, values, sizeof values / sizeof values[0],
                               TA_QUANTILE_TYPE7, x->a);
}

static ta_status op_rules_preset(fx *x, const char **msg)
{
    ta_capital_rules_free(x->r_out);
    x->r_out = NULL;
    CTOR(r_out, ta_capital_rules_preset(&x->r_out, "capital-2025", x->a));
}
static ta_status op_rules_new(fx *x, const char **msg)
{
    ta_capital_rules_free(x->r_out);
    x->r_out = NULL;
    CTOR(r_out, ta_capital_rules_new(&x->r_out, "custom", x->a));
}
static void dg_rules_out(fx *x, digest *d)
{
    dg_rules(d, x->r_out);
}
static void dg_rules_in(fx *x, digest *d)
{
    dg_rules(d, x->r);
}

static ta_status op_rules_set(fx *x, const char **msg)
{
    int k_ = 0;
    *msg = ta_capital_rules_error(x->r);
    STEP(ta_capital_rules_set(x->r, TA_CP_HMT_LIMIT, 5000000000000, "sweep source"));
    STEP(ta_capital_rules_set_text(x->r, "light_threshold", "£90m", "another source"));
    return TA_OK;
}

static ta_status op_rules_load(fx *x, const char **msg)
{
    static const char text[] = "Parameter,Value,Source,Note\n"
                               "limit_segment_1,£80m,C2 table 1,read at last\n"
                               "light_comparison,<=,board decision,\n"
                               "light_statuses,Foundation trust;Advanced foundation trust,test,\n";
    *msg = ta_capital_rules_error(x->r);
    return ta_capital_rules_read_buffer(x->r, text, sizeof text - 1, "r.csv");
}

static ta_status op_proposal_new(fx *x, const char **msg)
{
    ta_capital_proposal_free(x->p_out);
    x->p_out = NULL;
    CTOR(p_out, ta_capital_proposal_new(&x->p_out, "RAA", "S1", x->a));
}
static void dg_proposal_out(fx *x, digest *d)
{
    dg_proposal(d, x->p_out);
}
static void dg_proposal_in(fx *x, digest *d)
{
    dg_proposal(d, x->p);
}

static ta_status op_proposal_set_name(fx *x, const char **msg)
{
    *msg = ta_capital_proposal_error(x->p);
    return ta_capital_proposal_set_scheme_name(x->p, "New mental health unit");
}

static ta_status op_proposal_check(fx *x, const char **msg)
{
    *msg = ta_capital_proposal_error(x->p);
    return ta_capital_proposal_check(x->p, x->r);
}

static ta_status op_proposal_output(fx *x, const char **msg)
{
    *msg = ta_capital_proposal_error(x->p);
    for (int f = 0; f <= TA_OUT_REASONS; f++)
        if (ta_capital_proposal_output(x->p, (ta_capital_output)f) == NULL)
            return TA_ENOMEM;
    return TA_OK;
}

static ta_status op_portfolio_new(fx *x, const char **msg)
{
    ta_capital_portfolio_free(x->pf_out);
    x->pf_out = NULL;
    CTOR(pf_out, ta_capital_portfolio_new(&x->pf_out, x->a));
}
static void dg_portfolio_out(fx *x, digest *d)
{
    dg_portfolio(d, x->pf_out);
}
static void dg_portfolio_in(fx *x, digest *d)
{
    dg_portfolio(d, x->pf);
}

static ta_status op_portfolio_add(fx *x, const char **msg)
{
    ta_capital_proposal *p = NULL;
    ta_status st;
    *msg = ta_capital_portfolio_error(x->pf);
    st = ta_capital_portfolio_add(&p, x->pf, "RAA", "S9");
    if (st == TA_OK)
        ck_assert_ptr_nonnull(p);
    return st;
}

static ta_status op_portfolio_read(fx *x, const char **msg)
{
    *msg = ta_capital_portfolio_error(x->pf);
    return ta_capital_portfolio_read_buffer(x->pf, proposals_csv, sizeof proposals_csv - 1, "p.csv",
                                            0);
}

static ta_status op_portfolio_check(fx *x, const char **msg)
{
    *msg = ta_capital_portfolio_error(x->pf);
    return ta_capital_portfolio_check(x->pf, x->r);
}

static ta_status op_holidays_new(fx *x, const char **msg)
{
    ta_holidays_free(x->h_out);
    x->h_out = NULL;
    CTOR(h_out, ta_holidays_new(&x->h_out, x->a));
}
static void dg_holidays_out(fx *x, digest *d)
{
    dg_holidays(d, x->h_out, 2026);
}
static void dg_holidays_in(fx *x, digest *d)
{
    dg_holidays(d, x->h, 2026);
}

static ta_status op_holidays_add(fx *x, const char **msg)
{
    int k_ = 0;
    *msg = ta_holidays_error(x->h);
    STEP(ta_holidays_add(x->h, (ta_date){2026, 7, 14}, "Extra day"));
    STEP(ta_holidays_remove(x->h, (ta_date){2026, 12, 25}));
    return TA_OK;
}

static ta_status op_holidays_list(fx *x, const char **msg)
{
    size_t n = 0;
    *msg = ta_holidays_error(x->h);
    return ta_holidays_list(&n, x->h, 2027);
}

static ta_status op_schedule_new(fx *x, const char **msg)
{
    ta_review_schedule_free(x->s_out);
    x->s_out = NULL;
    CTOR(s_out, ta_review_schedule_new(&x->s_out, x->a));
}
static void dg_schedule_out(fx *x, digest *d)
{
    dg_schedule(d, x->s_out);
}
static void dg_schedule_in(fx *x, digest *d)
{
    dg_schedule(d, x->s);
}

static ta_status op_schedule_read(fx *x, const char **msg)
{
    *msg = ta_review_schedule_error(x->s);
    return ta_review_schedule_read_buffer(x->s, trusts_csv, sizeof trusts_csv - 1, "t.csv");
}

static ta_status op_schedule_inputs(fx *x, const char **msg)
{
    int k_ = 0;
    *msg = ta_review_schedule_error(x->s);
    STEP(ta_review_schedule_add_trust(x->s, "RX1", "Added in code", authorised));
    STEP(ta_review_schedule_add_review(x->s, "RX1", (ta_date){2023, 5, 2}));
    STEP(ta_review_schedule_set_end(x->s, "RP1", (ta_date){2027, 1, 1}, "merged"));
    STEP(ta_review_schedule_add_evidence(x->s, "RWX", (ta_date){2025, 12, 31}, 4, TA_NO, TA_NO));
    STEP(ta_review_schedule_add_evidence(x->s, "RWX", (ta_date){2026, 3, 31}, 4, TA_YES, TA_NO));
    STEP(ta_review_schedule_add_trigger(x->s, TA_TRIGGER_SEGMENT, 3, 2, 120));
    return TA_OK;
}

static ta_status op_schedule_sittings(fx *x, const char **msg)
{
    int k_ = 0;
    size_t added = 0;
    *msg = ta_review_schedule_error(x->s);
    STEP(ta_review_schedule_add_sitting(x->s, (ta_date){2026, 7, 7}));
    STEP(ta_review_schedule_add_sittings_weekly(
        &added, x->s, (ta_date){2026, 1, 1}, (ta_date){2027, 12, 31}, TA_WEEKDAY_BIT(TA_TUESDAY)));
    STEP(ta_review_schedule_set_capacity(x->s, 2));
    return TA_OK;
}

static ta_status op_schedule_compute(fx *x, const char **msg)
{
    *msg = ta_review_schedule_error(x->s);
    return ta_review_schedule_compute(x->s);
}

static ta_status op_schedule_export(fx *x, const char **msg)
{
    int k_ = 0;
    *msg = ta_review_schedule_error(x->s);
    STEP(ta_review_schedule_to_ics(&x->text, &x->text_len, x->s, "20260630T120000Z"));
    STEP(ta_review_schedule_to_csv(&x->text, &x->text_len, x->s));
    return TA_OK;
}
static void dg_text(fx *x, digest *d)
{
    ck_assert_ptr_nonnull(x->text);
    ck_assert_uint_eq(strlen(x->text), x->text_len);
    dg(d, "%s", x->text);
}

static ta_status op_criteria_preset(fx *x, const char **msg)
{
    ta_criteria_free(x->cr_out);
    x->cr_out = NULL;
    CTOR(cr_out, ta_criteria_preset(&x->cr_out, "aft-2025", x->a));
}
static void dg_criteria(const ta_criteria *c, digest *d)
{
    ck_assert_ptr_nonnull(c);
    dg(d, "criteria %s n%zu\n", ta_criteria_name(c), ta_criteria_count(c));
}
static void dg_criteria_out(fx *x, digest *d)
{
    dg_criteria(x->cr_out, d);
}
static void dg_criteria_in(fx *x, digest *d)
{
    dg_criteria(x->cr, d);
}

static void su_criteria(fx *x)
{
    ck_assert_int_eq(ta_criteria_new(&x->cr, "sweep", x->a), TA_OK);
}

static ta_status op_criteria_load(fx *x, const char **msg)
{
    const char *text = ta_criteria_preset_text("iho-2025");
    ck_assert_ptr_nonnull(text);
    *msg = ta_criteria_error(x->cr);
    return ta_criteria_read_buffer(x->cr, text, strlen(text), "iho.csv");
}

static void su_screen_inputs(fx *x)
{
    su_file(x);
    ck_assert_int_eq(ta_criteria_preset(&x->cr, "aft-2025", x->a), TA_OK);
}

static ta_status op_screen_new(fx *x, const char **msg)
{
    ta_screen_free(x->sc_out);
    x->sc_out = NULL;
    CTOR(sc_out, ta_screen_new_nhse(&x->sc_out, x->fw, x->f, x->a));
}
static void dg_screen(ta_screen *s, const ta_criteria *c, digest *d)
{
    const char *text = NULL;
    size_t len = 0;
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    ck_assert_int_eq(ta_screen_export(&text, &len, s, TA_SCREEN_CSV, NULL), TA_OK);
    dg(d, "%s", text);
}
static void dg_screen_out(fx *x, digest *d)
{
    dg_screen(x->sc_out, x->cr, d);
}

static void su_screen(fx *x)
{
    su_screen_inputs(x);
    ck_assert_int_eq(ta_screen_new_nhse(&x->sc, x->fw, x->f, x->a), TA_OK);
}

static ta_status op_screen_run(fx *x, const char **msg)
{
    *msg = ta_screen_error(x->sc);
    return ta_screen_run(x->sc, x->cr, NULL);
}
static void dg_screen_in(fx *x, digest *d)
{
    dg_screen(x->sc, x->cr, d);
}

static ta_status op_screen_export(fx *x, const char **msg)
{
    int k_ = 0;
    *msg = ta_screen_error(x->sc);
    STEP(ta_screen_run(x->sc, x->cr, NULL));
    STEP(ta_screen_export(&x->text, &x->text_len, x->sc, TA_SCREEN_JSON, NULL));
    STEP(ta_screen_export(&x->text, &x->text_len, x->sc, TA_SCREEN_CSV, NULL));
    return TA_OK;
}

/* ---- several files and the league -------------------------------------------- */

/* Three acute trusts in NHS England's league-table layout. */
static const char acute_csv[] =
    "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Average_score,"
    "Likely_range_of_average_score,Segment,Trust_in_financial_deficit,Rank,"
    "Likely_range_of_rank\r\n"
    "Q4 2025/26,,Acute trust,,ZX1,Acute One,1.50,,1.0,No,1.0,\r\n"
    "Q4 2025/26,,Acute trust,,ZX2,Acute Two,2.50,,3.0,Yes,2.0,\r\n"
    "Q4 2025/26,,Acute trust,,ZX3,Acute Three,3.20,,4.0,No,3.0,\r\n";

static ta_status op_nhse_add(fx *x, const char **msg)
{
    *msg = ta_nhse_file_error(x->f);
    return ta_nhse_file_add_buffer(x->f, acute_csv, sizeof acute_csv - 1, "acute.csv");
}
static void dg_nhse_added(fx *x, digest *d)
{
    int has = 0;
    double v = 0;
    dg_nhse(d, x->f);
    for (size_t i = 0; i < ta_nhse_file_trust_type_count(x->f); i++)
        dg(d, "%s;", ta_nhse_file_trust_type(x->f, i));
    ck_assert_int_eq(ta_nhse_file_published(&has, &v, x->f, "Q4 2025/26", "ZX2", "OF5002"), TA_OK);
    dg(d, "ZX2 %d %.2f\n", has, v);
}

static ta_status op_league_new(fx *x, const char **msg)
{
    ta_league_free(x->lg_out);
    x->lg_out = NULL;
    CTOR(lg_out, ta_league_new(&x->lg_out, x->f, x->a));
}
static void dg_league(digest *d, const ta_league *l)
{
    ck_assert_ptr_nonnull(l);
    dg(d, "league rows%zu blocks%zu\n", ta_league_row_count(l), ta_league_block_count(l));
    for (size_t r = 0; r < ta_league_row_count(l); r++) {
        for (size_t c = 0; c < ta_league_column_count(); c++)
            dg(d, "%s|", ta_league_cell(l, r, c));
        dg(d, "\n");
    }
}
static void dg_league_out(fx *x, digest *d)
{
    dg_league(d, x->lg_out);
}

static void su_league(fx *x)
{
    su_file(x);
    ck_assert_int_eq(ta_nhse_file_add_buffer(x->f, acute_csv, sizeof acute_csv - 1, "acute.csv"),
                     TA_OK);
    ck_assert_int_eq(ta_league_new(&x->lg, x->f, x->a), TA_OK);
}

static ta_status op_league_settings(fx *x, const char **msg)
{
    static const double cut[3] = {2.0, 2.4, 2.8};
    int k_ = 0;
    *msg = ta_league_error(x->lg);
    STEP(ta_league_select_quarter(x->lg, "Q4"));
    STEP(ta_league_select_trust_type(x->lg, "Acute trust"));
    STEP(ta_league_select_trust_type(x->lg, "Mental health and community trust"));
    STEP(ta_league_set_cutoffs(x->lg, 3, cut));
    return TA_OK;
}
static ta_status op_league_run(fx *x, const char **msg)
{
    *msg = ta_league_error(x->lg);
    return ta_league_run(x->lg);
}
static void dg_league_in(fx *x, digest *d)
{
    if (ta_league_row_count(x->lg) == 0)
        ck_assert_int_eq(ta_league_run(x->lg), TA_OK);
    dg_league(d, x->lg);
}

static void su_league_quartiles(fx *x)
{
    su_league(x);
    ck_assert_int_eq(ta_league_set_cutoff_policy(x->lg, TA_CUTOFFS_QUARTILES_TYPE), TA_OK);
    ck_assert_int_eq(ta_league_set_likely_ranges(x->lg, 20, 0.95, 3, 1), TA_OK);
}

/* ---- the sweep ----------------------------------------------------------- */

typedef struct sweep_op {
    const char *name;
    void (*setup)(fx *x); /* NULL = nothing to set up */
    ta_status (*call)(fx *x, const char **msg);
    void (*digest)(fx *x, digest *d);
    /* A known defect of the operation on allocation failure (reported, not yet
     * fixed): the retry on the same handle may then fail, which is printed
     * rather than failed; status, message and leaks are still checked. Remove
     * the text when the defect is fixed, and the sweep checks the retry again. */
    const char *known_gap;
} sweep_op;

static const sweep_op ops[] = {
    {"ta_framework_preset", NULL, op_framework_preset, dg_framework_out, NULL},
    {"ta_framework_builder_new", NULL, op_builder_new, dg_builder, NULL},
    {"ta_framework_builder_read_buffer", su_builder, op_builder_load, dg_builder,
     "a failed load keeps the definitions read before the failure, so loading the same text "
     "again on that builder gives TA_EDUPLICATE (lib/nof/framework_csv.c)"},
    {"ta_framework_builder_add_*/set_*", su_builder, op_builder_add, dg_builder, NULL},
    {"ta_framework_builder_build", su_loaded_builder, op_builder_build, dg_framework_out, NULL},
    {"ta_trust_new", su_fw, op_trust_new, dg_trust_out, NULL},
    {"ta_trust_set_*", su_trust, op_trust_set, dg_trust_in, NULL},
    {"ta_assessment_new", su_fw, op_assessment_new, dg_assessment_out, NULL},
    {"ta_assessment_add_trust", su_empty_assessment, op_assessment_add_trust, dg_assessment_run,
     NULL},
    {"ta_assessment_add_columns/set_trust_*", su_empty_assessment, op_assessment_add_columns,
     dg_assessment_run, NULL},
    {"ta_assessment_set_period/set_cutoffs", su_assessment, op_assessment_settings,
     dg_assessment_run, NULL},
    {"ta_assessment_run", su_assessment, op_assessment_run, dg_assessment_in, NULL},
    {"ta_nhse_file_new", su_fw, op_nhse_new, dg_nhse_out, NULL},
    {"ta_nhse_file_read_buffer", su_new_file, op_nhse_read, dg_nhse_in, NULL},
    {"ta_nhse_file_assessment", su_file, op_nhse_assessment, dg_nhse_assessment, NULL},
    {"ta_nhse_file_published_cutoffs", su_file, op_nhse_cutoffs, dg_quartiles, NULL},
    {"ta_nhse_file_add_buffer", su_file, op_nhse_add, dg_nhse_added, NULL},
    {"ta_league_new", su_file, op_league_new, dg_league_out, NULL},
    {"ta_league_select_*/set_cutoffs", su_league, op_league_settings, dg_league_in, NULL},
    {"ta_league_run", su_league, op_league_run, dg_league_in, NULL},
    {"ta_league_run (quartiles by type, likely ranges)", su_league_quartiles, op_league_run,
     dg_league_in, NULL},
    {"ta_verification_new", su_file, op_verification_new, dg_verification_out, NULL},
    {"ta_verification_run", su_verification, op_verification_run, dg_verification_in, NULL},
    {"ta_quantile_cutoffs", NULL, op_quantile_cutoffs, dg_quartiles, NULL},
    {"ta_capital_rules_preset", NULL, op_rules_preset, dg_rules_out, NULL},
    {"ta_capital_rules_new", NULL, op_rules_new, dg_rules_out, NULL},
    {"ta_capital_rules_set/set_text", su_rules, op_rules_set, dg_rules_in, NULL},
    {"ta_capital_rules_read_buffer", su_rules, op_rules_load, dg_rules_in, NULL},
    {"ta_capital_proposal_new", NULL, op_proposal_new, dg_proposal_out, NULL},
    {"ta_capital_proposal_set_scheme_name", su_proposal, op_proposal_set_name, dg_proposal_in,
     NULL},
    {"ta_capital_proposal_check", su_proposal, op_proposal_check, dg_proposal_in, NULL},
    {"ta_capital_proposal_output", su_checked_proposal, op_proposal_output, dg_proposal_in, NULL},
    {"ta_capital_portfolio_new", NULL, op_portfolio_new, dg_portfolio_out, NULL},
    {"ta_capital_portfolio_add", su_portfolio, op_portfolio_add, dg_portfolio_in, NULL},
    {"ta_capital_portfolio_read_buffer", su_portfolio, op_portfolio_read, dg_portfolio_in, NULL},
    {"ta_capital_portfolio_check", su_read_portfolio, op_portfolio_check, dg_portfolio_in, NULL},
    {"ta_holidays_new", NULL, op_holidays_new, dg_holidays_out, NULL},
    {"ta_holidays_add/remove", su_holidays, op_holidays_add, dg_holidays_in, NULL},
    {"ta_holidays_list", su_holidays, op_holidays_list, dg_holidays_in, NULL},
    {"ta_review_schedule_new", NULL, op_schedule_new, dg_schedule_out, NULL},
    {"ta_review_schedule_read_buffer", su_schedule, op_schedule_read, dg_schedule_in, NULL},
    {"ta_review_schedule_add_*/set_end", su_filled_schedule, op_schedule_inputs, dg_schedule_in,
     NULL},
    {"ta_review_schedule_add_sitting*", su_filled_schedule, op_schedule_sittings, dg_schedule_in,
     NULL},
    {"ta_review_schedule_compute", su_filled_schedule, op_schedule_compute, dg_schedule_in, NULL},
    {"ta_criteria_preset", NULL, op_criteria_preset, dg_criteria_out, NULL},
    {"ta_criteria_read_buffer", su_criteria, op_criteria_load, dg_criteria_in, NULL},
    {"ta_screen_new_nhse", su_screen_inputs, op_screen_new, dg_screen_out, NULL},
    {"ta_screen_run", su_screen, op_screen_run, dg_screen_in, NULL},
    {"ta_screen_run/export", su_screen, op_screen_export, dg_text, NULL},
    {"ta_review_schedule_to_csv/to_ics", su_computed_schedule, op_schedule_export, dg_text, NULL},
};
#define N_OPS (sizeof ops / sizeof ops[0])

/* Runs op once without failures and returns its digest (heap, caller frees). */
static digest *reference(const sweep_op *op, counter *c, const ta_allocator *a)
{
    fx x = {0};
    const char *msg = NULL;
    digest *d = calloc(1, sizeof *d);
    ck_assert_ptr_nonnull(d);
    x.a = a;
    c->fail_at = -1;
    if (op->setup)
        op->setup(&x);
    ck_assert_msg(op->call(&x, &msg) == TA_OK, "%s fails without injected failures: %s", op->name,
                  msg ? msg : "");
    op->digest(&x, d);
    fx_free(&x);
    ck_assert_msg(c->live == 0, "%s leaks %ld blocks without failures", op->name, c->live);
    return d;
}

START_TEST(sweep_one_operation)
{
    const sweep_op *op = &ops[_i];
    counter c = {0, -1, 0};
    const ta_allocator a = {c_malloc, c_realloc, c_free, &c};
    digest *ref = reference(op, &c, &a);
    digest *got = calloc(1, sizeof *got);
    long n;
    int gap_printed = 0;
    ck_assert_ptr_nonnull(got);
    for (n = 0;; n++) {
        fx x = {0};
        const char *msg = NULL;
        long base;
        ta_status st;
        x.a = &a;
        c.fail_at = -1;
        if (op->setup)
            op->setup(&x);
        base = c.calls;
        c.fail_at = base + n;
        st = op->call(&x, &msg);
        c.fail_at = -1;
        if (c.calls <= base + n) {
            /* The call made no more than n allocations: nothing failed, the sweep is done. */
            ck_assert_msg(st == TA_OK, "%s: status %d with no allocation failed", op->name,
                          (int)st);
            fx_free(&x);
            break;
        }
        ck_assert_msg(st == TA_ENOMEM, "%s, allocation %ld failed: status %d (%s), not TA_ENOMEM",
                      op->name, n + 1, (int)st, msg ? msg : "");
        if (msg != NULL)
            ck_assert_msg(msg[0] != '\0', "%s, allocation %ld failed: empty message", op->name,
                          n + 1);
        /* The handle is still usable: the same call succeeds, with the same results. */
        msg = NULL;
        st = op->call(&x, &msg);
        if (st != TA_OK && op->known_gap != NULL) {
            ck_assert_msg(msg != NULL && msg[0] != '\0', "%s: retry without a message", op->name);
            if (!gap_printed++)
                printf("%s: allocation %ld failed, then the retry gave status %d (%s): known "
                       "gap: %s\n",
                       op->name, n + 1, (int)st, msg, op->known_gap);
            fx_free(&x);
            ck_assert_msg(c.live == 0, "%s, allocation %ld failed: %ld blocks leak", op->name,
                          n + 1, c.live);
            continue;
        }
        ck_assert_msg(st == TA_OK, "%s, after allocation %ld failed, the retry gives %d: %s",
                      op->name, n + 1, (int)st, msg ? msg : "");
        got->len = 0;
        got->buf[0] = '\0';
        op->digest(&x, got);
        ck_assert_msg(strcmp(got->buf, ref->buf) == 0,
                      "%s, after allocation %ld failed, the retry's results differ:\n"
                      "expected: %.300s\ngot:      %.300s",
                      op->name, n + 1, ref->buf, got->buf);
        fx_free(&x);
        ck_assert_msg(c.live == 0, "%s, allocation %ld failed: %ld blocks leak", op->name, n + 1,
                      c.live);
    }
    ck_assert_msg(c.live == 0, "%s leaks %ld blocks", op->name, c.live);
    free(ref);
    free(got);
}
END_TEST

/* The fixture: the header and the Q3 and Q4 rows of the first N_TRUSTS trust
 * codes of the published file. */
static void load_fixture(void)
{
    ta_allocator al;
    tai_error err;
    char *data = NULL, *line, *save = NULL;
    size_t len = 0, n_codes = 0, out = 0;
    char codes[N_TRUSTS][16];

    if (fixture_csv != NULL)
        return;
    ck_assert_int_eq(tai_alloc_init(&al, NULL), TA_OK);
    ck_assert_msg(tai_read_file(&al, DATA, &data, &len, &err) == TA_OK, "%s", err.msg);
    fixture_csv = malloc(len + 1);
    ck_assert_ptr_nonnull(fixture_csv);
    for (line = strtok_r(data, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
        char code[16] = "";
        const char *p = line;
        int keep = out == 0; /* the header */
        /* Trust_code is the fifth field; no quoted commas precede it. */
        for (int f = 0; f < 4 && p != NULL; f++) {
            p = strchr(p, ',');
            p = p ? p + 1 : NULL;
        }
        if (!keep && p != NULL && (strncmp(line, "Q3 ", 3) == 0 || strncmp(line, "Q4 ", 3) == 0)) {
            size_t k = strcspn(p, ",");
            if (k < sizeof code) {
                memcpy(code, p, k);
                code[k] = '\0';
            }
            for (size_t i = 0; i < n_codes && !keep; i++)
                keep = strcmp(codes[i], code) == 0;
            if (!keep && n_codes < N_TRUSTS && code[0]) {
                snprintf(codes[n_codes++], sizeof codes[0], "%s", code);
                keep = 1;
            }
        }
        if (keep) {
            size_t k = strlen(line);
            memcpy(fixture_csv + out, line, k);
            out += k;
            fixture_csv[out++] = '\n';
        }
    }
    fixture_csv[out] = '\0';
    fixture_len = out;
    tai_free(&al, data);
    ck_assert_uint_eq(n_codes, N_TRUSTS);
}

static void unload_fixture(void)
{
    free(fixture_csv);
    fixture_csv = NULL;
}

/*
 * TA_SWEEP_SHARD=K/N runs only the operations whose index is K modulo N, so
 * that the valgrind stage (where the whole sweep takes most of the time) can
 * run N processes at once and still sweep every operation exactly once.
 * Unset, every operation runs. A malformed value is an error, never a silent
 * full or empty run.
 */
static int parse_shard(unsigned *k, unsigned *n)
{
    const char *v = getenv("TA_SWEEP_SHARD");
    char *end;
    unsigned long kk, nn;
    *k = 0;
    *n = 1;
    if (v == NULL || *v == '\0')
        return 0;
    kk = strtoul(v, &end, 10);
    if (end == v || *end != '/')
        return -1;
    v = end + 1;
    nn = strtoul(v, &end, 10);
    if (end == v || *end != '\0' || nn == 0 || nn > 64 || kk >= nn)
        return -1;
    *k = (unsigned)kk;
    *n = (unsigned)nn;
    return 0;
}

int main(void)
{
    Suite *s = suite_create("alloc_sweep");
    TCase *tc = tcase_create("sweep");
    SRunner *sr;
    int failed;
    unsigned k, n, i;

    if (parse_shard(&k, &n) != 0) {
        fprintf(stderr, "test_alloc_sweep: TA_SWEEP_SHARD must be K/N with 0 <= K < N <= 64\n");
        return EXIT_FAILURE;
    }
    tcase_add_unchecked_fixture(tc, load_fixture, unload_fixture);
    tcase_set_timeout(tc, 600);
    for (i = k; i < N_OPS; i += n)
        tcase_add_loop_test(tc, sweep_one_operation, (int)i, (int)i + 1);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
