package org.evgrid.icc.query.alarm;

/**
 * The processing group of the alarm list (R-6.2b): a tracking processor with ONE thread and one segment (an alarm takes
 * events from several streams: the plan or bid that raises it and its own acknowledgement). Each alarm document
 * remembers the last sequence number it took from each source stream, so re-delivery changes nothing.
 */
public final class AlarmProcessing {

    /** Name of the processing group. */
    public static final String GROUP = "alarm-projection";

    /** The key of the group's per-batch writer (shared by the group's projections). */
    public static final String BATCH = "DocumentBatch|" + GROUP;

    private AlarmProcessing() {
    }
}
