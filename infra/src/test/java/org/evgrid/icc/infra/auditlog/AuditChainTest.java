package org.evgrid.icc.infra.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.evgrid.icc.infra.auditlog.internal.AuditChain;
import org.evgrid.icc.ledger.chain.LedgerHashes;
import org.evgrid.icc.ui.auditlog.AuditRecordView;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static List<AuditRecordView> chain(int n) {
        List<AuditRecordView> out = new ArrayList<>();
        String previous = LedgerHashes.ZERO_HASH;
        for (int i = 1; i <= n; i++) {
            AuditRecordView r = AuditChain.linked(new AuditRecordView(i, Instant.parse("2026-11-27T00:00:00Z").plusSeconds(i), "key-a",
                    "user-a", "10.0.0.1", "RegisterPile", "P-" + i, i % 2 == 0 ? "REFUSED" : "ACCEPTED", i % 2 == 0 ? "ICC-X" : null,
                    i % 2 == 0 ? "No" : null, null, null, null), previous);
            out.add(r);
            previous = r.hash();
        }
        return out;
    }

    private static AuditRecordView withReason(AuditRecordView r, String reason) {
        return new AuditRecordView(r.sequence(), r.time(), r.keyId(), r.signer(), r.remoteAddress(), r.operation(), r.target(), r.result(),
                r.problemCode(), reason, r.envelopeDigest(), r.previousHash(), r.hash());
    }

    @Test
    void an_untouched_chain_verifies() {
        List<AuditRecordView> records = chain(5);
        assertThat(AuditChain.verify(records, LedgerHashes.ZERO_HASH, null, 5).verified()).isTrue();
        assertThat(AuditChain.verify(records.subList(2, 4), records.get(1).hash(), records.get(4), 5).verified()).isTrue();
    }

    @Test
    void a_changed_record_is_named() {
        List<AuditRecordView> records = new ArrayList<>(chain(5));
        records.set(2, withReason(records.get(2), "nothing wrong here"));
        AuditChain.Verdict verdict = AuditChain.verify(records, LedgerHashes.ZERO_HASH, null, 5);
        assertThat(verdict.brokenAt()).isEqualTo(3L);
        assertThat(verdict.problem()).contains("record 3 was changed");
    }

    @Test
    void a_removed_record_is_found_in_the_middle_and_at_the_end() {
        List<AuditRecordView> records = new ArrayList<>(chain(5));
        records.remove(1);
        assertThat(AuditChain.verify(records, LedgerHashes.ZERO_HASH, null, 5).brokenAt()).isEqualTo(2L);
        List<AuditRecordView> first = chain(5).subList(0, 3);
        assertThat(AuditChain.verify(first, LedgerHashes.ZERO_HASH, null, 5).problem()).isEqualTo("record 4 is missing");
    }

    @Test
    void a_record_rewritten_with_a_fresh_hash_breaks_the_link_of_the_next() {
        List<AuditRecordView> records = new ArrayList<>(chain(4));
        AuditRecordView forged = AuditChain.linked(withReason(records.get(1), "forged"), records.get(0).hash());
        records.set(1, forged);
        AuditChain.Verdict verdict = AuditChain.verify(records, LedgerHashes.ZERO_HASH, null, 4);
        assertThat(verdict.brokenAt()).isEqualTo(3L);
        assertThat(verdict.problem()).contains("does not link");
    }

    @Test
    void the_hash_commits_to_every_field_including_the_envelope_digest() {
        AuditRecordView r = chain(1).get(0);
        AuditRecordView withDigest = new AuditRecordView(1, r.time(), r.keyId(), r.signer(), r.remoteAddress(), r.operation(), r.target(),
                r.result(), r.problemCode(), r.reason(), "cd".repeat(32), null, null);
        assertThat(AuditChain.hashOf(withDigest, LedgerHashes.ZERO_HASH)).isNotEqualTo(r.hash()).hasSize(64);
    }
}
