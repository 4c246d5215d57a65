package org.evgrid.icc.coreapi.archive;

import org.evgrid.icc.coreapi.security.Viewer;

/** Lists the piles in service under one dimension key, a page at a time, sorted by pile id. */
public record FindPilesQuery(
        Viewer viewer,
        PileDimension dimension,
        String key,
        int page,
        int size,
        boolean descending) {
}
