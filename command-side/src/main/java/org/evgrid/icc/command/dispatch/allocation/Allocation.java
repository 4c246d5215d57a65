package org.evgrid.icc.command.dispatch.allocation;

import java.util.List;

import org.evgrid.icc.coreapi.dispatch.AllocationReason;
import org.evgrid.icc.coreapi.dispatch.PileDispatchInput;

/**
 * The result of {@link FairAllocator#allocate}: piles ordered by pile id (excluded piles included, with 0 W), and
 * per pile and interval the power in W (negative = V2G discharge) and the reason, pile-major
 * ({@code index = pile * 96 + interval}).
 *
 * @param piles all input piles, ordered by pile id
 * @param scheduleW power per pile and interval in W, pile-major
 * @param reasons reason per pile and interval (same index), never null
 * @param plannedW per interval the sum of {@code scheduleW} over the piles, in W
 * @param excludedPiles piles left out (offline or not responding)
 * @param notes the intervals where the target could not be met exactly and why, in words (Chinese / English)
 */
public record Allocation(
        List<PileDispatchInput> piles,
        int[] scheduleW,
        AllocationReason[] reasons,
        long[] plannedW,
        int excludedPiles,
        List<String> notes) {

    /** The power of pile {@code pile} (index in {@link #piles()}) in interval {@code interval}, in W. */
    public int powerW(int pile, int interval) {
        return scheduleW[index(pile, interval)];
    }

    /** Why pile {@code pile} (index in {@link #piles()}) got its power in interval {@code interval}. */
    public AllocationReason reason(int pile, int interval) {
        return reasons[index(pile, interval)];
    }

    private static int index(int pile, int interval) {
        if (interval < 0 || interval >= FairAllocator.INTERVALS) {
            throw new IndexOutOfBoundsException("interval " + interval);
        }
        return pile * FairAllocator.INTERVALS + interval;
    }
}
