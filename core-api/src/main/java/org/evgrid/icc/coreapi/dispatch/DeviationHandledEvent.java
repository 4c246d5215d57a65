package org.evgrid.icc.coreapi.dispatch;

import org.axonframework.serialization.Revision;

/** A deviation's handling method and result were recorded. */
@Revision("1")
public record DeviationHandledEvent(
        DeviationId deviationId,
        DispatchPlanId planId,
        String method,
        String result) {
}
