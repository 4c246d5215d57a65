package org.evgrid.icc.coreapi.dispatch;

import org.evgrid.icc.coreapi.security.Viewer;

/** Asks for one dispatch plan; answers {@link DispatchPlanView} or null. */
public record FindDispatchPlanQuery(
        Viewer viewer,
        DispatchPlanId planId) {
}
