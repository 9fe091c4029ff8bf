/*
 * Fuzzes the capital module's text inputs. The first byte picks the target:
 *
 *   0  money text: ta_money_parse, _parse_n and _parse_signed on the rest;
 *      whatever parses must format and parse back to the same pence, under
 *      every formatting flag (round trip checked, not just "no crash").
 *   1  a proposals CSV read into a portfolio (with or without KEEP_GOING),
 *      checked under the capital-2025 rule set, every output read back.
 *   2  a rules CSV loaded over capital-2025, then a fixed set of proposals
 *      checked under it, and every parameter written back as text.
 */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static ta_capital_rules *preset;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    FUZZ_CHECK(ta_capital_rules_preset(&preset, "capital-2025", NULL) == TA_OK, "preset");
    return 0;
}

static void round_trip(int64_t pence)
{
    for (unsigned flags = 0; flags < 4; flags++) {
        char buf[TA_MONEY_BUFSIZE];
        int64_t back = 0;
        FUZZ_CHECK(ta_money_format(buf, sizeof buf, pence, flags) == TA_OK, "format %lld",
                   (long long)pence);
        FUZZ_CHECK(ta_money_parse_signed(&back, buf) == TA_OK, "parse back '%s'", buf);
        FUZZ_CHECK(back == pence, "'%s' came back as %lld, not %lld", buf, (long long)back,
                   (long long)pence);
    }
}

static void money(const char *text, size_t len)
{
    int64_t a = -7, b = -7, s = -7;
    char *z = malloc(len + 1);
    ta_status sa, sb, ss;
    FUZZ_CHECK(z != NULL, "malloc");
    memcpy(z, text, len);
    z[len] = '\0';
    sb = ta_money_parse_n(&b, text, len); /* not NUL-terminated: ASan sees over-reads */
    sa = ta_money_parse(&a, z);
    ss = ta_money_parse_signed(&s, z);
    if (memchr(text, '\0', len) == NULL) {
        FUZZ_CHECK(sa == sb, "parse %d vs parse_n %d", (int)sa, (int)sb);
        if (sa == TA_OK)
            FUZZ_CHECK(a == b, "parse %lld vs parse_n %lld", (long long)a, (long long)b);
    }
    if (sa == TA_OK) {
        FUZZ_CHECK(a >= 0, "unsigned parse gave %lld", (long long)a);
        FUZZ_CHECK(ss == TA_OK && s == a, "signed parse differs");
        round_trip(a);
    } else {
        FUZZ_CHECK(a == -7, "*pence_out changed on failure");
    }
    if (ss == TA_OK)
        round_trip(s);
    free(z);
}

static void outputs(const ta_capital_proposal *p)
{
    ta_capital_route route;
    ta_capital_tier tier;
    unsigned docs;
    int64_t cmp, largest, head;
    int has;
    if (ta_capital_proposal_route(&route, &tier, p) != TA_OK)
        return;
    (void)ta_capital_proposal_documents(&docs, p);
    (void)ta_capital_proposal_compared(&cmp, p);
    (void)ta_capital_proposal_headroom(&has, &largest, &head, p);
    for (size_t i = 0; i < ta_capital_proposal_approver_count(p); i++) {
        ta_capital_body body;
        FUZZ_CHECK(ta_capital_proposal_approver(&body, p, i) == TA_OK, "approver %zu", i);
    }
    for (size_t i = 0; i < ta_capital_proposal_reason_count(p); i++) {
        const char *id, *sentence;
        FUZZ_CHECK(ta_capital_proposal_reason(&id, &sentence, p, i) == TA_OK, "reason %zu", i);
    }
    for (int f = 0; f <= TA_OUT_REASONS; f++)
        FUZZ_CHECK(ta_capital_proposal_output(p, (ta_capital_output)f) != NULL, "output %d", f);
}

