package org.evgrid.icc.ui.auditlog;

import java.time.Instant;

/**
 * The audit log of business operations (R-6.2a): an append-only, hash-chained record of every signed command that
 * reached the API, accepted or refused, and of every other HTTP operation that changes something or was refused access
 * ({@link HttpOperation}). Implemented by infra ({@code infra.auditlog}).
 */
public interface AuditTrail {

    /** Appends one record; never throws (a failure to record is logged by the implementation). */
    void record(CommandAttempt attempt);

    /** Appends the record of an HTTP operation that is not a signed command; never throws. */
    void record(HttpOperation operation);

    /**
     * Records in a time range, filtered, with the chain verified over the whole range.
     *
     * @param from inclusive
     * @param to exclusive
     * @param result ACCEPTED, REFUSED or null for both
     * @param operation a command type or null for all
     * @param limit the most records to answer
     */
    AuditLogView find(Instant from, Instant to, String result, String operation, int limit);
}
