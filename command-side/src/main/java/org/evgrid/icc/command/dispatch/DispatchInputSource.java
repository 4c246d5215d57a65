package org.evgrid.icc.command.dispatch;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.dispatch.DispatchInputs;

/**
 * Where a plan gets the allocation inputs of its unit and trading day (piles, limits, expected sessions). In the
 * application the query side answers them ({@code FindDispatchInputsQuery} through Axon's query gateway).
 */
public interface DispatchInputSource {

    /**
     * The inputs as of now.
     *
     * @throws org.evgrid.icc.coreapi.common.IccException if they cannot be had
     */
    DispatchInputs inputs(AggregationUnitId unitId, LocalDate tradingDay);
}
