package org.evgrid.icc.query.telemetry.internal;

/** Names of the telemetry roll-up collections; every document is addressed by {@code _id} only. */
public final class TelemetryCollections {

    /** Accepted batches, written by ingestion ({@code <operatorId>|<KIND>|<period>|<batchId>}). */
    public static final String READINGS = "tel_readings";
    /** The roll-ups' own copy of each pile's dimensions, {@code _id} = pile id. */
    public static final String PILE_DIMS = "tel_pile_dims";
    /** One pile's day ({@code tpd|<pileId>|<yyyyMMdd>}: energy, orders) and hours ({@code …|<HH>}: power slots). */
    public static final String PILE_DAYS = "tel_pile_days";
    /** One dimension key's day, {@code tad|<DIMENSION>|<key>|<yyyyMMdd>}. */
    public static final String AGG_DAYS = "tel_agg_days";
    /** One dimension key's month, {@code tam|<DIMENSION>|<key>|<yyyyMM>}. */
    public static final String AGG_MONTHS = "tel_agg_months";
    /** Completeness alarms, {@code <operatorId>|<yyyyMMddHHmm>}. */
    public static final String ALARMS = "tel_alarms";

    private TelemetryCollections() {
    }
}
