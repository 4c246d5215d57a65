package org.evgrid.icc.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.bson.Document;
import org.evgrid.icc.coreapi.ledger.FindLedgerCheckpointsQuery;
import org.evgrid.icc.coreapi.ledger.LedgerCheckpointView;
import org.evgrid.icc.coreapi.ledger.LedgerVerificationView;
import org.evgrid.icc.coreapi.ledger.VerifyLedgerQuery;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hash chain over a real MongoDB connection (mongo-java-server) and Axon's in-memory event store. */
class LedgerChainIT {

    private final LedgerFixture fx = new LedgerFixture(10);

    @AfterEach
    void close() {
        fx.close();
    }

    private void chain(int events, int batchSize) {
        fx.publish(events);
        fx.deliverAll(batchSize);
    }

    private static void assertBroken(LedgerVerificationView view, long seq, String reasonFragment) {
        assertThat(view.intact()).as(view.reason()).isFalse();
        assertThat(view.firstBrokenSeq()).as(view.reason()).isEqualTo(seq);
        assertThat(view.reason()).contains(reasonFragment);
    }

    @Test
    void everyDeliveredEventBecomesTheNextLinkAndTheChainVerifiesIntact() {
        chain(25, 7);

        Map<Long, Document> entries = fx.entriesBySeq();
        assertThat(entries.keySet()).containsExactlyElementsOf(LongStream.range(0, 25).boxed().toList());
        String previous = LedgerHashes.ZERO_HASH;
        for (int seq = 0; seq < 25; seq++) {
            Document entry = entries.get((long) seq);
            EventMessage<?> event = fx.published().get(seq);
            String payloadDigest = LedgerHashes.sm3Hex(fx.canonicalizer.canonicalBytes(event.getPayload()));
            String envelopeDigest = LedgerHashes.envelopeDigest(event.getMetaData().get(SignatureMetadata.ENVELOPE_DIGEST));
            assertThat(entry.getString("eventId")).isEqualTo(event.getIdentifier());
            assertThat(((Number) entry.get("globalIndex")).longValue()).isEqualTo(seq);
            assertThat(entry.getString("payloadDigest")).isEqualTo(payloadDigest);
            assertThat(entry.getString("previousHash")).isEqualTo(previous);
            assertThat(entry.getString("hash"))
                    .isEqualTo(LedgerHashes.linkHash(previous, event.getIdentifier(), payloadDigest, envelopeDigest));
            previous = entry.getString("hash");
        }
        assertThat(entries.get(0L).getString("aggregateId")).isEqualTo("PILE-0");
        assertThat(entries.get(0L).get("aggregateSeq")).isEqualTo(0L);
        assertThat(entries.get(0L).getString("signer")).isEqualTo("operator-0");
        assertThat(entries.get(2L).getString("aggregateId")).isNull();
        assertThat(entries.get(4L).getString("envelopeDigest")).isEqualTo(LedgerHashes.ZERO_HASH);
        assertThat(entries.get(4L).getString("signer")).isNull();
        assertThat(fx.collection("ledger_event_index").countDocuments()).isEqualTo(25);
        assertThat(fx.head().getString("hash")).isEqualTo(previous);

        LedgerVerificationView view = fx.verifyAll();
        assertThat(view.intact()).as(view.reason()).isTrue();
        assertThat(view.firstBrokenSeq()).isNull();
        assertThat(view.checked()).isEqualTo(25);
        assertThat(view.toSeq()).isEqualTo(24);
        assertThat(view.headSeq()).isEqualTo(24);
        assertThat(view.headHash()).isEqualTo(previous);
        assertThat(view.checkpointsVerified()).isEqualTo(2);
        assertThat(view.reason()).contains("chain intact");
    }

