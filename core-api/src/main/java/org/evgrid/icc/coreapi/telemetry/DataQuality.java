package org.evgrid.icc.coreapi.telemetry;

/** How far a reading can be trusted, as in OpenADR 3 report data quality. */
public enum DataQuality {
    /** Measured and plausible. */
    OK,
    /** The platform has no value for the interval; the reading carries no power. */
    MISSING,
    /** Filled in by the platform (interpolated or estimated), not measured. */
    ESTIMATED,
    /** Measured but known to be wrong (meter fault); kept for the record, left out of totals. */
    BAD
}
