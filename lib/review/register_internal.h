/*
 * Internal: the status register's data, shared by register.c (events, the
 * state machine and queries), register_csv.c (reading EVENTS.csv) and
 * register_schedule.c (a register into a review schedule). Dates inside are
 * Rata Die day numbers, 0 meaning "none".
 *
 * Each event stores the state it leaves the trust in, so a query on a date is
 * a walk to the trust's last event on or before it, and the sequence rules
 * live in one function (tai_register_apply).
 */
#ifndef TAI_REVIEW_REGISTER_H
#define TAI_REVIEW_REGISTER_H

#include "common/error.h"
#include "common/strmap.h"
#include "trustassess/register.h"

/* A trust's state after an event. */
typedef struct tai_reg_state {
    ta_ft_status status;
    int32_t since;       /* the event that gave the status; 0 = none yet */
    int32_t review_base; /* an AFT not ceased: last (re)authorisation or review; else 0 */
    int32_t authorised;  /* an AFT: its last (re)authorisation; else 0 */
    int reauthorised;    /* an AFT by a reauthorisation */
    int ever_aft;        /* authorised at some time (reauthorisation is then the event) */
    int ceased;
    int32_t nominated; /* the last nomination not yet followed by an authorisation; 0 none */
} tai_reg_state;

typedef struct tai_reg_event {
    size_t next; /* the trust's next event (valid for the trust's first count - 1) */
    int32_t on;
    ta_register_event kind;
    char *note; /* NULL if none */
    tai_reg_state after;
} tai_reg_event;

typedef struct tai_reg_trust {
    char *code;
    char *name; /* NULL until given */
    size_t first, last, count;
    tai_reg_state state; /* after the last event */
    int32_t last_on;
} tai_reg_trust;

struct ta_register {
    ta_allocator alloc;
    tai_error err;
    int32_t interval_years;
    ta_feb29_rule feb29;
    ta_ft_status deauthorised_status;
    tai_reg_trust *trusts;
    size_t n_trusts, cap_trusts;
    tai_strmap codes;
    tai_reg_event *events;
    size_t n_events, cap_events;
};

/* What a register held before a read, to undo it. */
typedef struct tai_reg_mark {
    size_t n_trusts, n_events;
    tai_reg_trust *saved; /* copies of the first n_trusts trusts */
} tai_reg_mark;

ta_status tai_register_mark(ta_register *r, tai_reg_mark *m);
void tai_register_rollback(ta_register *r, tai_reg_mark *m);
void tai_register_mark_free(ta_register *r, tai_reg_mark *m);

/* ta_register_add_event on a day number, without clearing the error first. */
ta_status tai_register_add(ta_register *r, const char *code, const char *name, int32_t on,
                           ta_register_event kind, const char *note);

/* The state of trust t at the end of day `on`; 0 when it has no event by then. */
int tai_register_state_on(const ta_register *r, size_t t, int32_t on, tai_reg_state *state);

/* The review due date of an AFT state (0 when not an AFT or on overflow). */
int32_t tai_register_due(const ta_register *r, const tai_reg_state *st);

#endif /* TAI_REVIEW_REGISTER_H */
