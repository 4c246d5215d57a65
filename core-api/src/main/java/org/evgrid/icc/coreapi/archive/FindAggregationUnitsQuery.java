package org.evgrid.icc.coreapi.archive;

import org.evgrid.icc.coreapi.security.Viewer;

/** Lists the aggregation units. */
public record FindAggregationUnitsQuery(
        Viewer viewer) {
}
