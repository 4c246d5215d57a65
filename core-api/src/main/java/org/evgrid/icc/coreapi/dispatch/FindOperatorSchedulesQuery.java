package org.evgrid.icc.coreapi.dispatch;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.security.Viewer;

/** Asks for the pile schedules of one operator in a plan version (0 = current); answers {@link PileSchedulePage}. */
public record FindOperatorSchedulesQuery(
        Viewer viewer,
        DispatchPlanId planId,
        int version,
        OperatorId operatorId,
        int page,
        int size) {
}
