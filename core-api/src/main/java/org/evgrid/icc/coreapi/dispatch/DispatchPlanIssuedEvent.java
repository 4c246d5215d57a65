package org.evgrid.icc.coreapi.dispatch;

import org.axonframework.serialization.Revision;

/** All instructions of a plan version were issued. */
@Revision("1")
public record DispatchPlanIssuedEvent(
        DispatchPlanId planId,
        int version,
        int instructions) {
}
