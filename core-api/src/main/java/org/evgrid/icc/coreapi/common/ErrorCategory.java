package org.evgrid.icc.coreapi.common;

/** What kind of refusal an {@link IccException} is; the REST layer maps each to one HTTP status. */
public enum ErrorCategory {
    /** The input is malformed or breaks a rule of the field (HTTP 400). */
    INVALID,
    /** The signature or credential could not be verified (HTTP 401). */
    UNAUTHENTICATED,
    /** The signer is known but may not do this, or not on this data (HTTP 403). */
    FORBIDDEN,
    /** The addressed thing does not exist (HTTP 404). */
    NOT_FOUND,
    /** The command conflicts with the current state or repeats an earlier one (HTTP 409). */
    CONFLICT,
    /** The command is well-formed but breaks a business rule (HTTP 422). */
    UNPROCESSABLE,
    /** A dependency of the center is not available right now (HTTP 503). */
    UNAVAILABLE
}
