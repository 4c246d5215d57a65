package org.evgrid.icc.infra.auditlog.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.evgrid.icc.ledger.chain.LedgerHashes;
import org.evgrid.icc.ui.auditlog.AuditRecordView;

/**
 * The hash chain of the audit log, by the ledger's rules ({@link LedgerHashes}, SM3): a record's hash is
 * {@code linkHash(previous hash, "audit-log:" + sequence, SM3(canonical record), envelope digest)}, where the canonical
 * record is the JSON array of its fields in a fixed order and the first record links to 64 zeros.
 */
public final class AuditChain {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {
    }

    /** The hash of a record from its fields (its own {@code hash} is ignored). */
    public static String hashOf(AuditRecordView r, String previousHash) {
        List<Object> fields = Arrays.asList(r.sequence(), r.time() == null ? null : r.time().toString(), r.keyId(), r.signer(),
                r.remoteAddress(), r.operation(), r.target(), r.result(), r.problemCode(), r.reason(), r.envelopeDigest());
        String canonical;
        try {
            canonical = JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an audit record's fields", e);
        }
        String payloadDigest = LedgerHashes.sm3Hex(canonical.getBytes(StandardCharsets.UTF_8));
        return LedgerHashes.linkHash(previousHash, "audit-log:" + r.sequence(), payloadDigest, LedgerHashes.envelopeDigest(r.envelopeDigest()));
    }

    /** A record with its chain fields set. */
    public static AuditRecordView linked(AuditRecordView r, String previousHash) {
        AuditRecordView unlinked = new AuditRecordView(r.sequence(), r.time(), r.keyId(), r.signer(), r.remoteAddress(), r.operation(),
                r.target(), r.result(), r.problemCode(), r.reason(), r.envelopeDigest(), previousHash, null);
        return new AuditRecordView(r.sequence(), r.time(), r.keyId(), r.signer(), r.remoteAddress(), r.operation(), r.target(),
                r.result(), r.problemCode(), r.reason(), r.envelopeDigest(), previousHash, hashOf(unlinked, previousHash));
    }

    /**
     * The outcome of checking consecutive records.
     *
     * @param brokenAt the first record that does not verify, or null
     * @param problem what is wrong there, or null
     */
    public record Verdict(Long brokenAt, String problem) {

        /** Whether the records verify. */
        public boolean verified() {
            return brokenAt == null;
        }
    }

    /**
     * Checks records in sequence order.
     *
     * @param records the records, ordered by sequence
     * @param before the hash the first record must link to (null if the record before it is missing)
     * @param next the record after the last one, or null if there is none
     * @param head the sequence of the newest record written
     */
    public static Verdict verify(List<AuditRecordView> records, String before, AuditRecordView next, long head) {
        List<AuditRecordView> all = new ArrayList<>(records);
        if (all.isEmpty()) {
            return new Verdict(null, null);
        }
        long expected = all.get(0).sequence();
        String previous = before;
        for (AuditRecordView r : all) {
            if (r.sequence() != expected) {
                return new Verdict(expected, "records " + expected + " to " + (r.sequence() - 1) + " are missing");
            }
            if (previous == null) {
                return new Verdict(r.sequence(), "the record before record " + r.sequence() + " is missing");
            }
            if (!previous.equals(r.previousHash())) {
                return new Verdict(r.sequence(), "record " + r.sequence() + " does not link to the record before it");
            }
            String hash;
            try {
                hash = hashOf(r, previous);
            } catch (IllegalArgumentException e) {
                return new Verdict(r.sequence(), "record " + r.sequence() + " has a malformed hash field");
            }
            if (!hash.equals(r.hash())) {
                return new Verdict(r.sequence(), "record " + r.sequence() + " was changed after it was written (its hash does not match)");
            }
            previous = r.hash();
            expected++;
        }
        long last = expected - 1;
        if (next != null && !previous.equals(next.previousHash())) {
            return new Verdict(next.sequence(), "record " + next.sequence() + " does not link to record " + last);
        }
        if (next == null && last < head) {
            return new Verdict(last + 1, "record " + (last + 1) + " is missing");
        }
        return new Verdict(null, null);
    }

    /** The time as the chain keeps it: milliseconds. */
    public static Instant truncated(Instant time) {
        return Instant.ofEpochMilli(time.toEpochMilli());
    }
}
