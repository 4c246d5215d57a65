package org.evgrid.icc.coreapi.dispatch;

import org.axonframework.serialization.Revision;

/** A deviation's cause was recorded (again, if it changed). */
@Revision("1")
public record DeviationCauseAssignedEvent(
        DeviationId deviationId,
        DispatchPlanId planId,
        DeviationCause cause,
        String detail) {
}
