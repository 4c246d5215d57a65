package org.evgrid.icc.coreapi.dispatch;

import org.axonframework.serialization.Revision;

/** A dispatch plan version was approved. */
@Revision("1")
public record DispatchPlanApprovedEvent(
        DispatchPlanId planId,
        int version,
        String note) {
}
