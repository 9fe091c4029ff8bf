/*
 * A status register into a review schedule (ta_review_schedule_add_register).
 *
 * The schedule keeps its own five-year rule and triggers; the register says
 * which trusts are advanced foundation trusts on a date, since when (the last
 * authorisation or reauthorisation: the review clock restarts with it), which
 * reviews they have had since, and whether a merger or dissolution is already
 * recorded for later. Trusts the schedule already holds are refused before
 * anything is added; after that only a lack of memory can stop it part way.
 */
#include <string.h>

#include "register_internal.h"
#include "schedule.h"

ta_status ta_review_schedule_add_register(ta_review_schedule *s, const ta_register *r, ta_date on)
{
    int32_t rd;
    ta_status st;
    if (!s)
        return TA_EINVAL;
    if (!r || ta_date_to_days(&rd, on) != TA_OK)
        return tai_error_set(&s->err, TA_EINVAL, "a register and a date are needed");
    for (size_t t = 0; t < r->n_trusts; t++) {
        tai_reg_state state;
        if (tai_register_state_on(r, t, rd, &state) &&
            state.status == TA_ADVANCED_FOUNDATION_TRUST && !state.ceased &&
            tai_strmap_get(&s->codes, r->trusts[t].code, strlen(r->trusts[t].code), NULL))
            return tai_error_set(
                &s->err, TA_EDUPLICATE,
                "trust %s of the register is already in the schedule: nothing added",
                r->trusts[t].code);
    }
    for (size_t t = 0; t < r->n_trusts; t++) {
        const tai_reg_trust *tr = &r->trusts[t];
        tai_reg_state state;
        ta_date d;
        size_t e = tr->first;
        if (!tai_register_state_on(r, t, rd, &state) ||
            state.status != TA_ADVANCED_FOUNDATION_TRUST || state.ceased)
            continue;
        (void)ta_date_from_days(&d, state.authorised);
        if ((st = ta_review_schedule_add_trust(s, tr->code, tr->name ? tr->name : "", d)) != TA_OK)
            return st;
        for (size_t k = 0; k < tr->count; k++, e = r->events[e].next) {
            const tai_reg_event *ev = &r->events[e];
            if (ev->on < state.authorised)
                continue;
            (void)ta_date_from_days(&d, ev->on);
            if (ev->kind == TA_EVENT_REVIEWED && ev->on <= rd)
                st = ta_review_schedule_add_review(s, tr->code, d);
            else if (ev->kind == TA_EVENT_CEASED)
                st = ta_review_schedule_set_end(s, tr->code, d, ev->note ? ev->note : "ceased");
            else
                continue;
            if (st != TA_OK)
                return st;
        }
    }
    return TA_OK;
}
