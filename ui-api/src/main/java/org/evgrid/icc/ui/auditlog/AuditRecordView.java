package org.evgrid.icc.ui.auditlog;

import java.time.Instant;

/**
 * One record of the audit log of business operations.
 *
 * @param sequence the record's number in the log (1 and up, no gaps)
 * @param time when the center answered
 * @param keyId the signing key named by the envelope
 * @param signer who owns the key, when the key is registered
 * @param remoteAddress where the request came from
 * @param operation the command type
 * @param target the command's target when it names one
 * @param result ACCEPTED or REFUSED
 * @param problemCode the refusal's code
 * @param reason the refusal's English message
 * @param envelopeDigest the signed envelope's digest (as the events of an accepted command carry it)
 * @param previousHash the chain hash of the record before
 * @param hash this record's chain hash
 */
public record AuditRecordView(long sequence, Instant time, String keyId, String signer, String remoteAddress, String operation,
                              String target, String result, String problemCode, String reason, String envelopeDigest,
                              String previousHash, String hash) {
}
