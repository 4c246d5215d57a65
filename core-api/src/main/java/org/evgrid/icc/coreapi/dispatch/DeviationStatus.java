package org.evgrid.icc.coreapi.dispatch;

/** Where a deviation's handling is. */
public enum DeviationStatus {
    /** Recorded, no cause yet. */
    OPEN,
    /** Cause recorded. */
    CAUSE_ASSIGNED,
    /** Handling recorded. */
    HANDLED,
    /** Closed; settlement input. */
    CLOSED
}
