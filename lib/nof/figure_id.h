/*
 * Internal: what a published figure's ID names, and how long an ID may be.
 *
 * Shared by the framework's lookup (framework_internal.h) and the loader
 * interface (published.h), which keeps each published figure with the kind
 * and index the lookup gave, so a loader needs no framework internals.
 */
#ifndef TAI_FIGURE_ID_H
#define TAI_FIGURE_ID_H

#define TAI_ID_MAX 64 /* longest metric, domain or figure ID */

/* A metric score, a metric's raw value, a domain score or a result figure. */
enum { TAI_ID_SCORE = 0, TAI_ID_RAW = 1, TAI_ID_DOMAIN = 2, TAI_ID_FIGURE = 3 };

#endif /* TAI_FIGURE_ID_H */
