package org.evgrid.icc.coreapi.dispatch;

/** An operator platform's final result (OCPI ChargingProfileResultType). */
public enum InstructionResult {
    /** The schedule is applied. */
    ACCEPTED,
    /** The schedule could not be applied. */
    REJECTED,
    /** The platform does not know. */
    UNKNOWN
}
