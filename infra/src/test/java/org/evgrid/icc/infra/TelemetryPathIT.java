package org.evgrid.icc.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.RegisterPileCommand;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.telemetry.ConnectorStatus;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.coreapi.telemetry.PowerReading;
import org.evgrid.icc.coreapi.telemetry.ReportPowerReadingsCommand;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchId;
import org.evgrid.icc.infra.support.CenterClient;
import org.evgrid.icc.infra.support.CenterClient.Answer;
import org.evgrid.icc.infra.support.TestWorld;
import org.evgrid.icc.infra.support.TestWorld.Party;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Telemetry from an operator platform through the real center: signed REST batch → per-item checks → readings store
 * and one batch event → receipt; re-sending the batch answers the original receipt; another operator can neither push
 * nor read it.
 */
@SpringBootTest(classes = IccApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TelemetryPathIT {

    private static final Path DATA = tempDir();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("icc.data-dir", DATA::toString);
        registry.add("icc.demo.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private CenterClient client;
    private static Party platform;
    private static Party otherPlatform;
    private static Party auditor;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("icc-telemetry-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        client = new CenterClient("http://localhost:" + port);
        synchronized (TelemetryPathIT.class) {
            if (platform == null) {
                TestWorld world = new TestWorld(client, DATA);
                Party archivist = world.keyWithRole("key-archivist-tel", Role.ARCHIVE_MANAGER, SignatureAlgorithm.SM2_SM3);
                platform = world.operator(archivist, "OP-TEL-A", TestWorld.creditCode("91320100MA1TELAA1"));
                otherPlatform = world.operator(archivist, "OP-TEL-B", TestWorld.creditCode("91320100MA1TELBB1"));
                auditor = world.keyWithRole("key-auditor-tel", Role.AUDITOR, SignatureAlgorithm.ECDSA_P256);
                world.station(platform, "OP-TEL-A", "ST-TEL-A1");
                for (int i = 1; i <= 3; i++) {
                    Answer a = client.send(new RegisterPileCommand(new OperatorId("OP-TEL-A"), new PileId("P-TEL-" + i), new StationId("ST-TEL-A1"),
                            PileType.AC, new BigDecimal("7.000"), BigDecimal.ZERO, BigDecimal.ZERO, 1), platform.keyId(), platform.key());
                    assertThat(a.status()).as("%s", a.body()).isEqualTo(200);
                }
            }
        }
    }

    private static Instant lastInterval() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        long minutes = now.getEpochSecond() / 60;
        return Instant.ofEpochSecond((minutes - minutes % 5 - 5) * 60);
    }

    private static PowerReading reading(String pile, String kw) {
        return new PowerReading(new PileId(pile), new BigDecimal(kw), new BigDecimal(kw), ConnectorStatus.CHARGING, 50, 1, DataQuality.OK);
    }

    private long events() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return n == null ? 0 : n;
    }

    @Test
    void aPowerBatchIsAcceptedItemByItemAndAResentBatchAnswersTheOriginalReceipt() {
        ReportPowerReadingsCommand batch = new ReportPowerReadingsCommand(new TelemetryBatchId("TB-IT-1"), new OperatorId("OP-TEL-A"),
                lastInterval(), List.of(reading("P-TEL-1", "6.500"), reading("P-TEL-2", "99.000"), reading("P-NOBODY", "1.000"),
                        reading("P-TEL-3", "3.250")));
        long before = events();
        Answer first = client.send(batch, platform.keyId(), platform.key());
        assertThat(first.status()).as("%s", first.body()).isEqualTo(200);
        JsonNode receipt = first.body().get("result");
        assertThat(receipt.get("accepted").asInt()).isEqualTo(2);
        assertThat(receipt.get("rejected").findValuesAsText("itemId")).as("every fault of every refused item")
                .containsOnly("P-TEL-2", "P-NOBODY").contains("P-TEL-2", "P-NOBODY");
        assertThat(receipt.get("duplicate").asBoolean()).isFalse();
        assertThat(receipt.get("merkleRoot").asText()).hasSize(64);
        assertThat(events()).as("one event for the whole batch").isEqualTo(before + 1);

        Answer again = client.send(batch, platform.keyId(), platform.key());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("result").get("duplicate").asBoolean()).isTrue();
        assertThat(again.body().get("result").get("merkleRoot").asText()).isEqualTo(receipt.get("merkleRoot").asText());
        assertThat(events()).as("a re-sent batch changes nothing").isEqualTo(before + 1);

        Answer read = client.signedGet("/api/v1/telemetry/batches/TB-IT-1", platform.keyId(), platform.key());
        assertThat(read.status()).as("%s", read.body()).isEqualTo(200);
        assertThat(read.body().get("accepted").asInt()).isEqualTo(2);
        Answer foreign = client.signedGet("/api/v1/telemetry/batches/TB-IT-1", otherPlatform.keyId(), otherPlatform.key());
        assertThat(foreign.status()).as("another operator cannot read the batch").isEqualTo(404);
    }

    @Test
    void rollUpsFollowTheBatchesCorrectionsReplaceTheLatestValueAndTheLedgerCoversLargeBatches() {
        Instant interval = lastInterval().minus(Duration.ofMinutes(30));
        String day = LocalDate.ofInstant(interval, SHANGHAI).toString();
        List<PowerReading> readings = new ArrayList<>(List.of(reading("P-TEL-1", "6.000"), reading("P-TEL-3", "2.000")));
        for (int i = 0; i < 60; i++) {
            readings.add(reading("P-UNKNOWN-" + i, "1.000"));
        }
        Answer first = client.send(new ReportPowerReadingsCommand(new TelemetryBatchId("TB-IT-ROLL-1"), new OperatorId("OP-TEL-A"), interval,
                readings), platform.keyId(), platform.key());
        assertThat(first.status()).as("%s", first.body()).isEqualTo(200);
        assertThat(first.body().get("result").get("accepted").asInt()).isEqualTo(2);
        String curve = "/api/v1/telemetry/load-curve?dim=OPERATOR&key=OP-TEL-A&from=" + day + "&to=" + day + "&resolution=5";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(kwAt(client.signedGet(curve, platform.keyId(), platform.key()),
                interval)).isEqualByComparingTo("8.000"));

        Answer correction = client.send(new ReportPowerReadingsCommand(new TelemetryBatchId("TB-IT-ROLL-2"), new OperatorId("OP-TEL-A"),
                interval, List.of(reading("P-TEL-1", "4.500"))), platform.keyId(), platform.key());
        assertThat(correction.status()).as("%s", correction.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(kwAt(client.signedGet(curve, platform.keyId(), platform.key()),
                interval)).as("the correction replaces the pile's value, it is not added").isEqualByComparingTo("6.500"));
        Answer history = client.signedGet("/api/v1/telemetry/piles/P-TEL-1/days/" + day, platform.keyId(), platform.key());
        assertThat(history.status()).as("%s", history.body()).isEqualTo(200);
        assertThat(history.body().get("superseded").findValuesAsText("batchId")).contains("TB-IT-ROLL-1");
        assertThat(history.body().get("latest").findValuesAsText("batchId")).contains("TB-IT-ROLL-2");
        Answer foreign = client.signedGet(curve, otherPlatform.keyId(), otherPlatform.key());
        assertThat(foreign.status()).as("another operator cannot read this operator's curve").isEqualTo(403);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Answer verify = client.signedGet("/api/v1/ledger/verify", auditor.keyId(), auditor.key());
            assertThat(verify.body().get("intact").asBoolean()).as("%s", verify.body()).isTrue();
            assertThat(verify.body().get("headSeq").asLong() + 1).as("every event chained, the large batch's envelope included")
                    .isEqualTo(events());
        });
    }

    private static BigDecimal kwAt(Answer curve, Instant start) {
        assertThat(curve.status()).as("%s", curve.body()).isEqualTo(200);
        for (JsonNode p : curve.body().get("points")) {
            if (Instant.parse(p.get("start").asText()).equals(start)) {
                return p.get("avgKw").isNull() ? BigDecimal.ZERO : p.get("avgKw").decimalValue();
            }
        }
        throw new AssertionError("no point at " + start + " in " + curve.body());
    }

    @Test
    void theLiveStreamPushesTheCurrentIntervalAgainWhenABatchArrives() throws Exception {
        HttpResponse<Stream<String>> stream = client.http().send(client.signedGetRequest(
                "/api/v1/telemetry/live?dim=OPERATOR&key=OP-TEL-A", platform.keyId(), platform.key()).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> stream.body().filter(l -> l.startsWith("data:")).forEach(data::add), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(data.poll(30, TimeUnit.SECONDS)).as("the current interval at once").isNotNull();
            Answer sent = client.send(new ReportPowerReadingsCommand(new TelemetryBatchId("TB-IT-LIVE"), new OperatorId("OP-TEL-A"),
                    lastInterval(), List.of(reading("P-TEL-3", "1.500"))), platform.keyId(), platform.key());
            assertThat(sent.status()).as("%s", sent.body()).isEqualTo(200);
            String pushed = data.poll(60, TimeUnit.SECONDS);
            assertThat(pushed).as("pushed again after the batch was rolled up").isNotNull().contains("OP-TEL-A");
        } finally {
            stream.body().close();
        }
    }

    @Test
    void anotherOperatorsPlatformCannotPushTelemetryForPilesItDoesNotOwn() {
        long before = events();
        Answer a = client.send(new ReportPowerReadingsCommand(new TelemetryBatchId("TB-IT-FOREIGN"), new OperatorId("OP-TEL-A"),
                lastInterval(), List.of(reading("P-TEL-1", "1.000"))), otherPlatform.keyId(), otherPlatform.key());
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.code()).isEqualTo("ICC-SCOPE-OPERATOR");
        Answer b = client.send(new ReportPowerReadingsCommand(new TelemetryBatchId("TB-IT-FOREIGN2"), new OperatorId("OP-TEL-B"),
                lastInterval(), List.of(reading("P-TEL-1", "1.000"))), otherPlatform.keyId(), otherPlatform.key());
        assertThat(b.status()).as("%s", b.body()).isEqualTo(200);
        assertThat(b.body().get("result").get("accepted").asInt()).isZero();
        assertThat(b.body().get("result").get("rejected").get(0).get("messageEn").asText()).isNotBlank();
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void aFutureIntervalIsRefusedAsAWholeWithAClearProblemAndNoEvent() {
        long before = events();
        Answer a = client.send(new ReportPowerReadingsCommand(new TelemetryBatchId("TB-IT-FUTURE"), new OperatorId("OP-TEL-A"),
                lastInterval().plus(Duration.ofHours(2)), List.of(reading("P-TEL-1", "1.000"))), platform.keyId(), platform.key());
        assertThat(a.status()).as("%s", a.body()).isBetween(400, 422);
        assertThat(a.body().get("messageZh").asText()).isNotBlank();
        assertThat(a.body().get("field").asText()).contains("intervalStart");
        assertThat(events()).isEqualTo(before);
    }
}