    @Test
    void checkpointsSealTheHeadEveryIntervalWithTheCentersKey() {
        chain(25, 7);

        List<LedgerCheckpointView> checkpoints = fx.queries()
                .handle(new FindLedgerCheckpointsQuery(10)).items();
        assertThat(checkpoints).extracting(LedgerCheckpointView::seq).containsExactly(19L, 9L);
        LedgerCheckpointView checkpoint = checkpoints.get(0);
        assertThat(checkpoint.count()).isEqualTo(20);
        assertThat(checkpoint.headHash()).isEqualTo(fx.entriesBySeq().get(19L).getString("hash"));
        assertThat(checkpoint.sealedAt()).isEqualTo(LedgerFixture.CLOCK.instant().truncatedTo(ChronoUnit.MILLIS));
        assertThat(checkpoint.keyId()).isEqualTo("center-key-1");
        assertThat(checkpoint.algorithm()).isEqualTo("SM3withSM2");
        byte[] signed = ("ICC-LEDGER-CHECKPOINT|19|" + checkpoint.headHash() + "|" + checkpoint.sealedAt())
                .getBytes(StandardCharsets.UTF_8);
        assertThat(fx.signer.verify(signed, Base64.getDecoder().decode(checkpoint.signature()))).isTrue();
    }

    @Test
    void aPartOfTheChainVerifiesOnItsOwn() {
        chain(25, 25);

        LedgerVerificationView view = fx.verifier().handle(new VerifyLedgerQuery(5, 12));

        assertThat(view.intact()).as(view.reason()).isTrue();
        assertThat(view.checked()).isEqualTo(8);
        assertThat(view.checkpointsVerified()).isEqualTo(1);
    }

    @Test
    void anEditedPayloadDigestIsReportedAtItsEntry() {
        chain(25, 7);
        fx.collection("ledger_entries").updateOne(Filters.eq("_id", 12L),
                Updates.set("payloadDigest", LedgerHashes.sm3Hex(new byte[] {42})));

        assertBroken(fx.verifyAll(), 12, "hash mismatch at seq 12");
    }

    @Test
    void aDeletedEntryIsReportedAsMissing() {
        chain(25, 7);
        fx.collection("ledger_entries").deleteOne(Filters.eq("_id", 7L));

        LedgerVerificationView view = fx.verifyAll();

        assertBroken(view, 7, "entry missing at seq 7");
        assertThat(view.checked()).isEqualTo(7);
    }

    @Test
    void twoSwappedEntriesBreakTheLinkAtTheFirst() {
        chain(25, 7);
        Document five = fx.entriesBySeq().get(5L);
        Document eight = fx.entriesBySeq().get(8L);
        fx.collection("ledger_entries").replaceOne(Filters.eq("_id", 5L), new Document(eight).append("_id", 5L));
        fx.collection("ledger_entries").replaceOne(Filters.eq("_id", 8L), new Document(five).append("_id", 8L));

        assertBroken(fx.verifyAll(), 5, "broken link at seq 5");
    }

    @Test
    void aTruncatedTailIsCaughtByTheCheckpointBeyondTheNewHead() {
        chain(25, 7);
        Document fourteen = fx.entriesBySeq().get(14L);
        fx.collection("ledger_entries").deleteMany(Filters.gte("_id", 15L));
        fx.collection("ledger_head").updateOne(Filters.eq("_id", "head"),
                Updates.combine(Updates.set("seq", 14L), Updates.set("hash", fourteen.getString("hash"))));

        assertBroken(fx.verifyAll(), 15, "ledger truncated");
        assertThat(fx.verifier().handle(new VerifyLedgerQuery(0, 10)).intact()).isTrue();
    }

    @Test
    void aTailDeletedBehindTheHeadIsReportedAsMissing() {
        chain(25, 7);
        fx.collection("ledger_entries").deleteMany(Filters.gte("_id", 21L));

        assertBroken(fx.verifyAll(), 21, "entry missing at seq 21");
    }

    @Test
    void aCorruptedCheckpointSignatureIsReportedAtTheCheckpoint() {
        chain(25, 7);
        String otherSignature = Base64.getEncoder().encodeToString(fx.signer.sign("something else".getBytes(StandardCharsets.UTF_8)));
        fx.collection("ledger_checkpoints").updateOne(Filters.eq("_id", 9L), Updates.set("signature", otherSignature));

        LedgerVerificationView view = fx.verifyAll();

        assertBroken(view, 9, "checkpoint signature invalid at seq 9");
        assertThat(view.checkpointsVerified()).isZero();
    }

