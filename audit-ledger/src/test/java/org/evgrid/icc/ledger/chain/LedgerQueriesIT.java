package org.evgrid.icc.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.ledger.FindLedgerCheckpointsQuery;
import org.evgrid.icc.coreapi.ledger.FindLedgerEntriesQuery;
import org.evgrid.icc.coreapi.ledger.LedgerCheckpointView;
import org.evgrid.icc.coreapi.ledger.LedgerEntryPage;
import org.evgrid.icc.coreapi.ledger.LedgerEntryView;
import org.evgrid.icc.coreapi.ledger.LedgerVerificationView;
import org.evgrid.icc.coreapi.ledger.VerifyLedgerQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reading entries and checkpoints, and the refusals of the ledger queries. */
class LedgerQueriesIT {

    private final LedgerFixture fx = new LedgerFixture(10);

    @AfterEach
    void close() {
        fx.close();
    }

    private void chain(int events) {
        fx.publish(events);
        fx.deliverAll(200);
    }

    private static void assertRefused(Runnable query, String code, String field) {
        assertThatThrownBy(query::run).isInstanceOfSatisfying(IccException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageZh()).isNotBlank();
            assertThat(e.messageEn()).isNotBlank();
            assertThat(e.fix()).isNotBlank();
        });
    }

    @Test
    void entriesArePagedFromASeqUpToTheHead() {
        chain(25);

        LedgerEntryPage page = fx.queries().handle(new FindLedgerEntriesQuery(5, 3));
        LedgerEntryPage tail = fx.queries().handle(new FindLedgerEntriesQuery(23, 10));
        LedgerEntryPage beyond = fx.queries().handle(new FindLedgerEntriesQuery(30, 10));

        assertThat(page.items()).extracting(LedgerEntryView::seq).containsExactly(5L, 6L, 7L);
        assertThat(page.headSeq()).isEqualTo(24);
        LedgerEntryView five = page.items().get(0);
        assertThat(five.eventId()).isEqualTo("evt-5");
        assertThat(five.payloadType()).isEqualTo(TestPayloads.EnergyReported.class.getName());
        assertThat(five.hash()).isEqualTo(fx.entriesBySeq().get(5L).getString("hash"));
        assertThat(five.previousHash()).isEqualTo(fx.entriesBySeq().get(4L).getString("hash"));
        assertThat(tail.items()).extracting(LedgerEntryView::seq).containsExactly(23L, 24L);
        assertThat(beyond.items()).isEmpty();
    }

    @Test
    void checkpointsComeNewestFirst() {
        chain(35);

        assertThat(fx.queries().handle(new FindLedgerCheckpointsQuery(2)).items())
                .extracting(LedgerCheckpointView::seq).containsExactly(29L, 19L);
    }

    @Test
    void pageSizesOutsideOneToAThousandAreRefused() {
        assertRefused(() -> fx.queries().handle(new FindLedgerEntriesQuery(0, 0)), "ICC-LEDGER-LIMIT", "limit");
        assertRefused(() -> fx.queries().handle(new FindLedgerEntriesQuery(0, 1001)), "ICC-LEDGER-LIMIT", "limit");
        assertRefused(() -> fx.queries().handle(new FindLedgerEntriesQuery(-1, 10)), "ICC-LEDGER-FROM", "fromSeq");
        assertRefused(() -> fx.queries().handle(new FindLedgerCheckpointsQuery(0)), "ICC-LEDGER-LIMIT", "limit");
    }

    @Test
    void verificationRangesAreChecked() {
        chain(5);
        LedgerVerifier verifier = fx.verifier();

        assertRefused(() -> verifier.handle(new VerifyLedgerQuery(-1, 3)), "ICC-LEDGER-VERIFY-FROM", "fromSeq");
        assertRefused(() -> verifier.handle(new VerifyLedgerQuery(3, 2)), "ICC-LEDGER-VERIFY-TO", "toSeq");
        assertRefused(() -> verifier.handle(new VerifyLedgerQuery(5, 9)), "ICC-LEDGER-VERIFY-FROM", "fromSeq");
        fx.collection("ledger_head").updateOne(Filters.eq("_id", "head"), Updates.set("seq", 2_000_000L));
        assertRefused(() -> verifier.handle(new VerifyLedgerQuery(0, 1_999_999)), "ICC-LEDGER-VERIFY-RANGE", "toSeq");
    }

    @Test
    void anEmptyLedgerVerifiesAsEmpty() {
        LedgerVerificationView view = fx.verifyAll();

        assertThat(view.intact()).isTrue();
        assertThat(view.checked()).isZero();
        assertThat(view.headSeq()).isEqualTo(-1);
        assertThat(view.reason()).contains("empty");
    }

    @Test
    void aLedgerEmptiedBehindItsCheckpointsIsReportedAsTruncated() {
        chain(12);
        fx.collection("ledger_entries").deleteMany(new Document());
        fx.collection("ledger_head").deleteMany(new Document());

        LedgerVerificationView view = fx.verifyAll();

        assertThat(view.intact()).isFalse();
        assertThat(view.firstBrokenSeq()).isZero();
        assertThat(view.reason()).contains("ledger truncated");
    }
}
