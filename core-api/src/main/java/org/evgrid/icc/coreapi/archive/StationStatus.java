package org.evgrid.icc.coreapi.archive;

/** Whether a station is in service. */
public enum StationStatus {
    ACTIVE,
    DECOMMISSIONED
}
