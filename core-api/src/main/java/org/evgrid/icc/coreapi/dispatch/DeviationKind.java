package org.evgrid.icc.coreapi.dispatch;

/** What kind of deviation an interval had. */
public enum DeviationKind {
    /** Actual load above the target beyond tolerance. */
    OVER,
    /** Actual load below the target beyond tolerance. */
    UNDER,
    /** Telemetry missing for the interval; never treated as zero. */
    MISSING_TELEMETRY
}
