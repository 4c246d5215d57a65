package org.evgrid.icc.infra.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.dispatch.DispatchInstructionIssuedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.InstructionId;
import org.evgrid.icc.coreapi.dispatch.InstructionResponse;
import org.evgrid.icc.coreapi.dispatch.RecordInstructionDeliveryFailureCommand;
import org.evgrid.icc.coreapi.dispatch.RecordInstructionResponseCommand;
import org.evgrid.icc.coreapi.dr.DrEventId;
import org.evgrid.icc.coreapi.dr.DrPerformanceReportedEvent;
import org.evgrid.icc.coreapi.market.BidDirection;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.market.BidSubmittedEvent;
import org.evgrid.icc.coreapi.market.MarketSegment;
import org.evgrid.icc.coreapi.market.RecordBidDeliveryCommand;
import org.evgrid.icc.coreapi.security.CenterCommands;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.infra.gateway.internal.HttpDelivery;
import org.evgrid.icc.infra.gateway.internal.OutboxStore;
import org.evgrid.icc.infra.keys.CenterKey;
import org.evgrid.icc.infra.support.TestClock;
import org.evgrid.icc.ledger.json.IccJson;
import org.evgrid.icc.ledger.signing.Crypto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox against a real (in-memory) MongoDB and a local HTTP receiver; the center's side is a recorder of commands. */
class GatewayOutboxIT {

    private static final Instant T0 = Instant.parse("2026-11-30T01:00:00Z");
    private static final BidId BID = new BidId("BID-DAY_AHEAD-20261201-AU-JS-NJ-1");
    private static final OperatorId OP = new OperatorId("OP-A");
    private static final DispatchPlanId PLAN = DispatchPlanId.forBid(BID);
    private static final InstructionId INSTRUCTION = InstructionId.of(PLAN, OP);

    /** One request the receiver got. */
    record Received(String path, String idempotencyKey, String body) {
    }

    private MongoServer mongo;
    private MongoClient client;
    private MongoDatabase database;
    private HttpServer receiver;
    private final Deque<Integer> statuses = new ConcurrentLinkedDeque<>();
    private volatile String answerBody = "{\"status\":\"RECEIVED\"}";
    private volatile int delayMillis;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> signatures = new CopyOnWriteArrayList<>();
    private final List<Object> recorded = Collections.synchronizedList(new ArrayList<>());
    private final CenterCommands center = command -> {
        recorded.add(command);
        return null;
    };
    private final TestClock clock = new TestClock(T0);
    private final ObjectMapper json = IccJson.newMapper();
    private GatewayOutboxHandler handler;

