package org.evgrid.icc.query.dispatch;

/**
 * The processing group of the dispatch read models (plans with their instructions and execution, deviations): a
 * tracking processor; every document change is guarded by the plan's aggregate sequence number, so one thread per
 * segment keeps a plan's events in order and re-delivery changes nothing.
 */
public final class DispatchProcessing {

    /** Name of the processing group. */
    public static final String GROUP = "dispatch-projection";

    private DispatchProcessing() {
    }
}
