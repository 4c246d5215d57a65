package org.evgrid.icc.coreapi.dispatch;

/** An operator platform's immediate answer to an instruction (OCPI ChargingProfileResponseType). */
public enum InstructionResponse {
    /** Accepted; the result follows. */
    ACCEPTED,
    /** Rejected. */
    REJECTED,
    /** Not supported. */
    NOT_SUPPORTED,
    /** Unknown session or pile. */
    UNKNOWN_SESSION
}