    @BeforeEach
    void start() throws IOException {
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("icc");
        handler = new GatewayOutboxHandler(database);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        receiver.createContext("/", x -> {
            try (x) {
                String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(x.getRequestURI().getPath(), x.getRequestHeaders().getFirst("Idempotency-Key"), body));
                if (x.getRequestHeaders().getFirst("X-ICC-Signature") != null) {
                    signatures.add(Map.of("keyId", x.getRequestHeaders().getFirst("X-ICC-Key-Id"),
                            "algorithm", x.getRequestHeaders().getFirst("X-ICC-Signature-Algorithm"),
                            "signature", x.getRequestHeaders().getFirst("X-ICC-Signature")));
                }
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                Integer status = statuses.poll();
                byte[] answer = answerBody.getBytes(StandardCharsets.UTF_8);
                x.sendResponseHeaders(status == null ? 202 : status, answer.length);
                try (OutputStream out = x.getResponseBody()) {
                    out.write(answer);
                }
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        client.close();
        mongo.shutdownNow();
    }

    private String base() {
        return "http://localhost:" + receiver.getAddress().getPort();
    }

    private OutboxPoller poller(int maxAttempts, Duration timeout, String exchangeUrl) {
        GatewayProperties props = new GatewayProperties(true, exchangeUrl, base() + "/ocpi/{operatorId}/chargingprofiles",
                "https://icc.example.cn", Duration.ofSeconds(1), timeout, maxAttempts, Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofMinutes(30));
        return new OutboxPoller(database, clock, center, props, new OutboxPoller.Targets(props::exchangeUrl, props::operatorPlatformUrl,
                props::publicBaseUrl));
    }

    private OutboxPoller poller(int maxAttempts) {
        return poller(maxAttempts, Duration.ofSeconds(5), base() + "/exchange");
    }

    private static BidSubmittedEvent bid(int version) {
        List<BigDecimal> curve = Collections.nCopies(96, new BigDecimal("1200.000"));
        return new BidSubmittedEvent(BID, version, BID.value() + "-v" + version, "DAY_AHEAD", MarketSegment.DAY_AHEAD_SPOT,
                DeclarationKind.CURVE, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1), new AggregationUnitId("AU-JS-NJ-1"),
                BidDirection.BUY, null, curve, new BigDecimal("450.00"), Instant.parse("2026-11-30T02:00:00Z"));
    }

    private static DispatchInstructionIssuedEvent instruction() {
        return new DispatchInstructionIssuedEvent(INSTRUCTION, PLAN, 2, OP, new AggregationUnitId("AU-JS-NJ-1"), LocalDate.of(2026, 12, 1),
                2, Collections.nCopies(96, new BigDecimal("14.000")), "abc123", Instant.parse("2026-11-30T16:30:00Z"));
    }

    private void storeSchedule() {
        String index = PLAN.value() + "|v2";
        database.getCollection("dispatch_schedules").insertOne(new Document("_id", index).append("planId", PLAN.value())
                .append("version", 2).append("piles", 3)
                .append("operators", List.of(new Document("operatorId", "OP-A").append("piles", 2).append("chunks", 1)
                        .append("firstPiles", List.of("P-1")), new Document("operatorId", "OP-B").append("piles", 1).append("chunks", 1)
                        .append("firstPiles", List.of("P-9")))));
        List<Integer> w = new ArrayList<>();
        for (int k = 0; k < 96; k++) {
            w.add(k < 32 ? 7000 : 3500);
        }
        for (int k = 0; k < 96; k++) {
            w.add(k == 95 ? -1500 : 11000);
        }
        database.getCollection("dispatch_schedules").insertOne(new Document("_id", index + "|OP-A|0000").append("planId", PLAN.value())
                .append("version", 2).append("operatorId", "OP-A").append("chunk", 0).append("pileIds", List.of("P-1", "P-2"))
                .append("w", w));
    }

    private Document item(String id) {
        return database.getCollection(OutboxStore.COLLECTION).find(new Document("_id", id)).first();
    }

    @Test
    void everyDeliveryCarriesTheCentersSignatureOverTheIdempotencyKeyAndTheExactBody() throws Exception {
        KeyPair pair = Crypto.generateKeyPair(
                SignatureAlgorithm.SM2_SM3);
        CenterKey key = new org.evgrid.icc.infra.keys.CenterKey("center-test",
                SignatureAlgorithm.SM2_SM3, pair.getPrivate(), pair.getPublic());
        GatewayProperties props = new GatewayProperties(true, base() + "/exchange", base() + "/ocpi/{operatorId}/chargingprofiles",
                "https://icc.example.cn", Duration.ofSeconds(1), Duration.ofSeconds(5), 3, Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofMinutes(30));
        OutboxPoller poller = new OutboxPoller(database, clock, center, props, new OutboxPoller.Targets(props::exchangeUrl,
                props::operatorPlatformUrl, props::publicBaseUrl), GatewayConfig.centerSignature(key));
        handler.on(bid(1), T0);
        poller.runOnce();

        assertThat(received).hasSize(1);
        assertThat(signatures).hasSize(1);
        Map<String, String> sig = signatures.get(0);
        assertThat(sig).containsEntry("keyId", "center-test").containsEntry("algorithm", "SM2_SM3");
        byte[] input = HttpDelivery.BodySigner.signingInput(received.get(0).idempotencyKey(),
                received.get(0).body().getBytes(StandardCharsets.UTF_8));
        byte[] signature = Base64.getDecoder().decode(sig.get("signature"));
        assertThat(Crypto.verify(SignatureAlgorithm.SM2_SM3,
                pair.getPublic(), input, signature)).as("the receiver can verify what the center sent").isTrue();
        input[input.length - 2] ^= 1;
        assertThat(Crypto.verify(SignatureAlgorithm.SM2_SM3,
                pair.getPublic(), input, signature)).as("a changed body does not verify").isFalse();
    }

    @Test
    void aSubmittedBidIsPostedToTheExchangeUnderItsRequestIdAndRecordedAsDelivered() throws IOException {
        handler.on(bid(1), T0);

        assertThat(poller(5).runOnce()).isEqualTo(1);

        assertThat(received).hasSize(1);
        assertThat(received.get(0).path()).isEqualTo("/exchange/bids");
        assertThat(received.get(0).idempotencyKey()).isEqualTo(BID.value() + "-v1");
        JsonNode body = json.readTree(received.get(0).body());
        assertThat(body.get("bidId").asText()).isEqualTo(BID.value());
        assertThat(body.get("limitPriceCnyPerMwh").decimalValue()).isEqualByComparingTo("450.00");
        assertThat(body.get("curveKw")).hasSize(96);
        assertThat(recorded).containsExactly(new RecordBidDeliveryCommand(BID, BID.value() + "-v1", 1, true, false, "HTTP 202"));
        assertThat(item(BID.value() + "-v1").getString("status")).isEqualTo("DELIVERED");
    }

    @Test
    void aFailedDeliveryIsRecordedAndRetriedAfterTheBackOffThenDelivered() {
        handler.on(bid(1), T0);
        statuses.add(503);
        OutboxPoller poller = poller(5);

        poller.runOnce();
        assertThat(recorded).containsExactly(new RecordBidDeliveryCommand(BID, BID.value() + "-v1", 1, false, false,
                "HTTP 503: {\"status\":\"RECEIVED\"}"));

        clock.advance(Duration.ofMillis(900));
        assertThat(poller.runOnce()).as("not due before the back-off of 1 s").isZero();
        clock.advance(Duration.ofMillis(100));
        poller.runOnce();

        assertThat(received).hasSize(2).extracting(Received::idempotencyKey).containsOnly(BID.value() + "-v1");
        assertThat(recorded.get(1)).isEqualTo(new RecordBidDeliveryCommand(BID, BID.value() + "-v1", 2, true, false, "HTTP 202"));
        assertThat(item(BID.value() + "-v1").getString("status")).isEqualTo("DELIVERED");
    }

    @Test
    void anInstructionThatCannotBeDeliveredIsGivenUpAfterTheLastAttemptWithDoublingWaits() throws IOException {
        storeSchedule();
        handler.on(instruction(), T0);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        GatewayProperties props = new GatewayProperties(true, "", "http://localhost:" + closedPort + "/ocpi/{operatorId}", "https://icc",
                Duration.ofSeconds(1), Duration.ofSeconds(2), 3, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(30));
        OutboxPoller poller = new OutboxPoller(database, clock, center, props, new OutboxPoller.Targets(() -> null,
                props::operatorPlatformUrl, props::publicBaseUrl));

        poller.runOnce();
        clock.advance(Duration.ofSeconds(1));
        poller.runOnce();
        clock.advance(Duration.ofSeconds(1));
        assertThat(poller.runOnce()).as("the second wait is 2 s").isZero();
        clock.advance(Duration.ofSeconds(1));
        poller.runOnce();
        clock.advance(Duration.ofMinutes(5));
        assertThat(poller.runOnce()).as("nothing after giving up").isZero();

        assertThat(recorded).hasSize(3).allMatch(c -> c instanceof RecordInstructionDeliveryFailureCommand);
        List<RecordInstructionDeliveryFailureCommand> failures = recorded.stream().map(c -> (RecordInstructionDeliveryFailureCommand) c)
                .toList();
        assertThat(failures).extracting(RecordInstructionDeliveryFailureCommand::attempt).containsExactly(1, 2, 3);
        assertThat(failures).extracting(RecordInstructionDeliveryFailureCommand::finalAttempt).containsExactly(false, false, true);
        assertThat(failures.get(0).instructionId()).isEqualTo(INSTRUCTION);
        assertThat(failures.get(0).reason()).startsWith("connection failed");
        Document item = item(INSTRUCTION.value() + "-v2");
        assertThat(item.getString("status")).isEqualTo("FAILED");
        assertThat(item.getInteger("attempt")).isEqualTo(3);
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeCountsAsAFailedAttempt() {
        handler.on(bid(1), T0);
        delayMillis = 2_000;

        poller(5, Duration.ofMillis(500), base() + "/exchange").runOnce();

        RecordBidDeliveryCommand failure = (RecordBidDeliveryCommand) recorded.get(0);
        assertThat(failure.delivered()).isFalse();
        assertThat(failure.detail()).startsWith("no answer within");
        assertThat(item(BID.value() + "-v1").getString("status")).isEqualTo("PENDING");
    }

    @Test
    void aReDeliveredEventAddsNoSecondItemAndIsNotSentAgain() {
        handler.on(bid(1), T0);
        handler.on(bid(1), T0.plusSeconds(5));
        OutboxPoller poller = poller(5);
        poller.runOnce();
        handler.on(bid(1), T0);
        clock.advance(Duration.ofSeconds(10));
        poller.runOnce();

        assertThat(database.getCollection(OutboxStore.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(received).hasSize(1);
        assertThat(recorded).hasSize(1);
        assertThat(item(BID.value() + "-v1").getString("status")).isEqualTo("DELIVERED");
    }

    @Test
    void eachBidVersionIsItsOwnRequest() {
        handler.on(bid(1), T0);
        handler.on(bid(2), T0.plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));

        poller(5).runOnce();

        assertThat(received).extracting(Received::idempotencyKey).containsExactly(BID.value() + "-v1", BID.value() + "-v2");
    }

    @Test
    void anInstructionCarriesTheOperatorsPileSchedulesAndThePlatformsAnswerIsRecorded() throws IOException {
        storeSchedule();
        handler.on(instruction(), T0);
        answerBody = "{\"result\":\"REJECTED\",\"message\":\"platform busy\"}";
        statuses.add(200);

        poller(5).runOnce();

        assertThat(received).hasSize(1);
        assertThat(received.get(0).path()).isEqualTo("/ocpi/OP-A/chargingprofiles");
        assertThat(received.get(0).idempotencyKey()).isEqualTo(INSTRUCTION.value() + "-v2");
        JsonNode body = json.readTree(received.get(0).body());
        assertThat(body.get("instructionId").asText()).isEqualTo(INSTRUCTION.value());
        assertThat(body.get("version").asInt()).isEqualTo(2);
        assertThat(body.get("tradingDay").asText()).isEqualTo("2026-12-01");
        assertThat(body.get("responseUrl").asText()).isEqualTo("https://icc.example.cn/api/v1/commands");
        JsonNode profiles = body.get("chargingProfiles");
        assertThat(profiles).hasSize(2);
        assertThat(profiles.get(0).get("pileId").asText()).isEqualTo("P-1");
        JsonNode p1 = profiles.get(0).get("chargingProfile");
        assertThat(p1.get("startDateTime").asText()).isEqualTo("2026-11-30T16:00:00Z");
        assertThat(p1.get("chargingRateUnit").asText()).isEqualTo("kW");
        JsonNode periods = p1.get("chargingProfilePeriod");
        assertThat(periods).hasSize(2);
        assertThat(periods.get(0).get("startPeriod").asInt()).isZero();
        assertThat(periods.get(0).get("limit").decimalValue()).isEqualByComparingTo("7.000");
        assertThat(periods.get(1).get("startPeriod").asInt()).isEqualTo(32 * 900);
        assertThat(periods.get(1).get("limit").decimalValue()).isEqualByComparingTo("3.500");
        JsonNode p2 = profiles.get(1).get("chargingProfile").get("chargingProfilePeriod");
        assertThat(p2.get(1).get("startPeriod").asInt()).isEqualTo(95 * 900);
        assertThat(p2.get(1).get("limit").decimalValue()).isEqualByComparingTo("-1.500");
        assertThat(recorded)
                .containsExactly(new RecordInstructionResponseCommand(INSTRUCTION, InstructionResponse.REJECTED, "platform busy"));
    }

    @Test
    void anUnreadableAnswerToAnInstructionIsAFailedAttempt() {
        storeSchedule();
        handler.on(instruction(), T0);
        answerBody = "{\"result\":\"MAYBE\"}";
        statuses.add(200);

        poller(5).runOnce();

        RecordInstructionDeliveryFailureCommand failure = (RecordInstructionDeliveryFailureCommand) recorded.get(0);
        assertThat(failure.reason()).startsWith("unreadable answer");
        assertThat(failure.finalAttempt()).isFalse();
    }

    @Test
    void aDemandResponseReportIsPostedUnderItsEventAndUnitAndNeedsNoRecord() {
        handler.on(new DrPerformanceReportedEvent(new DrEventId("DRE-20261201-1"), new AggregationUnitId("AU-JS-NJ-1"), List.of(),
                List.of(), List.of(), new BigDecimal("120.500"), new BigDecimal("150.000"), List.of(LocalDate.of(2026, 11, 27))), T0);

        poller(5).runOnce();

        assertThat(received).extracting(Received::path, Received::idempotencyKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/exchange/dr/performance", "DRPERF-DRE-20261201-1-AU-JS-NJ-1"));
        assertThat(recorded).isEmpty();
        assertThat(item("DRPERF-DRE-20261201-1-AU-JS-NJ-1").getString("status")).isEqualTo("DELIVERED");
    }

    @Test
    void finishedItemsAreRemovedAfterTheRetention() {
        handler.on(bid(1), T0);
        OutboxPoller poller = poller(5);
        poller.runOnce();

        clock.advance(Duration.ofMinutes(29));
        poller.runOnce();
        assertThat(item(BID.value() + "-v1")).isNotNull();
        clock.advance(Duration.ofMinutes(2));
        poller.runOnce();
        assertThat(item(BID.value() + "-v1")).isNull();
    }

    @Test
    void aDeliveryWhoseRecordFailsIsRecordedAgainWithoutSendingAgain() {
        handler.on(bid(1), T0);
        List<Object> tries = new ArrayList<>();
        CenterCommands flaky = command -> {
            tries.add(command);
            if (tries.size() == 1) {
                throw new IllegalStateException("center restarting");
            }
            return null;
        };
        GatewayProperties props = new GatewayProperties(true, base() + "/exchange", "", "", Duration.ofSeconds(1), Duration.ofSeconds(5), 5,
                Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(30));
        OutboxPoller poller = new OutboxPoller(database, clock, flaky, props, new OutboxPoller.Targets(props::exchangeUrl,
                props::operatorPlatformUrl, props::publicBaseUrl));

        poller.runOnce();
        assertThat(item(BID.value() + "-v1").getString("status")).isEqualTo("RECORDING");
        assertThat(poller.runOnce()).as("recorded again after the back-off").isZero();
        clock.advance(Duration.ofSeconds(1));
        poller.runOnce();

        assertThat(received).hasSize(1);
        assertThat(tries).hasSize(2).containsOnly(new RecordBidDeliveryCommand(BID, BID.value() + "-v1", 1, true, false, "HTTP 202"));
        assertThat(item(BID.value() + "-v1").getString("status")).isEqualTo("DELIVERED");
    }

    @Test
    void aDeliveryTheCenterNeverRecordsIsLeftDeliveredAfterTheLastTry() {
        handler.on(bid(1), T0);
        List<Object> tries = new ArrayList<>();
        CenterCommands down = command -> {
            tries.add(command);
            throw new IllegalStateException("no handler");
        };
        GatewayProperties props = new GatewayProperties(true, base() + "/exchange", "", "", Duration.ofSeconds(1), Duration.ofSeconds(5), 3,
                Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(30));
        OutboxPoller poller = new OutboxPoller(database, clock, down, props, new OutboxPoller.Targets(props::exchangeUrl,
                props::operatorPlatformUrl, props::publicBaseUrl));

        for (int i = 0; i < 10; i++) {
            poller.runOnce();
            clock.advance(Duration.ofSeconds(5));
        }

        assertThat(received).hasSize(1);
        assertThat(tries).hasSize(3);
        assertThat(item(BID.value() + "-v1").getString("status")).isEqualTo("DELIVERED");
    }

    @Test
    void anItemIsTakenByOnePollerOnlyUntilItsLeaseRunsOut() {
        handler.on(bid(1), T0);
        OutboxStore store = new OutboxStore(database);
        OutboxStore.Item seenByNodeA = store.due(T0).get(0);
        OutboxStore.Item seenByNodeB = store.due(T0).get(0);

        assertThat(store.claim(seenByNodeA, T0.plusSeconds(40))).isTrue();
        assertThat(store.claim(seenByNodeB, T0.plusSeconds(40))).as("the other node read it before it was taken").isFalse();
        assertThat(store.due(T0.plusSeconds(39))).as("taken until the lease ends").isEmpty();
        assertThat(store.due(T0.plusSeconds(40))).as("free again after a crash").hasSize(1);
    }
}
