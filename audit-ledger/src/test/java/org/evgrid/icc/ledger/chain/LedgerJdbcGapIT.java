package org.evgrid.icc.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.MySqlEventTableFactory;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.evgrid.icc.coreapi.ledger.LedgerVerificationView;
import org.evgrid.icc.coreapi.ledger.VerifyLedgerQuery;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Axon's JDBC event store (H2) delivers an event whose transaction committed late after events with higher global
 * indexes; its tracking token then still points at the highest index. The ledger records the event's own index and
 * verifies against the JDBC store through {@link StreamableLedgerEventSource}.
 */
class LedgerJdbcGapIT {

    private final LedgerFixture fx = new LedgerFixture(4);
    private final Instant recently = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
    private JdbcDataSource dataSource;
    private Serializer serializer;
    private JdbcEventStorageEngine engine;
    private EmbeddedEventStore eventStore;

    @BeforeEach
    void startJdbcStore() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:ledger-gaps;DB_CLOSE_DELAY=-1");
        serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();
        engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        engine.createSchema(MySqlEventTableFactory.INSTANCE);
        eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    @AfterEach
    void stop() throws SQLException {
        eventStore.shutDown();
        sql("DROP ALL OBJECTS");
        fx.close();
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
            st.execute(statement);
        }
    }

    /**
     * Appends event number {@code n} at global index {@code n}, whatever was appended before. Its timestamp is recent:
     * the JDBC store only keeps gaps open next to events younger than its gap timeout (60 s).
     */
    private void appendAt(int n) throws SQLException {
        sql("ALTER TABLE DomainEventEntry ALTER COLUMN globalIndex RESTART WITH " + n);
        engine.appendEvents(List.<EventMessage<?>>of(LedgerFixture.event(n, null, recently)));
    }

    private List<TrackedEventMessage<?>> readAfter(TrackingToken token) {
        return engine.readEvents(token, false).collect(Collectors.toList());
    }

    private LedgerVerificationView verify() {
        return fx.verifierOver(new StreamableLedgerEventSource(eventStore))
                .handle(new VerifyLedgerQuery(0, Long.MAX_VALUE));
    }

    private void chainWithALateEvent() throws SQLException {
        appendAt(1);
        appendAt(2);
        appendAt(4);
        appendAt(5);
        List<TrackedEventMessage<?>> first = readAfter(null);
        LedgerFixture.deliver(fx.projection, first);

        appendAt(3);
        appendAt(6);
        List<TrackedEventMessage<?>> second = readAfter(first.get(first.size() - 1).trackingToken());
        assertThat(second).extracting(TrackedEventMessage::getIdentifier).containsExactly("evt-3", "evt-6");
        assertThat(second.get(0).trackingToken().position()).hasValue(5);
        LedgerFixture.deliver(fx.newProjection(), second);
    }

    @Test
    void aLateGapEventIsChainedInDeliveryOrderWithItsOwnGlobalIndex() throws SQLException {
        chainWithALateEvent();

        Map<Long, Document> entries = fx.entriesBySeq();
        assertThat(entries.values()).extracting(doc -> doc.getString("eventId"))
                .containsExactly("evt-1", "evt-2", "evt-4", "evt-5", "evt-3", "evt-6");
        assertThat(entries.values()).extracting(doc -> ((Number) doc.get("globalIndex")).longValue())
                .containsExactly(1L, 2L, 4L, 5L, 3L, 6L);
        LedgerVerificationView view = verify();
        assertThat(view.intact()).as(view.reason()).isTrue();
        assertThat(view.checked()).isEqualTo(6);
        assertThat(view.checkpointsVerified()).isEqualTo(1);
    }

    @Test
    void verificationReadingLiveTokensWithGapsStillMatchesEachEventToItsOwnIndex() throws SQLException {
        appendAt(1);
        appendAt(2);
        appendAt(4);
        appendAt(5);
        List<TrackedEventMessage<?>> live = new ArrayList<>(readAfter(null));
        appendAt(3);
        appendAt(6);
        live.addAll(readAfter(live.get(live.size() - 1).trackingToken()));
        LedgerFixture.deliver(fx.projection, live);

        // the event store's shared producer hands a reader the tokens it saw live: evt-3's token still says 5
        LedgerVerificationView view = fx.verifierOver(new StreamableLedgerEventSource(new Replaying(live)))
                .handle(new VerifyLedgerQuery(0, Long.MAX_VALUE));

        assertThat(view.intact()).as(view.reason()).isTrue();
        assertThat(view.checked()).isEqualTo(6);
    }

    /** A message source that replays events with the tokens they were first delivered with. */
    private record Replaying(List<TrackedEventMessage<?>> events) implements StreamableMessageSource<TrackedEventMessage<?>> {

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
            long after = from == null ? -1 : from.position().orElse(-1);
            Iterator<TrackedEventMessage<?>> it = events.stream()
                    .filter(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex() > after
                            || ((GapAwareTrackingToken) e.trackingToken()).getGaps().stream().anyMatch(g -> g > after))
                    .iterator();
            return new BlockingStream<>() {
                private TrackedEventMessage<?> next;

                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    if (next == null && it.hasNext()) {
                        next = it.next();
                    }
                    return Optional.ofNullable(next);
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                    return peek().isPresent();
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() {
                    TrackedEventMessage<?> result = peek().orElseThrow();
                    next = null;
                    return result;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public TrackingToken createTailToken() {
            return null;
        }

        @Override
        public TrackingToken createHeadToken() {
            return events.get(events.size() - 1).trackingToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return null;
        }
    }

    @Test
    void aPayloadChangedInTheJdbcEventTableIsDetected() throws SQLException {
        chainWithALateEvent();
        byte[] altered = serializer.serialize(new TestPayloads.PileRegistered("PILE-4", "OP-0", new BigDecimal("99.9")), byte[].class)
                .getData();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE DomainEventEntry SET payload = ? WHERE eventIdentifier = ?")) {
            update.setBytes(1, altered);
            update.setString(2, "evt-4");
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        LedgerVerificationView view = verify();

        assertThat(view.intact()).isFalse();
        assertThat(view.firstBrokenSeq()).isEqualTo(2);
        assertThat(view.reason()).contains("event payload altered at seq 2 (event evt-4, global index 4)");
    }
}
