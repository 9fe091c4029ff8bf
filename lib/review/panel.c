/*
 * Earliest-deadline-first placement of unit jobs on identical-capacity slots.
 *
 * The problem: n reviews, each taking one place at one sitting, sittings in
 * date order each with c places, lateness of a review = sitting day - due day.
 * EDF gives the k-th review in deadline order (0-based) place k, that is
 * sitting k / c.
 *
 * Why this minimises the maximum lateness (and so meets every deadline when
 * any placement does, since that is maximum lateness <= 0):
 *   1. Take any placement of all n reviews. Moving a review to a free place at
 *      an earlier sitting lowers its lateness and no other, so some optimal
 *      placement uses exactly the n earliest places p_0 <= p_1 <= ... (places
 *      of one sitting share its day).
 *   2. In such a placement, if review i with the earlier deadline d_i < d_j
 *      sits later than review j (t_i > t_j), swap them: i now has lateness
 *      t_j - d_i < t_i - d_i, and j has t_i - d_j < t_i - d_i, both at most the
 *      old lateness of i, so the maximum does not grow. Swapping removes one
 *      inversion, so finitely many swaps give deadline order on the n earliest
 *      places: the EDF placement, which is therefore optimal.
 * With fewer places than reviews the reviews with the latest deadlines are
 * left unplaced. tests/unit/test_review.c checks optimality against an
 * exhaustive search over seeded random cases, through the public schedule API.
 */
#include "panel.h"

void tai_panel_edf(size_t n, size_t m, size_t capacity, size_t *slot)
{
    for (size_t j = 0; j < n; j++) {
        size_t s = j / capacity;
        slot[j] = s < m ? s : TAI_PANEL_UNPLACED;
    }
}
