package org.evgrid.icc.query.telemetry;

/** The processing group of the telemetry roll-ups (a tracking processor; see the query-side README for its settings). */
public final class TelemetryProcessing {

    /** Name of the processing group of {@link TelemetryRollupProjection}. */
    public static final String GROUP = "telemetry-rollups";

    private TelemetryProcessing() {
    }
}