static void proposals(const char *data, size_t len, unsigned flags)
{
    ta_capital_portfolio *pf = NULL;
    ta_status st;
    FUZZ_CHECK(ta_capital_portfolio_new(&pf, NULL) == TA_OK, "portfolio");
    st = ta_capital_portfolio_read_buffer(pf, data, len, "fuzz.csv", flags);
    FUZZ_CHECK_MESSAGE(st, ta_capital_portfolio_error(pf));
    for (size_t i = 0; i < ta_capital_portfolio_row_error_count(pf); i++) {
        size_t line, col;
        ta_status rs;
        const char *msg = ta_capital_portfolio_row_error_message(pf, i);
        FUZZ_CHECK(ta_capital_portfolio_row_error(&line, &col, &rs, pf, i) == TA_OK &&
                       msg != NULL && msg[0] != '\0',
                   "row error %zu", i);
    }
    st = ta_capital_portfolio_check(pf, preset);
    FUZZ_CHECK_MESSAGE(st, ta_capital_portfolio_error(pf));
    for (size_t i = 0; i < ta_capital_portfolio_count(pf); i++) {
        ta_capital_proposal *p = ta_capital_portfolio_proposal(pf, i);
        FUZZ_CHECK(p != NULL, "proposal %zu", i);
        if (st == TA_OK)
            outputs(p);
        for (size_t c = 0; c < ta_capital_portfolio_column_count(pf); c++)
            FUZZ_CHECK(ta_capital_portfolio_cell(pf, i, c) != NULL, "cell");
    }
    ta_capital_portfolio_free(pf);
}

static void rules(const char *data, size_t len)
{
    ta_capital_rules *r = NULL;
    ta_status st;
    char buf[256];
    static const int64_t amounts[] = {
        0, 1, 9999999999, 10000000000, 10000000001, INT64_MAX / 2, INT64_MAX};
    FUZZ_CHECK(ta_capital_rules_new(&r, "fuzz", NULL) == TA_OK, "rules");
    st = ta_capital_rules_read_buffer(r, data, len, "fuzz.csv");
    FUZZ_CHECK_MESSAGE(st, ta_capital_rules_error(r));
    for (int p = 0; p < TA_CAPITAL_PARAM_COUNT; p++) {
        int64_t v;
        const char *src;
        FUZZ_CHECK(ta_capital_rules_get(&v, &src, r, (ta_capital_param)p) == TA_OK, "get %d", p);
        st = ta_capital_rules_value_text(buf, sizeof buf, r, (ta_capital_param)p);
        FUZZ_CHECK(st == TA_OK, "value_text %d: %d", p, (int)st);
    }
    for (size_t k = 0; k < sizeof amounts / sizeof amounts[0]; k++) {
        ta_capital_proposal *p = NULL;
        FUZZ_CHECK(ta_capital_proposal_new(&p, "RAA", "S1", NULL) == TA_OK, "proposal");
        (void)ta_capital_proposal_set_status(p, (ta_ft_status)(k % 3));
        (void)ta_capital_proposal_set_segment(p, (int)(k % 6));
        (void)ta_capital_proposal_set_amount(p, amounts[k]);
        (void)ta_capital_proposal_set_vat(p, amounts[(k + 3) % 7]);
        (void)ta_capital_proposal_set_whole_life_cost(p, k & 1 ? amounts[k] : -1);
        (void)ta_capital_proposal_set_savings(p, amounts[(k + 1) % 7]);
        (void)ta_capital_proposal_set_funding(p, (ta_capital_funding)(k % 3));
        st = ta_capital_proposal_check(p, r);
        FUZZ_CHECK_MESSAGE(st, ta_capital_proposal_error(p));
        if (st == TA_OK)
            outputs(p);
        ta_capital_proposal_free(p);
    }
    ta_capital_rules_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    switch (data[0] % 4) {
    case 0:
        money(text, len);
        break;
    case 1:
        proposals(text, len, 0);
        break;
    case 2:
        proposals(text, len, TA_CAPITAL_KEEP_GOING);
        break;
    default:
        rules(text, len);
        break;
    }
    return 0;
}
