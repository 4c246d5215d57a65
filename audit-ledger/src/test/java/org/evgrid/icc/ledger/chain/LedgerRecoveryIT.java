package org.evgrid.icc.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.evgrid.icc.coreapi.ledger.LedgerCheckpointView;
import org.evgrid.icc.coreapi.ledger.LedgerVerificationView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Crash windows of a batch write (entries, index, checkpoints, head, then the processor's token), simulated by undoing
 * the later writes of batch B through the raw driver, followed by re-delivery as the processor would do.
 */
class LedgerRecoveryIT {

    /** Where the process stopped while writing batch B (events 10..19, checkpoint at 19). */
    enum CrashPoint {
        /** Only the first half of the ordered entry insert reached the store. */
        DURING_ENTRY_INSERT,
        /** All entries written; no index rows, checkpoint or head. */
        AFTER_ENTRIES,
        /** Entries and index written; no checkpoint or head. */
        AFTER_INDEX,
        /** Entries, index and checkpoint written; head not moved. */
        AFTER_CHECKPOINTS,
        /** Everything written, but the processor's token was not stored. */
        AFTER_HEAD
    }

    private final LedgerFixture fx = new LedgerFixture(10);
    private List<TrackedEventMessage<?>> events;
    private Document headAfterA;

    @BeforeEach
    void chainTwoBatches() {
        fx.publish(20);
        events = fx.tracked(-1);
        LedgerFixture.deliver(fx.projection, events.subList(0, 10));
        headAfterA = fx.head();
        LedgerFixture.deliver(fx.projection, events.subList(10, 20));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private void crash(CrashPoint point) {
        if (point == CrashPoint.AFTER_HEAD) {
            return;
        }
        fx.collection("ledger_head").replaceOne(Filters.eq("_id", "head"), headAfterA);
        if (point == CrashPoint.AFTER_CHECKPOINTS) {
            return;
        }
        fx.collection("ledger_checkpoints").deleteOne(Filters.eq("_id", 19L));
        if (point == CrashPoint.AFTER_INDEX) {
            return;
        }
        fx.collection("ledger_event_index").deleteMany(Filters.in("_id", eventIds(10, 20)));
        if (point == CrashPoint.DURING_ENTRY_INSERT) {
            fx.collection("ledger_entries").deleteMany(Filters.gte("_id", 15L));
        }
    }

    private List<String> eventIds(int from, int to) {
        return events.subList(from, to).stream().map(TrackedEventMessage::getIdentifier).toList();
    }

    private void assertCompleteChainOf(int count) {
        assertThat(fx.entriesBySeq().keySet()).containsExactlyElementsOf(LongStream.range(0, count).boxed().toList());
        assertThat(fx.collection("ledger_event_index").countDocuments()).isEqualTo(count);
        assertThat(fx.head().get("seq")).isEqualTo((long) count - 1);
        LedgerVerificationView view = fx.verifyAll();
        assertThat(view.intact()).as(view.reason()).isTrue();
        assertThat(view.checked()).isEqualTo(count);
        assertThat(view.checkpointsVerified()).isEqualTo(count / 10);
    }

    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void reDeliveryAfterACrashCompletesTheChainWithoutDuplicates(CrashPoint point) {
        crash(point);

        LedgerFixture.deliver(fx.newProjection(), events.subList(10, 20));

        assertCompleteChainOf(20);
    }

    @ParameterizedTest
    @EnumSource(value = CrashPoint.class, names = "DURING_ENTRY_INSERT", mode = EnumSource.Mode.EXCLUDE)
    void aRestartAdoptsEntriesLeftBeyondTheHeadBeforeChainingNewEvents(CrashPoint point) {
        crash(point);
        fx.publish(5);

        LedgerFixture.deliver(fx.newProjection(), fx.tracked(19));

        assertCompleteChainOf(25);
        assertThat(fx.entriesBySeq().get(20L).getString("eventId")).isEqualTo("evt-20");
    }

    @Test
    void eventsLostBehindAStoredTokenAreReportedAsNotInTheLedger() {
        crash(CrashPoint.DURING_ENTRY_INSERT);
        fx.publish(5);

        LedgerFixture.deliver(fx.newProjection(), fx.tracked(19));

        assertThat(fx.entriesBySeq()).hasSize(20);
        assertThat(fx.entriesBySeq().get(15L).getString("eventId")).isEqualTo("evt-20");
        LedgerVerificationView view = fx.verifyAll();
        assertThat(view.intact()).isFalse();
        assertThat(view.firstBrokenSeq()).isEqualTo(15);
        assertThat(view.reason()).contains("event not in the ledger: event evt-15 at global index 15");
    }

    @Test
    void anEntryBeyondTheHeadThatDoesNotLinkIsNeitherAdoptedNorOverwritten() {
        crash(CrashPoint.AFTER_ENTRIES);
        fx.collection("ledger_entries").updateOne(Filters.eq("_id", 10L), Updates.set("previousHash", LedgerHashes.ZERO_HASH));
        Document tampered = fx.entriesBySeq().get(10L);

        assertThatThrownBy(() -> LedgerFixture.deliver(fx.newProjection(), events.subList(10, 20)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ledger entry 10 beyond the head (seq 9) does not link to it");
        assertThat(fx.entriesBySeq().get(10L)).isEqualTo(tampered);
        assertThat(fx.head().get("seq")).isEqualTo(9L);
    }

    @Test
    void sealingOnDemandSignsTheCurrentHeadOnce() {
        fx.publish(3);
        LedgerFixture.deliver(fx.projection, fx.tracked(19));

        LedgerCheckpointView sealed = fx.projection.seal().orElseThrow();
        LedgerCheckpointView again = fx.projection.seal().orElseThrow();

        assertThat(sealed.seq()).isEqualTo(22);
        assertThat(sealed.count()).isEqualTo(23);
        assertThat(sealed.headHash()).isEqualTo(fx.entriesBySeq().get(22L).getString("hash"));
        assertThat(again).isEqualTo(sealed);
        assertThat(fx.collection("ledger_checkpoints").countDocuments()).isEqualTo(3);
        LedgerVerificationView view = fx.verifyAll();
        assertThat(view.intact()).as(view.reason()).isTrue();
        assertThat(view.checkpointsVerified()).isEqualTo(3);
    }

    @Test
    void anEmptyLedgerHasNothingToSeal() {
        try (LedgerFixture empty = new LedgerFixture(10)) {
            assertThat(empty.projection.seal()).isEmpty();
        }
    }
}
