package org.evgrid.icc.coreapi.archive;

import org.evgrid.icc.coreapi.security.Viewer;

/** Counts the piles in service under one dimension key. */
public record CountPilesQuery(
        Viewer viewer,
        PileDimension dimension,
        String key) {
}
