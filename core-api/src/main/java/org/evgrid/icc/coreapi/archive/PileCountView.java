package org.evgrid.icc.coreapi.archive;

import java.util.Map;

/** How many piles in service a dimension key holds, in all and by type. */
public record PileCountView(
        PileDimension dimension,
        String key,
        long total,
        Map<PileType, Long> byType) {
}
