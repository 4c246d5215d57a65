package org.evgrid.icc.coreapi.archive;

/** Whether a pile is in service. */
public enum PileStatus {
    ACTIVE,
    DECOMMISSIONED
}
