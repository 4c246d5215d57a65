package org.evgrid.icc.coreapi.dispatch;

import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.security.Viewer;

/** Asks for one pile's schedule in the current version of a plan; answers {@link PileScheduleView} or null. */
public record FindPileScheduleQuery(
        Viewer viewer,
        DispatchPlanId planId,
        PileId pileId) {
}
