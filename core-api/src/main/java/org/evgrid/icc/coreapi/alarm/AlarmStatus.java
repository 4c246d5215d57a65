package org.evgrid.icc.coreapi.alarm;

/** Alarm state (R-6.2b). */
public enum AlarmStatus {
    /** Raised, not acknowledged. */
    OPEN,
    /** Acknowledged by a person. */
    ACKNOWLEDGED,
    /** The condition ended. */
    CLEARED
}
