package org.evgrid.icc.coreapi.dr;

/** How a demand response baseline is computed. */
public enum BaselineRule {
    /** The average of the same quarter hours on the last 5 normal workdays before the event day. */
    AVERAGE_OF_LAST_5_WORKDAYS,
    /** The load of the quarter hour before the event starts (real-time events). */
    PRIOR_15_MINUTES
}
