package org.evgrid.icc.infra.demo.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.evgrid.icc.coreapi.market.AcknowledgeBidCommand;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.market.RecordClearingCommand;
import org.evgrid.icc.infra.demo.market.internal.ExchangeBook;
import org.evgrid.icc.ledger.json.IccJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exchange simulator over HTTP with its bids in a real (in-memory) MongoDB; what it sends to the center is recorded. */
class ExchangeSimulatorIT {

    private static final Instant GATE = Instant.parse("2026-11-30T02:00:00Z");
    private static final SimProperties.Exchange CONFIG = new SimProperties.Exchange(true, 0, Duration.ofMinutes(2), new BigDecimal("1500"),
            List.of(new SimProperties.Step(new BigDecimal("300"), new BigDecimal("1")), new SimProperties.Step(new BigDecimal("500"),
                    new BigDecimal("1"))), List.of(new SimProperties.Step(new BigDecimal("100"), new BigDecimal("0.001"))), false);

    private MongoServer mongo;
    private MongoClient client;
    private MongoDatabase database;
    private ExchangeSimulator exchange;
    private final List<Object> sent = new CopyOnWriteArrayList<>();
    private final Queue<Boolean> later = new ConcurrentLinkedQueue<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = IccJson.newMapper();

    @BeforeEach
    void start() throws IOException {
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("icc");
        exchange = new ExchangeSimulator(0, book());
    }

    private ExchangeBook book() {
        return book(CONFIG);
    }

    private ExchangeBook book(SimProperties.Exchange config) {
        return new ExchangeBook(database.getCollection(ExchangeBook.COLLECTION), config, command -> {
            sent.add(command);
            Boolean again = later.poll();
            return again != null && again;
        });
    }

    @AfterEach
    void stop() {
        exchange.close();
        client.close();
        mongo.shutdownNow();
    }

    private ObjectNode curveBid(String bidId, int version, String direction, String firstKw, String limit) {
        ObjectNode bid = json.createObjectNode();
        bid.put("bidId", bidId).put("version", version).put("requestId", bidId + "-v" + version).put("product", "DAY_AHEAD")
                .put("kind", "CURVE").put("periodStart", "2026-12-01").put("periodEnd", "2026-12-01").put("unitId", "AU-1")
                .put("direction", direction).put("gateClosure", GATE.toString());
        if (limit != null) {
            bid.put("limitPriceCnyPerMwh", new BigDecimal(limit));
        }
        ArrayNode curve = bid.putArray("curveKw");
        curve.add(new BigDecimal(firstKw));
        for (int k = 1; k < 96; k++) {
            curve.add(new BigDecimal("100.000"));
        }
        return bid;
    }

