package org.evgrid.icc.query.dispatch;

/**
 * The processing group of the dispatch read models (plans with their instructions and execution, deviations): a
 * tracking processor with ONE thread and one segment (the per-day membership documents take members from many plans;
 * writes are whole-document replacements computed in Java). Every document change is guarded by the plan's aggregate
 * sequence number, so re-delivery changes nothing.
 */
public final class DispatchProcessing {

    /** Name of the processing group. */
    public static final String GROUP = "dispatch-projection";

    /** The key of the group's per-batch writer (shared by the group's projections). */
    public static final String BATCH = "DocumentBatch|" + GROUP;

    private DispatchProcessing() {
    }
}
