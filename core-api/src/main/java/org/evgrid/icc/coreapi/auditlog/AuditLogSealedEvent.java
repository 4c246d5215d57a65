package org.evgrid.icc.coreapi.auditlog;

/** The audit log was sealed up to a record whose chain hash is {@code chainHead}. */
public record AuditLogSealedEvent(long uptoSequence, String chainHead) {
}
