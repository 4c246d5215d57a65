package org.evgrid.icc.query.alarm;

/**
 * The processing group of the alarm list (R-6.2b): a tracking processor. Alarms are raised from events of several
 * aggregates (plans, bids) and acknowledged on their own; each alarm document remembers the last sequence number it
 * took from each source stream, so re-delivery changes nothing.
 */
public final class AlarmProcessing {

    /** Name of the processing group. */
    public static final String GROUP = "alarm-projection";

    private AlarmProcessing() {
    }
}
