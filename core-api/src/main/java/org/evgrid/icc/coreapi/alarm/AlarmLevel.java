package org.evgrid.icc.coreapi.alarm;

/** Alarm severity (R-6.2b). */
public enum AlarmLevel {
    /** For information. */
    INFO,
    /** Needs attention. */
    WARNING,
    /** Needs action soon. */
    MAJOR,
    /** Needs action now. */
    CRITICAL
}
