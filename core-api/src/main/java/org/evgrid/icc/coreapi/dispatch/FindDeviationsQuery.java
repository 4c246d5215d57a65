package org.evgrid.icc.coreapi.dispatch;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.security.Viewer;

/**
 * Asks for deviations of a trading day range, optionally of one plan, unit and status; answers {@link DeviationList}.
 */
public record FindDeviationsQuery(
        Viewer viewer,
        LocalDate from,
        LocalDate to,
        DispatchPlanId planId,
        AggregationUnitId unitId,
        DeviationStatus status,
        int page,
        int size) {
}