    @Test
    void aCheckpointWhoseHeadHashWasRewrittenNoLongerMatchesItsSignature() {
        chain(25, 7);
        fx.collection("ledger_checkpoints").updateOne(Filters.eq("_id", 19L),
                Updates.set("headHash", fx.entriesBySeq().get(18L).getString("hash")));

        LedgerVerificationView view = fx.verifyAll();

        assertBroken(view, 19, "checkpoint signature invalid at seq 19");
        assertThat(view.checkpointsVerified()).isEqualTo(1);
    }

    @Test
    void aRewrittenHeadIsReported() {
        chain(25, 7);
        fx.collection("ledger_head").updateOne(Filters.eq("_id", "head"), Updates.set("hash", LedgerHashes.ZERO_HASH));

        assertBroken(fx.verifyAll(), 24, "head mismatch");
    }

    @Test
    void anEntryFieldOutsideTheHashIsCheckedAgainstTheStoredEvent() {
        chain(25, 7);
        fx.collection("ledger_entries").updateOne(Filters.eq("_id", 3L), Updates.set("aggregateId", "PILE-999"));
        fx.collection("ledger_entries").updateOne(Filters.eq("_id", 6L),
                Updates.set("eventTime", Date.from(Instant.parse("2020-01-01T00:00:00Z"))));

        assertBroken(fx.verifyAll(), 3, "aggregateId is PILE-999 in the ledger, PILE-3 in the event store");
    }

    @Test
    void anEventWhosePayloadWasAlteredInTheEventStoreIsDetected() {
        chain(25, 7);
        List<EventMessage<?>> altered = new ArrayList<>(fx.published());
        altered.set(13, LedgerFixture.event(13, new TestPayloads.PileRegistered("PILE-13", "OP-1", new BigDecimal("70.013"))));

        LedgerVerificationView view = verifyAgainst(altered);

        assertBroken(view, 13, "event payload altered at seq 13");
    }

    @Test
    void anEventSlippedIntoTheEventStoreIsDetected() {
        chain(25, 7);
        List<EventMessage<?>> withExtra = new ArrayList<>(fx.published());
        withExtra.add(10, LedgerFixture.event(100));

        assertBroken(verifyAgainst(withExtra), 10, "event id mismatch at seq 10");
    }

    @Test
    void anEventMissingFromTheEventStoreIsDetected() {
        chain(25, 7);

        List<EventMessage<?>> shorter = new ArrayList<>(fx.published().subList(0, 22));

        assertBroken(verifyAgainst(shorter), 22, "event missing from the event store at seq 22");
    }

    private LedgerVerificationView verifyAgainst(List<EventMessage<?>> storedEvents) {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        engine.appendEvents(storedEvents);
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            return fx.verifierOver(new StreamableLedgerEventSource(store)).handle(new VerifyLedgerQuery(0, Long.MAX_VALUE));
        } finally {
            store.shutDown();
        }
    }

    @Test
    void theSameBatchDeliveredTwiceAddsNoEntry() {
        fx.publish(12);
        List<TrackedEventMessage<?>> events = fx.tracked(-1);

        LedgerFixture.deliver(fx.projection, events.subList(0, 8));
        LedgerFixture.deliver(fx.projection, events);
        LedgerFixture.deliver(fx.projection, events);

        assertThat(fx.entriesBySeq()).hasSize(12);
        assertThat(fx.collection("ledger_event_index").countDocuments()).isEqualTo(12);
        assertThat(fx.head().get("seq")).isEqualTo(11L);
        assertThat(fx.verifyAll().intact()).isTrue();
    }

    @Test
    void anEventOutsideAUnitOfWorkIsChainedAtOnce() {
        fx.publish(2);
        for (TrackedEventMessage<?> event : fx.tracked(-1)) {
            fx.projection.on(event, event.trackingToken());
        }
        assertThat(fx.entriesBySeq()).hasSize(2);
        assertThat(fx.verifyAll().intact()).isTrue();
    }
}
