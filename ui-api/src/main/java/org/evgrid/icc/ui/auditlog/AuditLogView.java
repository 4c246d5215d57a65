package org.evgrid.icc.ui.auditlog;

import java.util.List;

/**
 * Records of the audit log and whether its hash chain verifies over the range asked for.
 *
 * @param records the matching records, oldest first (at most the limit)
 * @param checked how many records of the range were checked (all of them, whatever the filters)
 * @param chainVerified whether every checked record's hash and link to the record before are intact
 * @param brokenAtSequence the first record that does not verify (null when the chain verifies)
 * @param problem what is wrong there (null when the chain verifies)
 */
public record AuditLogView(List<AuditRecordView> records, long checked, boolean chainVerified, Long brokenAtSequence, String problem) {
}
