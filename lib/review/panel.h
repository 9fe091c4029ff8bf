/*
 * Internal: placing reviews on panel sittings, earliest deadline first.
 *
 * The schedule sorts the reviews by due date and the sittings by date; this
 * is the placement rule and the argument that it is optimal.
 */
#ifndef TAI_REVIEW_PANEL_H
#define TAI_REVIEW_PANEL_H

#include <stddef.h>

#define TAI_PANEL_UNPLACED ((size_t)-1)

/* n jobs numbered in ascending order of deadline (ties in any fixed order),
 * m sittings numbered in ascending date order, each taking `capacity` (>= 1)
 * jobs. slot[j] receives the number of job j's sitting, or TAI_PANEL_UNPLACED
 * when the sittings are full. */
void tai_panel_edf(size_t n, size_t m, size_t capacity, size_t *slot);

#endif /* TAI_REVIEW_PANEL_H */
