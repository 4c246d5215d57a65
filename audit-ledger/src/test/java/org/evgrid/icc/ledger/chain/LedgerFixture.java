package org.evgrid.icc.ledger.chain;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.evgrid.icc.coreapi.ledger.LedgerVerificationView;
import org.evgrid.icc.coreapi.ledger.VerifyLedgerQuery;
import org.evgrid.icc.coreapi.security.SignatureMetadata;

/**
 * A ledger over a real MongoDB driver connection to an in-process mongo-java-server (memory backend), fed from Axon's
 * in-memory event store.
 */
final class LedgerFixture implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:00:00.123456789Z"), ZoneOffset.UTC);

    final MongoServer server;
    final MongoClient client;
    final MongoDatabase database;
    final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    final EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
    final PayloadCanonicalizer canonicalizer;
    final Sm2TestSigner signer = new Sm2TestSigner("center-key-1");
    final long checkpointInterval;
    final LedgerProjection projection;
    private final List<EventMessage<?>> published = new ArrayList<>();

    LedgerFixture(long checkpointInterval) {
        this(checkpointInterval, new JacksonTestCanonicalizer());
    }

    LedgerFixture(long checkpointInterval, PayloadCanonicalizer canonicalizer) {
        this.canonicalizer = canonicalizer;
        this.server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        this.client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        this.database = client.getDatabase("icc");
        this.checkpointInterval = checkpointInterval;
        this.projection = newProjection();
    }

    /** A second projection instance over the same collections (as after a restart). */
    LedgerProjection newProjection() {
        return new LedgerProjection(database, canonicalizer, signer, CLOCK, checkpointInterval);
    }

    LedgerVerifier verifier() {
        return verifierOver(new StreamableLedgerEventSource(eventStore));
    }

    LedgerVerifier verifierOver(LedgerEventSource source) {
        return new LedgerVerifier(database, canonicalizer, signer, source);
    }

    LedgerQueries queries() {
        return new LedgerQueries(database);
    }

    LedgerVerificationView verifyAll() {
        return verifier().handle(new VerifyLedgerQuery(0, Long.MAX_VALUE));
    }

    /** Publishes {@code count} events: domain events of a few piles, every third one plain, most of them signed. */
    List<EventMessage<?>> publish(int count) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event(published.size() + i));
        }
        eventStore.publish(events);
        published.addAll(events);
        return events;
    }

    /** Publishes the given events. */
    void publishEvents(List<EventMessage<?>> events) {
        eventStore.publish(events);
        published.addAll(events);
    }

    List<EventMessage<?>> published() {
        return List.copyOf(published);
    }

    static EventMessage<?> event(int n) {
        return event(n, null);
    }

    /** Event number {@code n}; with a payload override, the same event (id, time, metadata) with another payload. */
    static EventMessage<?> event(int n, Object payloadOverride) {
        return event(n, payloadOverride, Instant.parse("2026-02-01T00:00:00Z"));
    }

    /** Event number {@code n} at {@code base} plus {@code n} minutes and a second. */
    static EventMessage<?> event(int n, Object payloadOverride, Instant base) {
        MetaData metaData = MetaData.emptyInstance();
        if (n % 5 != 4) {
            String digest = LedgerHashes.sm3Hex(("envelope-" + n).getBytes(StandardCharsets.UTF_8));
            metaData = MetaData.with(SignatureMetadata.ENVELOPE_DIGEST, digest).and(SignatureMetadata.SIGNER, "operator-" + (n % 3));
        }
        Instant time = base.plusSeconds(n * 61L).plusNanos(123_456L);
        if (n % 3 == 2) {
            Object payload = payloadOverride != null ? payloadOverride
                    : new TestPayloads.EnergyReported("PILE-" + (n % 4), time, new BigDecimal(n + ".125"));
            return new GenericEventMessage<>("evt-" + n, payload, metaData, time);
        }
        Object payload = payloadOverride != null ? payloadOverride
                : new TestPayloads.PileRegistered("PILE-" + n, "OP-" + (n % 2), new BigDecimal("7.0" + n));
        return new GenericDomainEventMessage<>("Pile", "PILE-" + n, 0, payload, metaData, "evt-" + n, time);
    }

    /** The stored events after the given global index, as a tracking processor receives them. */
    List<TrackedEventMessage<?>> tracked(long afterGlobalIndex) {
        TrackingToken token = afterGlobalIndex < 0 ? null
                : new GlobalSequenceTrackingToken(afterGlobalIndex);
        return engine.readEvents(token, false).collect(Collectors.toList());
    }

    /** Delivers all stored events in batches of the given size, as the tracking processor would. */
    void deliverAll(int batchSize) {
        deliverInBatches(projection, tracked(-1), batchSize);
    }

    static void deliverInBatches(LedgerProjection projection, List<TrackedEventMessage<?>> events, int batchSize) {
        for (int from = 0; from < events.size(); from += batchSize) {
            deliver(projection, events.subList(from, Math.min(events.size(), from + batchSize)));
        }
    }

    /** One Axon batch: the handler runs for each message inside one batching unit of work. */
    static void deliver(LedgerProjection projection, List<TrackedEventMessage<?>> batch) {
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(batch));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            TrackedEventMessage<?> message = unitOfWork.getMessage();
            projection.on(message, message.trackingToken());
            return null;
        });
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
    }

    MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    Map<Long, Document> entriesBySeq() {
        Map<Long, Document> bySeq = new TreeMap<>();
        for (Document doc : collection("ledger_entries").find()) {
            bySeq.put(((Number) doc.get("_id")).longValue(), doc);
        }
        return bySeq;
    }

    Document head() {
        return collection("ledger_head").find(new Document("_id", "head")).first();
    }

    @Override
    public void close() {
        eventStore.shutDown();
        client.close();
        server.shutdownNow();
    }
}
