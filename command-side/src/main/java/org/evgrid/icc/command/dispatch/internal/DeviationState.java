package org.evgrid.icc.command.dispatch.internal;

import java.math.BigDecimal;

import org.evgrid.icc.coreapi.dispatch.DeviationCause;
import org.evgrid.icc.coreapi.dispatch.DeviationKind;
import org.evgrid.icc.coreapi.dispatch.DeviationStatus;

/**
 * What a plan remembers of one deviation and its handling.
 *
 * @param kind the kind of deviation
 * @param deviationKw actual − target (null when telemetry is missing altogether)
 * @param status where its handling is
 * @param cause the assigned cause, or null
 * @param detail the cause's detail, or null
 * @param method the handling method, or null
 * @param result the handling result, or null
 */
public record DeviationState(DeviationKind kind, BigDecimal deviationKw, DeviationStatus status, DeviationCause cause, String detail,
                             String method, String result) {

    /** A newly recorded deviation. */
    public static DeviationState open(DeviationKind kind, BigDecimal deviationKw) {
        return new DeviationState(kind, deviationKw, DeviationStatus.OPEN, null, null, null, null);
    }

    /** With its cause. */
    public DeviationState withCause(DeviationCause newCause, String newDetail) {
        DeviationStatus next = status == DeviationStatus.OPEN ? DeviationStatus.CAUSE_ASSIGNED : status;
        return new DeviationState(kind, deviationKw, next, newCause, newDetail, method, result);
    }

    /** With its handling. */
    public DeviationState handled(String newMethod, String newResult) {
        return new DeviationState(kind, deviationKw, DeviationStatus.HANDLED, cause, detail, newMethod, newResult);
    }

    /** Closed. */
    public DeviationState closed() {
        return new DeviationState(kind, deviationKw, DeviationStatus.CLOSED, cause, detail, method, result);
    }
}
