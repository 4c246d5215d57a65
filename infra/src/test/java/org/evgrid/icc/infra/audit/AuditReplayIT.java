package org.evgrid.icc.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.AssignPilesToUnitCommand;
import org.evgrid.icc.coreapi.archive.CreateAggregationUnitCommand;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.RegisterPileCommand;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.archive.UpdatePileCommand;
import org.evgrid.icc.coreapi.declaration.DeclarationId;
import org.evgrid.icc.coreapi.declaration.DeclareDemandCommand;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.RegisterUserCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.UserId;
import org.evgrid.icc.infra.IccApplication;
import org.evgrid.icc.infra.support.CenterClient;
import org.evgrid.icc.infra.support.CenterClient.Answer;
import org.evgrid.icc.infra.support.TestWorld;
import org.evgrid.icc.infra.support.TestWorld.Party;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Auditor replay end to end (issue 5): archives created through signed commands; their history with signers and signed
 * envelopes, their state as of an instant, events of a time range; the projection self-diagnosis finds the rebuilt
 * projection identical, then names the live documents edited behind the projection's back; who may do what; refusals
 * of bad parameters as problems with field, both languages and a fix.
 */
@SpringBootTest(classes = IccApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditReplayIT {

    private static final Path DATA = tempDir();
    private static final String PASSWORD = "Audit-Replay-2026!";
    private static final String OPERATOR = "OP-AU-A";
    private static final String STATION = "ST-AU-A1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("icc.data-dir", DATA::toString);
        registry.add("icc.demo.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase liveDatabase;

    private CenterClient client;

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("icc-audit-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAuditorReplaysHistoryAndStateAndTheDiagnosisNamesTamperedDocuments() throws Exception {
        client = new CenterClient("http://localhost:" + port);
        TestWorld world = new TestWorld(client, DATA);
        Instant start = Instant.now();
        Party archivist = world.keyWithRole("key-au-archivist", Role.ARCHIVE_MANAGER, SignatureAlgorithm.SM2_SM3);
        Party platform = world.operator(archivist, OPERATOR, TestWorld.creditCode("91320100MA1JTAU01"));
        world.station(platform, OPERATOR, STATION);
        for (String pile : List.of("P-AU-1", "P-AU-2", "P-AU-3")) {
            Answer a = client.send(new RegisterPileCommand(new OperatorId(OPERATOR), new PileId(pile), new StationId(STATION), PileType.DC,
                    new BigDecimal("60.000"), new BigDecimal("10.000"), BigDecimal.ZERO, 2), platform.keyId(), platform.key());
            assertThat(a.status()).as("%s", a.body()).isEqualTo(200);
        }
        Thread.sleep(20);
        Instant beforeUpdate = Instant.now();
        Thread.sleep(20);
        Answer update = client.send(new UpdatePileCommand(new PileId("P-AU-1"), new OperatorId(OPERATOR), new BigDecimal("120.000"),
                new BigDecimal("10.000"), BigDecimal.ZERO, 2), platform.keyId(), platform.key());
        assertThat(update.status()).as("%s", update.body()).isEqualTo(200);
        for (Role role : List.of(Role.AUDITOR, Role.AUDIT_ADMIN, Role.SECURITY_OPERATOR, Role.REGULATOR)) {
            Answer a = client.send(new RegisterUserCommand(new UserId(user(role)), "审计测试 " + role, Set.of(role), DataScope.HEADQUARTERS,
                    null, new BCryptPasswordEncoder(4).encode(PASSWORD)), world.admin().keyId(), world.admin().key());
            assertThat(a.status()).as("%s", a.body()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer pile = get("/api/v1/piles/P-AU-1", Role.AUDITOR);
            assertThat(pile.status()).isEqualTo(200);
            assertThat(pile.body().path("ratedPowerKw").decimalValue()).isEqualByComparingTo("120");
        });

        // history of one pile: who signed what, with the signed envelope
        Answer history = get("/api/v1/audit/streams/pile:P-AU-1/events", Role.AUDITOR);
        assertThat(history.status()).as("%s", history.body()).isEqualTo(200);
        JsonNode items = history.body().path("items");
        assertThat(items).hasSize(2);
        JsonNode registered = items.get(0);
        assertThat(registered.path("payloadType").asText()).endsWith("PileRegisteredEvent");
        assertThat(registered.path("sequence").asLong()).isZero();
        assertThat(registered.path("globalPosition").isNumber()).isTrue();
        assertThat(registered.path("keyId").asText()).isEqualTo(platform.keyId());
        assertThat(registered.path("algorithm").asText()).isEqualTo("ED25519");
        assertThat(registered.path("signer").asText()).isNotBlank();
        assertThat(registered.path("envelopeDigest").asText()).hasSize(64);
        assertThat(registered.path("envelope").asText()).contains("RegisterPile").contains("P-AU-1");
        assertThat(registered.path("envelopeSignature").asText()).isNotBlank();
        assertThat(registered.path("payload").path("pileId").asText()).isEqualTo("P-AU-1");
        assertThat(items.get(1).path("payloadType").asText()).endsWith("PileUpdatedEvent");
        assertThat(items.get(1).path("globalPosition").asLong()).isGreaterThan(registered.path("globalPosition").asLong());
        Answer cut = get("/api/v1/audit/streams/pile:P-AU-1/events?upTo=" + enc(beforeUpdate), Role.AUDIT_ADMIN);
        assertThat(cut.status()).isEqualTo(200);
        assertThat(cut.body().path("items")).hasSize(1);

        // state as of an instant: before and after the update
        Answer before = get("/api/v1/audit/streams/pile:P-AU-1/state?asOf=" + enc(beforeUpdate), Role.AUDITOR);
        assertThat(before.status()).as("%s", before.body()).isEqualTo(200);
        assertThat(before.body().path("aggregateType").asText()).isEqualTo("Pile");
        assertThat(before.body().path("lastSequence").asLong()).isZero();
        assertThat(before.body().path("state").path("pileId").asText()).isEqualTo("P-AU-1");
        Answer now = get("/api/v1/audit/streams/pile:P-AU-1/state", Role.AUDIT_ADMIN);
        assertThat(now.body().path("lastSequence").asLong()).isEqualTo(1);
        assertProblem(get("/api/v1/audit/streams/pile:P-AU-1/state?asOf=" + enc(start.minusSeconds(3600)), Role.AUDITOR),
                404, "ICC-AUDIT-NO-EVENTS", "asOf");
        assertProblem(get("/api/v1/audit/streams/rocket:R-1/state", Role.AUDITOR), 404, "ICC-AUDIT-STREAM-KIND", "streamId");
        assertProblem(get("/api/v1/audit/streams/P-AU-1/state", Role.AUDITOR), 400, "ICC-AUDIT-STREAM-ID", "streamId");
        assertProblem(get("/api/v1/audit/streams/pile:P-AU-1/state?asOf=yesterday", Role.AUDITOR), 400, null, "asOf");

        // a time range, page by page
        String range = "/api/v1/audit/events?from=" + enc(start) + "&to=" + enc(Instant.now().plusSeconds(60));
        List<Long> positions = new ArrayList<>();
        Answer page = get(range + "&limit=3", Role.AUDITOR);
        assertThat(page.status()).as("%s", page.body()).isEqualTo(200);
        page.body().path("items").forEach(i -> positions.add(i.path("globalPosition").asLong()));
        assertThat(positions).hasSize(3);
        Answer next = get(range + "&limit=3&after=" + page.body().path("nextAfterPosition").asLong(), Role.AUDITOR);
        next.body().path("items").forEach(i -> positions.add(i.path("globalPosition").asLong()));
        assertThat(positions).hasSize(6).isSorted().doesNotHaveDuplicates();
        assertProblem(get(range + "&limit=0", Role.AUDITOR), 400, "ICC-AUDIT-LIMIT", "limit");
        assertProblem(get("/api/v1/audit/events?to=" + enc(start), Role.AUDITOR), 400, "ICC-AUDIT-FROM", "from");
        assertProblem(get("/api/v1/audit/events?from=" + enc(start) + "&to=" + enc(start), Role.AUDITOR), 400, "ICC-AUDIT-RANGE", "to");

        // who may
        assertThat(get("/api/v1/audit/streams/pile:P-AU-1/events", Role.REGULATOR).status()).isEqualTo(403);
        assertThat(post("/api/v1/audit/diagnosis/projections/archive-projection", Role.AUDIT_ADMIN).status()).isEqualTo(403);
        assertThat(get("/api/v1/audit/diagnosis/projections/archive-projection", Role.REGULATOR).status()).isEqualTo(403);

        // a unit with the piles and a day-ahead declaration, for both projections to have something to rebuild
        AggregationUnitId unit = new AggregationUnitId("AU-AU-1");
        Answer created = client.send(new CreateAggregationUnitCommand(unit, "审计测试单元", new DispatchAreaId("DA-JS-NJ"), "320000"),
                archivist.keyId(), archivist.key());
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        Answer assigned = client.send(new AssignPilesToUnitCommand(unit, List.of(new PileId("P-AU-1"), new PileId("P-AU-2"),
                new PileId("P-AU-3"))), archivist.keyId(), archivist.key());
        assertThat(assigned.status()).as("%s", assigned.body()).isEqualTo(200);
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3);
        List<BigDecimal> curve = new ArrayList<>();
        for (int k = 0; k < 96; k++) {
            curve.add(new BigDecimal("20.000"));
        }
        Answer declared = client.send(new DeclareDemandCommand(new OperatorId(OPERATOR), "DAY_AHEAD", day, unit, null, curve),
                platform.keyId(), platform.key());
        assertThat(declared.status()).as("%s", declared.body()).isEqualTo(200);
        String declarationId = DeclarationId.of(new OperatorId(OPERATOR), "DAY_AHEAD", day, unit).value();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(get("/api/v1/declarations/" + URLEncoder.encode(declarationId, StandardCharsets.UTF_8), Role.AUDITOR).status())
                    .isEqualTo(200);
            assertThat(get("/api/v1/piles/P-AU-3", Role.AUDITOR).body().path("unitId").asText()).isEqualTo("AU-AU-1");
        });

        // self-diagnosis: the rebuilt projection equals the live one
        Answer diagnosis = post("/api/v1/audit/diagnosis/projections/archive-projection", Role.SECURITY_OPERATOR);
        assertThat(diagnosis.status()).as("%s", diagnosis.body()).isEqualTo(200);
        assertThat(diagnosis.body().path("verdict").asText()).as("%s", diagnosis.body()).isEqualTo("IDENTICAL");
        JsonNode piles = collection(diagnosis.body(), "arch_piles");
        assertThat(piles.path("liveCount").asLong()).isEqualTo(3);
        assertThat(piles.path("rebuiltCount").asLong()).isEqualTo(3);
        assertThat(collection(diagnosis.body(), "arch_operators").path("liveCount").asLong()).isEqualTo(1);
        Answer declarations = post("/api/v1/audit/diagnosis/projections/declaration-projection", Role.AUDITOR);
        assertThat(declarations.body().path("verdict").asText()).as("%s", declarations.body()).isEqualTo("IDENTICAL");
        assertThat(collection(declarations.body(), "decl_declarations").path("liveCount").asLong()).isPositive();
        assertThat(collection(diagnosis.body(), "arch_units").path("rebuiltCount").asLong()).isEqualTo(1);
        assertProblem(post("/api/v1/audit/diagnosis/projections/telemetry-rollups", Role.AUDITOR), 404, "ICC-AUDIT-PROJECTION", "name");
        assertProblem(post("/api/v1/audit/diagnosis/projections/Bad%20Name", Role.AUDITOR), 400, "ICC-AUDIT-PROJECTION-NAME", "name");

        // edit one live pile document and remove a station behind the projection's back: the report names them
        Document tampered = liveDatabase.getCollection("arch_piles").find().first();
        assertThat(tampered).isNotNull();
        liveDatabase.getCollection("arch_piles").updateOne(Filters.eq("_id", tampered.get("_id")), Updates.set("ratedPowerKw", "999"));
        Document station = liveDatabase.getCollection("arch_stations").find().first();
        liveDatabase.getCollection("arch_stations").deleteOne(Filters.eq("_id", station.get("_id")));
        liveDatabase.getCollection("arch_operators").insertOne(new Document("_id", "OP-FORGED").append("name", "forged"));

        Answer found = post("/api/v1/audit/diagnosis/projections/archive-projection", Role.AUDITOR);
        assertThat(found.body().path("verdict").asText()).as("%s", found.body()).isEqualTo("DIFFERENT");
        JsonNode pilesAfter = collection(found.body(), "arch_piles");
        assertThat(pilesAfter.path("differentCount").asLong()).isEqualTo(1);
        assertThat(pilesAfter.path("different").get(0).asText()).isEqualTo(String.valueOf(tampered.get("_id")));
        JsonNode stations = collection(found.body(), "arch_stations");
        assertThat(stations.path("missingCount").asLong()).isEqualTo(1);
        assertThat(stations.path("missing").get(0).asText()).isEqualTo(String.valueOf(station.get("_id")));
        JsonNode operators = collection(found.body(), "arch_operators");
        assertThat(operators.path("extra").get(0).asText()).isEqualTo("OP-FORGED");
        assertThat(collection(found.body(), "arch_units").path("liveCount").isMissingNode()
                || collection(found.body(), "arch_units").path("differentCount").asLong() == 0).isTrue();
        Answer last = get("/api/v1/audit/diagnosis/projections/archive-projection", Role.SECURITY_OPERATOR);
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.body().path("verdict").asText()).isEqualTo("DIFFERENT");
        assertThat(liveDatabase.getCollection("arch_piles").find(Filters.eq("_id", tampered.get("_id"))).first().get("ratedPowerKw"))
                .as("the diagnosis leaves live data alone").isEqualTo("999");

        // the difference raised a standard alarm, which the security operator sees (and only it: no business alarm)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer alarms = get("/api/v1/alarms", Role.SECURITY_OPERATOR);
            assertThat(alarms.status()).as("%s", alarms.body()).isEqualTo(200);
            assertThat(alarms.body().path("items")).hasSize(1);
            JsonNode alarm = alarms.body().path("items").get(0);
            assertThat(alarm.path("alarmId").asText()).isEqualTo("ALM-PROJECTION-archive-projection");
            assertThat(alarm.path("module").asText()).isEqualTo("projection");
            assertThat(alarm.path("details").asText()).contains("arch_piles").contains(String.valueOf(tampered.get("_id")));
        });
    }

    private static JsonNode collection(JsonNode report, String name) {
        for (JsonNode c : report.path("collections")) {
            if (c.path("collection").asText().equals(name)) {
                return c;
            }
        }
        return JSON.missingNode();
    }

    private static void assertProblem(Answer answer, int status, String code, String field) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        if (code != null) {
            assertThat(answer.body().path("code").asText()).isEqualTo(code);
        }
        assertThat(answer.body().path("field").asText()).isEqualTo(field);
        assertThat(answer.body().path("messageZh").asText()).isNotBlank();
        assertThat(answer.body().path("messageEn").asText()).isNotBlank();
        assertThat(answer.body().path("fix").asText()).isNotBlank();
    }

    private static String user(Role role) {
        return "au-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String enc(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    private Answer get(String pathAndQuery, Role role) {
        return client.get(pathAndQuery, user(role), PASSWORD);
    }

    private Answer post(String path, Role role) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user(role) + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofMinutes(2)).build();
        HttpResponse<String> r = client.http().send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body()));
    }
}
