package org.evgrid.icc.infra.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
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
import org.evgrid.icc.coreapi.archive.SuspendOperatorCommand;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.declaration.DeclareDemandCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.telemetry.ConnectorStatus;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.coreapi.telemetry.PowerReading;
import org.evgrid.icc.coreapi.telemetry.ReportPowerReadingsCommand;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchId;
import org.evgrid.icc.infra.IccApplication;
import org.evgrid.icc.infra.backup.internal.BackupLayout;
import org.evgrid.icc.infra.support.CenterClient;
import org.evgrid.icc.infra.support.CenterClient.Answer;
import org.evgrid.icc.infra.support.TestWorld;
import org.evgrid.icc.infra.support.TestWorld.Party;
import org.evgrid.icc.ledger.signing.Crypto;
import org.evgrid.icc.ledger.signing.SignedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Back up a running center (full, then incremental), restore both into an empty data directory, start the center there:
 * the same events, the same archive read models (rebuilt by replay), the same ledger and tree head.
 */
class BackupRestoreIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConfigurableApplicationContext start(Path data, Path backups) {
        return new SpringApplicationBuilder(IccApplication.class).run("--icc.data-dir=" + data, "--server.port=0",
                "--icc.demo.enabled=false", "--icc.backup.dir=" + backups, "--icc.ledger.checkpoint-interval=8");
    }

    private static CenterClient clientOf(ConfigurableApplicationContext ctx) {
        return new CenterClient("http://localhost:" + ((WebServerApplicationContext) ctx).getWebServer().getPort());
    }

    private static long events(ConfigurableApplicationContext ctx) {
        Long n = ctx.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return n == null ? 0 : n;
    }

    private static RegisterPileCommand pile(String id) {
        return new RegisterPileCommand(new OperatorId("OP-BK"), new PileId(id), new StationId("ST-BK-1"), PileType.AC,
                new BigDecimal("7.000"), new BigDecimal("1.400"), BigDecimal.ZERO, 1);
    }

    private static long maxGlobalIndex(ConfigurableApplicationContext ctx) {
        Long n = ctx.getBean(JdbcTemplate.class).queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return n == null ? -1 : n;
    }

    /** A batch of readings for the given piles, some intervals back from the last finished one. */
    private static ReportPowerReadingsCommand telemetry(String batchId, int intervalsBack, String... piles) {
        long minutes = Instant.now().truncatedTo(ChronoUnit.MINUTES).getEpochSecond() / 60;
        Instant interval = Instant.ofEpochSecond((minutes - minutes % 5 - 5L * (1 + intervalsBack)) * 60);
        List<PowerReading> readings = new ArrayList<>();
        for (String p : piles) {
            readings.add(new PowerReading(new PileId(p), new BigDecimal("3.500"), new BigDecimal("3.500"), ConnectorStatus.CHARGING, 50, 1,
                    DataQuality.OK));
        }
        return new ReportPowerReadingsCommand(new TelemetryBatchId(batchId), new OperatorId("OP-BK"), interval, readings);
    }

    /** Every document of every {@code arch_*} and {@code tel_*} collection, as extended JSON by collection and {@code _id} order. */
    private static Map<String, List<String>> archive(MongoDatabase db) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String name : db.listCollectionNames()) {
            if (name.startsWith("arch_") || name.startsWith("tel_")) {
                List<String> docs = new ArrayList<>();
                for (Document d : db.getCollection(name).find().sort(Sorts.ascending("_id"))) {
                    docs.add(d.toJson());
                }
                out.put(name, docs);
            }
        }
        return out;
    }

    private static Answer signedPost(CenterClient client, String base, String pathAndQuery, Party party) throws Exception {
        String timestamp = Instant.now().toString();
        String nonce = UUID.randomUUID().toString().replace("-", "");
        PrivateKey key = party.key();
        byte[] input = SignedRequest.signingInput("POST", pathAndQuery, timestamp, nonce);
        String signature = Base64.getEncoder().encodeToString(Crypto.sign(Crypto.algorithmOf(key), key, input));
        HttpResponse<String> r = client.http().send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("X-ICC-Key-Id", party.keyId())
                .header("X-ICC-Timestamp", timestamp).header("X-ICC-Nonce", nonce).header("X-ICC-Signature", signature)
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body()));
    }

    private static void awaitLedgerCaughtUp(CenterClient client, Party auditor, ConfigurableApplicationContext ctx) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Answer verify = client.signedGet("/api/v1/ledger/verify", auditor.keyId(), auditor.key());
            assertThat(verify.body().get("intact").asBoolean()).as("%s", verify.body()).isTrue();
            assertThat(verify.body().get("headSeq").asLong() + 1).isEqualTo(events(ctx));
        });
    }

    @Test
    void aCenterRestoredFromAFullAndAnIncrementalBackupHasTheSameEventsArchiveAndLedger() throws Exception {
        Path root = Files.createTempDirectory("icc-backup-it");
        Path dataA = root.resolve("a");
        Path backups = root.resolve("backups");
        Path dataB = root.resolve("b");
        Party auditor;
        Party archivist;
        long eventsA;
        long maxIndexA;
        Map<String, List<String>> archiveA;
        JsonNode treeHeadA;
        List<Path> chain = new ArrayList<>();
        List<String> scheduledA = new ArrayList<>();
        try (ConfigurableApplicationContext a = start(dataA, backups)) {
            CenterClient client = clientOf(a);
            String base = "http://localhost:" + ((WebServerApplicationContext) a).getWebServer().getPort();
            TestWorld world = new TestWorld(client, dataA);
            archivist = world.keyWithRole("key-bk-archivist", Role.ARCHIVE_MANAGER, SignatureAlgorithm.SM2_SM3);
            auditor = world.keyWithRole("key-bk-auditor", Role.AUDITOR, SignatureAlgorithm.SM2_SM3);
            Party security = world.keyWithRole("key-bk-security", Role.SECURITY_OPERATOR, SignatureAlgorithm.SM2_SM3);
            Party platform = world.operator(archivist, "OP-BK", TestWorld.creditCode("91320100MA1BACKP1"));
            world.station(platform, "OP-BK", "ST-BK-1");
            for (int i = 0; i < 12; i++) {
                assertThat(client.send(pile("P-BK-" + i), platform.keyId(), platform.key()).status()).isEqualTo(200);
            }
            Answer tel1 = client.send(telemetry("TB-BK-1", 2, "P-BK-0", "P-BK-1", "P-BK-2"), platform.keyId(), platform.key());
            assertThat(tel1.status()).as("%s", tel1.body()).isEqualTo(200);
            assertThat(client.send(new CreateAggregationUnitCommand(new AggregationUnitId("AU-BK-1"), "备份测试聚合单元",
                    new DispatchAreaId("DA-JS-NJ"), "320000"), archivist.keyId(), archivist.key()).status()).isEqualTo(200);
            awaitLedgerCaughtUp(client, auditor, a);

            assertThat(signedPost(client, base, "/api/v1/backups?kind=INCREMENTAL", security).body().get("code").asText())
                    .as("no incremental backup without a full one").isEqualTo("ICC-BACKUP-NO-FULL");
            Answer auditorTries = signedPost(client, base, "/api/v1/backups?kind=FULL", auditor);
            assertThat(auditorTries.status()).as("only the security operator takes backups").isEqualTo(403);
            Answer full = signedPost(client, base, "/api/v1/backups?kind=FULL", security);
            assertThat(full.status()).as("%s", full.body()).isEqualTo(200);
            assertThat(full.body().get("eventsTo").asLong()).isEqualTo(maxGlobalIndex(a));
            chain.add(backups.resolve(full.body().get("name").asText()));

            for (int i = 12; i < 20; i++) {
                assertThat(client.send(pile("P-BK-" + i), platform.keyId(), platform.key()).status()).isEqualTo(200);
            }
            Answer tel2 = client.send(telemetry("TB-BK-2", 1, "P-BK-1", "P-BK-13", "P-BK-15"), platform.keyId(), platform.key());
            assertThat(tel2.status()).as("%s", tel2.body()).isEqualTo(200);
            assertThat(client.send(new AssignPilesToUnitCommand(new AggregationUnitId("AU-BK-1"), List.of(new PileId("P-BK-1"),
                    new PileId("P-BK-15"))), archivist.keyId(), archivist.key()).status()).isEqualTo(200);
            // a declaration whose gate closure is a pending deadline: the restored center must still close its gate
            List<BigDecimal> curve = new ArrayList<>();
            for (int k = 0; k < 96; k++) {
                curve.add(new BigDecimal("10.000"));
            }
            Answer declared = client.send(new DeclareDemandCommand(new OperatorId("OP-BK"), "DAY_AHEAD",
                    LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3), new AggregationUnitId("AU-BK-1"), null, curve),
                    platform.keyId(), platform.key());
            assertThat(declared.status()).as("%s", declared.body()).isEqualTo(200);
            assertThat(client.send(new SuspendOperatorCommand(new OperatorId("OP-BK"), "备份测试"), archivist.keyId(), archivist.key())
                    .status()).isEqualTo(200);
            awaitLedgerCaughtUp(client, auditor, a);
            Answer incremental = signedPost(client, base, "/api/v1/backups?kind=INCREMENTAL", security);
            assertThat(incremental.status()).as("%s", incremental.body()).isEqualTo(200);
            assertThat(incremental.body().get("basedOn").asText()).isEqualTo(full.body().get("name").asText());
            assertThat(incremental.body().get("ledgerFrom").asLong()).isEqualTo(full.body().get("ledgerTo").asLong() + 1);
            chain.add(backups.resolve(incremental.body().get("name").asText()));

            Answer listed = client.signedGet("/api/v1/backups", security.keyId(), security.key());
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.body()).hasSize(2);
            listed.body().forEach(b -> assertThat(b.get("intact").asBoolean()).as("%s", b).isTrue());

            JsonNode last = incremental.body().get("files");
            Map<String, Long> records = new java.util.HashMap<>();
            last.forEach(f -> records.put(f.get("name").asText(), f.get("records").asLong()));
            assertThat(records.get("mongo.axon_tokens.jsonl.gz")).as("the tokens of the saga and outbox processors, not the projections'")
                    .isBetween(2L, 4L);
            assertThat(records.get("mongo.jobrunr_jobs.jsonl.gz")).as("the pending gate closure").isGreaterThanOrEqualTo(1L);
            scheduledA.addAll(scheduledJobs(a.getBean(MongoDatabase.class)));
            assertThat(scheduledA).as("the declaration's gate closure is scheduled").isNotEmpty();
            eventsA = events(a);
            maxIndexA = maxGlobalIndex(a);
            MongoDatabase dbA = a.getBean(MongoDatabase.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(dbA.getCollection("arch_piles").countDocuments()).isEqualTo(20));
            Thread.sleep(1000);
            archiveA = archive(dbA);
            treeHeadA = client.signedGet("/api/v1/ledger/tree-heads/latest", auditor.keyId(), auditor.key()).body();
        }
        assertThat(archiveA.get("arch_piles")).hasSize(20);
        assertThat(archiveA.get("tel_readings")).as("readings stored beside the batch events").hasSize(2);
        assertThat(archiveA.keySet()).as("roll-ups rebuilt by replay are compared too").hasSizeGreaterThan(3);
        assertThat(treeHeadA.get("rootHash")).as("%s", treeHeadA).isNotNull();

        assertThatThrownBy(() -> BackupRestore.restore(chain, dataA, dataA.resolve("keys"), "icc"))
                .isInstanceOf(IccException.class).hasMessageContaining("ICC-BACKUP-TARGET-NOT-EMPTY");
        BackupRestore.Restored restored = BackupRestore.restore(chain, dataB, dataA.resolve("keys"), "icc");
        assertThat(restored.lastGlobalIndex()).isEqualTo(maxIndexA);
        assertThat(restored.events()).as("event rows written (the incremental backup overlaps the full one)")
                .isGreaterThanOrEqualTo(eventsA);

        try (ConfigurableApplicationContext b = start(dataB, root.resolve("backups-b"))) {
            CenterClient client = clientOf(b);
            assertThat(events(b)).isEqualTo(eventsA);
            assertThat(scheduledJobs(b.getBean(MongoDatabase.class))).as("pending deadlines restored, not lost")
                    .containsAll(scheduledA);
            MongoDatabase dbB = b.getBean(MongoDatabase.class);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(archive(dbB)).isEqualTo(archiveA));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Answer verify = client.signedGet("/api/v1/ledger/verify", auditor.keyId(), auditor.key());
                assertThat(verify.body().get("intact").asBoolean()).as("%s", verify.body()).isTrue();
                assertThat(verify.body().get("headSeq").asLong() + 1).as("no event chained twice").isEqualTo(eventsA);
            });
            JsonNode treeHeadB = client.signedGet("/api/v1/ledger/tree-heads/latest", auditor.keyId(), auditor.key()).body();
            assertThat(treeHeadB).isEqualTo(treeHeadA);
            Answer after = client.send(new CreateAggregationUnitCommand(new AggregationUnitId("AU-BK-2"), "恢复后新建",
                    new DispatchAreaId("DA-JS-NJ"),
                    "320000"), archivist.keyId(), archivist.key());
            assertThat(after.status()).as("the restored center takes new commands: %s", after.body()).isEqualTo(200);
            assertThat(maxGlobalIndex(b)).as("new events continue after the restored global indexes")
                    .isEqualTo(restored.lastGlobalIndex() + 1);
        }

        // A changed file: the digest check finds it and a restore refuses it.
        Path tampered = root.resolve("tampered");
        copyTree(chain.get(0), tampered);
        Path events = tampered.resolve(BackupLayout.EVENTS_FILE);
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(events))) {
            out.write("{\"globalIndex\":0,\"eventIdentifier\":\"forged\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(BackupManifest.read(tampered).verify(tampered)).singleElement().asString().contains(BackupLayout.EVENTS_FILE, "SHA-256");
        Path dataC = root.resolve("c");
        assertThatThrownBy(() -> BackupRestore.restore(List.of(tampered), dataC, null, "icc"))
                .isInstanceOf(IccException.class).hasMessageContaining("ICC-BACKUP-DAMAGED");
        assertThat(dataC).doesNotExist();
    }

    private static List<String> scheduledJobs(MongoDatabase db) {
        List<String> ids = new ArrayList<>();
        db.getCollection("jobrunr_jobs").find(com.mongodb.client.model.Filters.eq("state", "SCHEDULED"))
                .forEach(d -> ids.add(String.valueOf(d.get("_id"))));
        return ids;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
    }
}
