package org.evgrid.icc.coreapi.archive;

/** Kind of charging pile. */
public enum PileType {
    AC,
    DC,
    V2G
}
