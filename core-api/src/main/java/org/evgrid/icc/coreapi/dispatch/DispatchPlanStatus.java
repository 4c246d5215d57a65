package org.evgrid.icc.coreapi.dispatch;

/** Where a dispatch plan is in its lifecycle. */
public enum DispatchPlanStatus {
    /** Allocated, waiting for a dispatcher. */
    PROPOSED,
    /** Approved, instructions being issued. */
    APPROVED,
    /** Rejected by a dispatcher (may be recomputed). */
    REJECTED,
    /** Instructions issued. */
    ISSUED,
    /** Execution is being watched interval by interval. */
    EXECUTING,
    /** The trading day is closed. */
    CLOSED
}
