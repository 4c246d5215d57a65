package org.evgrid.icc.coreapi.dispatch;

import org.axonframework.serialization.Revision;

/** A dispatch plan version was rejected. */
@Revision("1")
public record DispatchPlanRejectedEvent(
        DispatchPlanId planId,
        int version,
        String reason) {
}
