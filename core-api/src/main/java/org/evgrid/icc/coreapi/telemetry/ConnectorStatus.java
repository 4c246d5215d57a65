package org.evgrid.icc.coreapi.telemetry;

/** A connector's status, after T/CEC 102 and the OCPI 2.2.1 EVSE status. */
public enum ConnectorStatus {
    /** Idle and free to use. */
    AVAILABLE,
    /** Connected and charging. */
    CHARGING,
    /** Connected and discharging to the grid (V2G). */
    DISCHARGING,
    /** Connected but not drawing power (full, paused or blocked). */
    SUSPENDED,
    /** Reserved for a user. */
    RESERVED,
    /** Out of order. */
    FAULTED,
    /** No contact with the pile. */
    OFFLINE,
    /** The platform does not know. */
    UNKNOWN;

    /** Whether the pile is in contact with its platform (neither offline nor unknown). */
    public boolean online() {
        return this != OFFLINE && this != UNKNOWN;
    }
}
