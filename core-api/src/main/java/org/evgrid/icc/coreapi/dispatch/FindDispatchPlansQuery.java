package org.evgrid.icc.coreapi.dispatch;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.security.Viewer;

/**
 * Asks for dispatch plans of a trading day range, optionally of one unit and status; answers {@link DispatchPlanList}.
 */
public record FindDispatchPlansQuery(
        Viewer viewer,
        LocalDate from,
        LocalDate to,
        AggregationUnitId unitId,
        DispatchPlanStatus status) {
}
