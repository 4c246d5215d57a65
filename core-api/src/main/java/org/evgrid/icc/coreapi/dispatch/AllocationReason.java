package org.evgrid.icc.coreapi.dispatch;

/** Why a pile got its power in an interval (published with the plan). */
public enum AllocationReason {
    /** The common fair level of the interval. */
    FAIR_SHARE,
    /** Held at its rated power: the fair level is above it. */
    AT_RATED_LIMIT,
    /** Held at the power its sessions need before departure (charging safety). */
    SAFETY_MINIMUM,
    /** Held at its minimum running power. */
    AT_MINIMUM_POWER,
    /** Discharging (V2G) to meet a target below the piles' minimum. */
    V2G_DISCHARGE,
    /** Excluded: offline or not responding. */
    OFFLINE_EXCLUDED,
    /** No charging session is expected on the pile in this interval: nothing to charge, 0 W. */
    NO_SESSION_EXPECTED,
    /** The interval has no target; not controlled. */
    NO_TARGET,
    /** The target is below what sessions need; safety minimum kept. */
    TARGET_BELOW_SAFETY,
    /** The target is above the piles' capacity; all at rated power. */
    TARGET_ABOVE_CAPACITY
}
