package org.evgrid.icc.coreapi.telemetry;

/** What a telemetry batch carries. */
public enum TelemetryKind {
    /** 5-minute power readings. */
    POWER,
    /** Daily metered energy. */
    ENERGY,
    /** Finished charging sessions. */
    ORDERS,
    /** Connector status changes. */
    STATUS
}
