/*
 * Registration of the .Call entry points. Dynamic symbol lookup is off, so R
 * reaches the glue only through this table (and the names cannot clash with
 * another package's).
 */
#include <R_ext/Rdynload.h>

#include "glue.h"

/* Through void (*)(void), which GCC lets stand for any function type. */
#define ENTRY(name, n)                                                                             \
    {                                                                                              \
#name, (DL_FUNC)(void (*)(void)) & name, n                                                 \
    }

static const R_CallMethodDef entries[] = {ENTRY(tar_version, 0),
                                          ENTRY(tar_nhse_read, 1),
                                          ENTRY(tar_nhse_close, 1),
                                          ENTRY(tar_nhse_is_open, 1),
                                          ENTRY(tar_nhse_info, 1),
                                          ENTRY(tar_nhse_find_period, 2),
                                          ENTRY(tar_league, 10),
                                          ENTRY(tar_verify, 2),
                                          ENTRY(tar_capital_route, 11),
                                          ENTRY(tar_review_due, 2),
                                          ENTRY(tar_aft_status, 2),
                                          ENTRY(tar_eligibility, 5),
                                          {NULL, NULL, 0}};

void R_init_trustassess(DllInfo *dll);

void R_init_trustassess(DllInfo *dll)
{
    R_registerRoutines(dll, NULL, entries, NULL, NULL);
    R_useDynamicSymbols(dll, FALSE);
    R_forceSymbols(dll, TRUE);
}
