package org.evgrid.icc.coreapi.archive;

import java.util.List;

/** All aggregation units the viewer may see. */
public record AggregationUnitList(
        List<AggregationUnitView> items) {
}
