package org.evgrid.icc.infra.demo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.ledger.signing.Crypto;
import org.evgrid.icc.ledger.signing.SignedEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo feed's back-fill and live sending, with its progress in a real MongoDB-protocol store, across restarts. */
class DemoTelemetryFeedIT {

    /** 2026-11-26 12:02:30 in Asia/Shanghai. */
    private static final Instant NOON = Instant.parse("2026-11-26T04:02:30Z");
    private static final KeyPair KEY = Crypto.generateKeyPair(SignatureAlgorithm.ED25519);

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> progress;
    private final List<SimPile> piles = ChargingLoadSimulatorTest.piles(100);
    private final List<SignedEnvelope> sent = new ArrayList<>();
    private final MutableClock clock = new MutableClock(NOON);

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        progress = client.getDatabase("icc").getCollection(DemoTelemetryFeed.COLLECTION);
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    private DemoTelemetryFeed feed() {
        Map<OperatorId, TelemetrySender.PlatformKey> keys = Map.of(new OperatorId("OP-A"), new TelemetrySender.PlatformKey("key-a",
                KEY.getPrivate()), new OperatorId("OP-B"), new TelemetrySender.PlatformKey("key-b", KEY.getPrivate()));
        TelemetrySender sender = new TelemetrySender(piles, keys, sent::add, clock, ChargingLoadSimulator.CHINA, 5_000);
        Supplier<ChargingLoadSimulator> sims = () -> new ChargingLoadSimulator(piles, 1, ChargingLoadSimulator.CHINA, OutageRates.NONE,
                TouTariff.DEFAULT);
        return new DemoTelemetryFeed(sims, sender, progress, clock, 2, true);
    }

    private List<String> ids() {
        return sent.stream().map(e -> e.payload().get("batchId").asText()).toList();
    }

    @Test
    void backFillsTheLastDaysNewestFirstThenSendsTodaysFinishedIntervalsAndNothingTwiceAfterARestart() {
        DemoTelemetryFeed feed = feed();
        assertThat(feed.pendingDays()).containsExactly(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 24));
        assertThat(feed.backfill(() -> false)).isEqualTo(2);
        // Per day and operator: 288 power batches, then status changes, orders and energy.
        List<String> ids = ids();
        assertThat(ids).hasSize(2 * 2 * (288 + 3)).doesNotHaveDuplicates();
        assertThat(ids.get(0)).isEqualTo("OP-A-POWER-202611250000-1");
        assertThat(ids).contains("OP-B-POWER-202611242355-1", "OP-A-STATUS-20261125-1", "OP-B-ORDERS-20261124-1",
                "OP-A-ENERGY-20261124-1");
        assertThat(progress.find(Filters.eq("_id", "telemetry")).first().getList("days", String.class))
                .containsExactly("2026-11-25", "2026-11-24");

        sent.clear();
        // 00:00 to 11:55 have finished by 12:02:30.
        assertThat(feed.sendFinishedIntervals(() -> false)).isEqualTo(144);
        assertThat(ids()).contains("OP-A-POWER-202611260000-1", "OP-B-POWER-202611261155-1").doesNotContain("OP-A-POWER-202611261200-1")
                .doesNotHaveDuplicates();

        sent.clear();
        DemoTelemetryFeed restarted = feed();
        assertThat(restarted.pendingDays()).isEmpty();
        assertThat(restarted.backfill(() -> false)).isZero();
        assertThat(restarted.sendFinishedIntervals(() -> false)).isZero();
        assertThat(sent).isEmpty();

        clock.set(NOON.plus(Duration.ofMinutes(10)));
        assertThat(restarted.sendFinishedIntervals(() -> false)).isEqualTo(2);
        assertThat(ids()).contains("OP-A-POWER-202611261200-1", "OP-A-POWER-202611261205-1");
    }

    @Test
    void aDayCutShortIsSentAgainWholeWithTheSameBatchIds() {
        DemoTelemetryFeed feed = feed();
        AtomicInteger asked = new AtomicInteger();
        // Stopped during the first day.
        assertThat(feed.backfill(() -> asked.incrementAndGet() > 100)).isZero();
        List<String> first = ids();
        assertThat(first).isNotEmpty();
        sent.clear();

        DemoTelemetryFeed restarted = feed();
        assertThat(restarted.pendingDays()).hasSize(2);
        assertThat(restarted.backfill(() -> false)).isEqualTo(2);
        assertThat(ids()).containsAll(first).doesNotHaveDuplicates();
    }

    @Test
    void liveSendingPastMidnightReportsTheDaysEnergyAndCountsTheDayAsDone() {
        DemoTelemetryFeed feed = feed();
        feed.sendFinishedIntervals(() -> false);
        sent.clear();
        // 00:07 on the next local day: the rest of the 26th and the first interval of the 27th.
        clock.set(Instant.parse("2026-11-26T16:07:00Z"));
        assertThat(feed.sendFinishedIntervals(() -> false)).isEqualTo(144 + 1);
        assertThat(ids()).contains("OP-A-ENERGY-20261126-1", "OP-B-ENERGY-20261126-1", "OP-A-POWER-202611270000-1");
        assertThat(progress.find(Filters.eq("_id", "telemetry")).first().getList("days", String.class)).containsExactly("2026-11-26");
        // After a restart on the 27th, the back-fill window is the 25th and 26th, and the 26th is done.
        assertThat(feed().pendingDays()).containsExactly(LocalDate.of(2026, 11, 25));
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