    private HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(exchange.url() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<RecordClearingCommand> clearings() {
        return sent.stream().filter(c -> c instanceof RecordClearingCommand).map(c -> (RecordClearingCommand) c).toList();
    }

    private RecordClearingCommand clearingOf(String requestId) {
        return clearings().stream().filter(c -> c.requestId().equals(requestId)).findFirst().orElseThrow();
    }

    @Test
    void aBidIsTakenAtOnceAndAcknowledgedOnTheNextTickAndARepeatChangesNothing() throws Exception {
        HttpResponse<String> first = post("/bids", curveBid("BID-A", 1, "BUY", "800", "600"));
        HttpResponse<String> repeat = post("/bids", curveBid("BID-A", 1, "BUY", "800", "600"));
        exchange.book().tick(GATE.minusSeconds(600));
        exchange.book().tick(GATE.minusSeconds(599));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(json.readTree(first.body()).get("repeat").asBoolean()).isFalse();
        assertThat(repeat.statusCode()).isEqualTo(202);
        assertThat(json.readTree(repeat.body()).get("repeat").asBoolean()).isTrue();
        assertThat(sent).containsExactly(new AcknowledgeBidCommand(new BidId("BID-A"), "BID-A-v1", true, "SIMX-BID-A-v1", null));
    }

    @Test
    void inTheDemoModeABidClearsAsSoonAsItIsAcceptedLongBeforeTheGate() throws Exception {
        exchange.close();
        exchange = new ExchangeSimulator(0, book(new SimProperties.Exchange(true, 0, CONFIG.clearingDelay(), CONFIG.priceCap(),
                CONFIG.supply(), CONFIG.demand(), true)));
        post("/bids", curveBid("BID-A", 1, "BUY", "800", "600"));
        exchange.book().tick(GATE.minusSeconds(3600));
        exchange.book().tick(GATE.minusSeconds(3599));

        assertThat(clearings()).hasSize(1);
        assertThat(clearingOf("BID-A-v1").clearedCurveKw()).hasSize(96);
    }

    @Test
    void aBidAboveThePriceCapIsRejectedWithTheReason() throws Exception {
        post("/bids", curveBid("BID-A", 1, "BUY", "800", "1600"));
        exchange.book().tick(GATE.minusSeconds(600));

        AcknowledgeBidCommand ack = (AcknowledgeBidCommand) sent.get(0);
        assertThat(ack.accepted()).isFalse();
        assertThat(ack.reason()).contains("1600").contains("1500");
        exchange.book().tick(GATE.plusSeconds(3600));
        assertThat(clearings()).as("a rejected bid is not cleared").isEmpty();
    }

    @Test
    void afterGateClosureAndTheDelayTheBidsOfAProductDayAreClearedAtOneUniformPricePerInterval() throws Exception {
        post("/bids", curveBid("BID-A", 1, "BUY", "800", "600"));
        post("/bids", curveBid("BID-B", 1, "BUY", "700", "400"));
        exchange.book().tick(GATE.minusSeconds(60));
        exchange.book().tick(GATE.plus(Duration.ofMinutes(2)).minusSeconds(1));
        assertThat(clearings()).as("not before gate closure + clearing delay").isEmpty();

        exchange.book().tick(GATE.plus(Duration.ofMinutes(2)));

        RecordClearingCommand a = clearingOf("BID-A-v1");
        RecordClearingCommand b = clearingOf("BID-B-v1");
        // interval 0: supply 1,000 kW at 300 and 1,000 kW at 500; A (800 at ≤600) is served, B (700 at ≤400) gets the 200 left
        // and, partly unserved, sets the price 400
        assertThat(a.clearedCurveKw().get(0)).isEqualByComparingTo("800.000");
        assertThat(b.clearedCurveKw().get(0)).isEqualByComparingTo("200.000");
        assertThat(a.clearingPricesCnyPerMwh().get(0)).isEqualByComparingTo("400.00");
        assertThat(a.clearingPricesCnyPerMwh()).hasSize(96).allMatch(p -> p.scale() == 2);
        assertThat(a.clearingPricesCnyPerMwh()).isEqualTo(b.clearingPricesCnyPerMwh());
        // other intervals: 100 + 100 kW from the 300 step
        assertThat(a.clearedCurveKw().get(1)).isEqualByComparingTo("100.000");
        assertThat(a.clearingPricesCnyPerMwh().get(1)).isEqualByComparingTo("300.00");
        assertThat(a.clearedCurveKw()).hasSize(96).allMatch(v -> v.scale() == 3);
        assertThat(a.clearedEnergyKwh()).as("a curve bid clears with its curve only").isNull();
        assertThat(a.clearedAt()).isEqualTo(GATE.plus(Duration.ofMinutes(2)));
        exchange.book().tick(GATE.plus(Duration.ofMinutes(3)));
        assertThat(clearings()).as("cleared once").hasSize(2);
    }

    @Test
    void onlyTheLatestVersionOfABidIsCleared() throws Exception {
        post("/bids", curveBid("BID-A", 1, "BUY", "800", "600"));
        post("/bids", curveBid("BID-A", 2, "BUY", "300", "600"));
        exchange.book().tick(GATE.plus(Duration.ofMinutes(5)));

        assertThat(clearings()).extracting(RecordClearingCommand::requestId).containsExactly("BID-A-v2");
        assertThat(clearingOf("BID-A-v2").clearedCurveKw().get(0)).isEqualByComparingTo("300.000");
        assertThat(exchange.book().bid("BID-A-v1").status()).isEqualTo(ExchangeBook.Status.SUPERSEDED);
    }

    @Test
    void anEnergyBidGetsItsClearedEnergyAndOnePrice() throws Exception {
        ObjectNode bid = json.createObjectNode();
        bid.put("bidId", "BID-M").put("version", 1).put("requestId", "BID-M-v1").put("product", "MLT_MONTHLY").put("kind", "ENERGY")
                .put("periodStart", "2026-12-01").put("periodEnd", "2026-12-31").put("direction", "BUY")
                .put("energyKwh", new BigDecimal("500000.000")).put("limitPriceCnyPerMwh", new BigDecimal("450"))
                .put("gateClosure", GATE.toString());
        post("/bids", bid);
        exchange.book().tick(GATE.plus(Duration.ofMinutes(2)));

        RecordClearingCommand c = clearingOf("BID-M-v1");
        // 31 days × 24 h × 1 MW at 300 = 744,000 kWh covers the bid
        assertThat(c.clearedEnergyKwh()).isEqualByComparingTo("500000.000");
        assertThat(c.clearedCurveKw()).isNull();
        assertThat(c.clearingPricesCnyPerMwh()).containsExactly(new BigDecimal("300.00"));
    }

    @Test
    void aSellBidIsMatchedWithTheRestOfTheMarketsDemand() throws Exception {
        post("/bids", curveBid("BID-S", 1, "SELL", "-50", "50"));
        exchange.book().tick(GATE.plus(Duration.ofMinutes(2)));

        RecordClearingCommand c = clearingOf("BID-S-v1");
        // demand: 1 kW at 100; the seller at 50 sells 1 kW; the sign of the bid is kept
        assertThat(c.clearedCurveKw().get(0)).isEqualByComparingTo("-1.000");
        assertThat(c.clearingPricesCnyPerMwh().get(0)).isEqualByComparingTo("50.00");
    }

    @Test
    void whatTheCenterDidNotTakeIsSentAgainOnTheNextTick() throws Exception {
        post("/bids", curveBid("BID-A", 1, "BUY", "800", "600"));
        later.add(true);
        exchange.book().tick(GATE.minusSeconds(60));
        exchange.book().tick(GATE.minusSeconds(59));

        assertThat(sent).hasSize(2).allMatch(c -> c instanceof AcknowledgeBidCommand);
        exchange.book().tick(GATE.minusSeconds(58));
        assertThat(sent).hasSize(2);
    }

    @Test
    void bidsSurviveARestartOfTheSimulator() throws Exception {
        post("/bids", curveBid("BID-A", 1, "BUY", "800", "600"));
        exchange.book().tick(GATE.minusSeconds(60));
        exchange.close();

        exchange = new ExchangeSimulator(0, book());
        HttpResponse<String> repeat = post("/bids", curveBid("BID-A", 1, "BUY", "800", "600"));
        exchange.book().tick(GATE.plus(Duration.ofMinutes(2)));

        assertThat(json.readTree(repeat.body()).get("repeat").asBoolean()).isTrue();
        List<Object> kinds = new ArrayList<>(sent.stream().map(c -> c.getClass().getSimpleName()).toList());
        assertThat(kinds).containsExactly("AcknowledgeBidCommand", "RecordClearingCommand");
    }

    @Test
    void aDemandResponseReportIsTaken() throws Exception {
        HttpResponse<String> answer = post("/dr/performance", json.createObjectNode().put("eventId", "DRE-1").put("unitId", "AU-1"));
        HttpResponse<String> broken = http.send(HttpRequest.newBuilder(URI.create(exchange.url() + "/bids"))
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(exchange.drReports()).hasSize(1);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(Collections.unmodifiableList(sent)).isEmpty();
    }
}
