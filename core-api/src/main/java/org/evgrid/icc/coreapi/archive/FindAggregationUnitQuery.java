package org.evgrid.icc.coreapi.archive;

import org.evgrid.icc.coreapi.security.Viewer;

/** Finds one aggregation unit. */
public record FindAggregationUnitQuery(
        Viewer viewer,
        AggregationUnitId unitId) {
}
