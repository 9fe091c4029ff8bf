/*
 * A capital scheme's trust status from the status register (issue 16).
 *
 * A scheme with a date takes the status its trust holds on that date from a
 * ta_register (trustassess/register.h), so a trust deauthorised before the
 * decision no longer takes the light route although the status column of an
 * old plan still says "Advanced foundation trust". The sentence the verdict
 * quotes says where the status came from and, when a status was given and
 * disagrees, that it was replaced. Only the register's public API is used.
 */
#include <string.h>

#include "capital_internal.h"

static void fmt(int32_t rd, char *buf)
{
    ta_date d;
    (void)ta_date_from_days(&d, rd);
    (void)ta_date_format(buf, TA_DATE_TEXT_SIZE, d);
}

ta_status ta_capital_proposal_apply_register(ta_capital_proposal *p, const ta_register *reg)
{
    size_t t;
    ta_date on, since;
    ta_ft_status status = TA_NHS_TRUST;
    int known = 0, ceased = 0;
    char d[TA_DATE_TEXT_SIZE], s[TA_DATE_TEXT_SIZE] = "";
    tai_error note;
    if (p == NULL)
        return TA_EINVAL;
    if (reg == NULL)
        return tai_error_set(&p->err, TA_EINVAL, "register is NULL");
    if (!p->date)
        return tai_error_set(&p->err, TA_ESTATE, "%s/%s has no date to read the register on",
                             p->trust_code, p->scheme_ref);
    fmt(p->date, d);
    (void)ta_date_from_days(&on, p->date);
    if (ta_register_find(&t, reg, p->trust_code) != TA_OK ||
        ta_register_status_on(&known, &status, &since, reg, t, on) != TA_OK || !known ||
        ta_register_ceased_on(&ceased, reg, t, on) != TA_OK)
        return tai_error_set(&p->err, TA_ENOTFOUND,
                             "the register has no event of trust %s on or before %s", p->trust_code,
                             d);
    if (ceased)
        return tai_error_set(&p->err, TA_EINCONSISTENT,
                             "trust %s has ceased by %s, the date of scheme %s", p->trust_code, d,
                             p->scheme_ref);
    if (since.year)
        (void)ta_date_format(s, sizeof s, since);
    {
        int differs = p->status_given && p->given != status;
        tai_error_set(&note, TA_OK, "On %s the register gives status %s%s%s%s%s%s%s.", d,
                      ta_ft_status_name(status), s[0] ? " (since " : "", s, s[0] ? ")" : "",
                      differs ? "; the status given, " : "",
                      differs ? ta_ft_status_name(p->given) : "",
                      differs ? ", disagrees and is replaced" : "");
    }
    /* The setter would clear the note and mark the status given: set the
     * status directly, then discard the verdict. A status from the register is
     * not a status given: a read on another date compares with what was given,
     * and a row that needs a register still needs one after a change of date. */
    p->status = status;
    p->register_note = note;
    tai_capital_proposal_forget(p);
    return TA_OK;
}

ta_status ta_capital_portfolio_apply_register(ta_capital_portfolio *pf, const ta_register *reg)
{
    if (pf == NULL)
        return TA_EINVAL;
    if (reg == NULL)
        return tai_error_set(&pf->err, TA_EINVAL, "register is NULL");
    for (size_t i = 0; i < pf->count; i++) {
        ta_capital_proposal *p = pf->items[i];
        ta_status st;
        if (!p->date)
            continue;
        if ((st = ta_capital_proposal_apply_register(p, reg)) != TA_OK) {
            /* A row read from text: its file, line and Date cell. */
            if (p->file && p->date_column)
                return tai_error_set(&pf->err, st, "%s:%zu:%zu: %s", p->file, p->line,
                                     p->date_column, p->err.msg);
            return tai_error_set(&pf->err, st, "%s", p->err.msg);
        }
    }
    tai_error_clear(&pf->err);
    return TA_OK;
}
