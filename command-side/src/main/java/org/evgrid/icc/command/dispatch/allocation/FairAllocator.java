package org.evgrid.icc.command.dispatch.allocation;

import java.util.List;

import org.evgrid.icc.coreapi.dispatch.PileDispatchInput;

/**
 * Allocates a unit's target curve to its piles (R-4.3: fair, just and open). Plain domain code: deterministic for
 * the same inputs, no clock, no store. The rule is {@link #RULE}.
 */
public final class FairAllocator {

    /** The published allocation rule, in words (shown with every plan). */
    public static final String RULE = "TO BE WRITTEN";

    /** Quarter hours in a trading day. */
    public static final int INTERVALS = 96;

    /** Marks an interval without a target in {@code targetW}. */
    public static final long NO_TARGET = Long.MIN_VALUE;

    /**
     * Allocates the target to the piles.
     *
     * @param piles the unit's piles (any order; the result is ordered by pile id)
     * @param targetW 96 targets in W; {@link #NO_TARGET} where the source sets none
     * @return the schedule of every pile and the reasons
     */
    public Allocation allocate(List<PileDispatchInput> piles, long[] targetW) {
        throw new UnsupportedOperationException("not yet written");
    }
}
