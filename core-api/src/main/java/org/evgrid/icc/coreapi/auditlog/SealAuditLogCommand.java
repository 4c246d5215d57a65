package org.evgrid.icc.coreapi.auditlog;

import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * The center seals the audit log of business operations (R-6.2a) up to a record: the head of its hash chain lands in
 * the event store and so in the hash-chained ledger. Each seal is its own stream {@code audit-log-seal:<uptoSequence>}.
 *
 * @param uptoSequence the last record the seal covers (1 and up)
 * @param chainHead the chain hash of that record, 64 lower-case hex characters
 */
@SignedBy(Role.CENTER_SERVICE)
public record SealAuditLogCommand(long uptoSequence, String chainHead) {
}
