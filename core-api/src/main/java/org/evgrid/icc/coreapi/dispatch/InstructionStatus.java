package org.evgrid.icc.coreapi.dispatch;

/** Where an instruction to an operator platform is. */
public enum InstructionStatus {
    /** Issued, being delivered. */
    ISSUED,
    /** The gateway gave up delivering it. */
    DELIVERY_FAILED,
    /** The platform accepted it; final result pending. */
    ACCEPTED,
    /** The platform rejected it. */
    REJECTED,
    /** The platform does not support schedules. */
    NOT_SUPPORTED,
    /** The platform does not know the session or pile. */
    UNKNOWN_SESSION,
    /** The platform reported its final result. */
    COMPLETED,
    /** No final result by the deadline. */
    TIMED_OUT
}
