package org.evgrid.icc.infra.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.evgrid.icc.coreapi.alarm.AcknowledgeAlarmCommand;
import org.evgrid.icc.coreapi.alarm.AlarmId;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.infra.IccApplication;
import org.evgrid.icc.infra.auditlog.internal.AuditChain;
import org.evgrid.icc.infra.support.CenterClient;
import org.evgrid.icc.infra.support.CenterClient.Answer;
import org.evgrid.icc.infra.support.TestWorld;
import org.evgrid.icc.infra.support.TestWorld.Party;
import org.evgrid.icc.ui.auditlog.AuditRecordView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audit log of business operations over real HTTP and real stores: accepted and refused commands are recorded
 * with address, result and reason; the seal lands in the ledger; a record changed in the store is named by the chain
 * check; a client past its burst gets 429.
 */
@SpringBootTest(classes = IccApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditLogIT {

    private static final Path DATA = tempDir();
    private static final int BURST = 30;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("icc.data-dir", DATA::toString);
        registry.add("icc.demo.enabled", () -> "false");
        registry.add("icc.security.rate-limit.requests-per-second", () -> "5");
        registry.add("icc.security.rate-limit.burst", () -> Integer.toString(BURST));
        // the burst probe signs in with a wrong password many times: keep the per-address block out of the rate limit's way
        registry.add("icc.security.max-failed-logins-per-address", () -> "1000");
        registry.add("icc.audit-log.seal-every", () -> "1000");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoAuditTrail trail;

    @Autowired
    MongoDatabase database;

    @Autowired
    AuditLogVerificationJob verification;

    private CenterClient client;
    private Party auditor;

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("icc-auditlog-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void acceptedAndRefusedCommandsAreRecordedSealedIntoTheLedgerAndTamperingIsNamed() throws Exception {
        client = new CenterClient("http://localhost:" + port);
        TestWorld world = new TestWorld(client, DATA);
        Instant start = Instant.now().minusSeconds(60);
        auditor = world.keyWithRole("key-al-auditor", Role.AUDITOR, SignatureAlgorithm.SM2_SM3);
        Party dispatcher = world.keyWithRole("key-al-dispatcher", Role.DISPATCHER, SignatureAlgorithm.ED25519);

        Answer accepted = client.send(new AcknowledgeAlarmCommand(new AlarmId("ALM-TEST-1"), "seen"), dispatcher.keyId(), dispatcher.key());
        assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(200);
        Answer refused = client.send(new AcknowledgeAlarmCommand(new AlarmId("ALM-TEST-1"), "again"), dispatcher.keyId(), dispatcher.key());
        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(409);

        String range = "/api/v1/audit-log?from=" + enc(start) + "&to=" + enc(Instant.now().plusSeconds(60)) + "&operation=AcknowledgeAlarm";
        Answer log = client.signedGet(range, auditor.keyId(), auditor.key());
        assertThat(log.status()).as("%s", log.body()).isEqualTo(200);
        assertThat(log.body().path("chainVerified").asBoolean()).as("%s", log.body()).isTrue();
        List<JsonNode> records = list(log.body().path("records"));
        assertThat(records).hasSize(2);
        JsonNode ok = records.get(0);
        assertThat(ok.path("result").asText()).isEqualTo("ACCEPTED");
        assertThat(ok.path("target").asText()).isEqualTo("ALM-TEST-1");
        assertThat(ok.path("keyId").asText()).isEqualTo(dispatcher.keyId());
        assertThat(ok.path("signer").asText()).isEqualTo(dispatcher.keyId());
        assertThat(ok.path("remoteAddress").asText()).isNotBlank();
        assertThat(ok.path("envelopeDigest").asText()).hasSize(64);
        JsonNode no = records.get(1);
        assertThat(no.path("result").asText()).isEqualTo("REFUSED");
        assertThat(no.path("problemCode").asText()).isEqualTo(refused.code());
        assertThat(no.path("reason").asText()).isEqualTo(refused.body().path("messageEn").asText());
        assertThat(no.path("remoteAddress").asText()).isNotBlank();
        Answer onlyRefused = client.signedGet(range + "&result=REFUSED", auditor.keyId(), auditor.key());
        assertThat(list(onlyRefused.body().path("records"))).extracting(r -> r.path("sequence").asLong())
                .containsExactly(no.path("sequence").asLong());

        long sealed = trail.seal().orElseThrow();
        assertThat(sealed).isGreaterThanOrEqualTo(no.path("sequence").asLong());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Answer entries = client.signedGet("/api/v1/ledger/entries?from=0&limit=1000", auditor.keyId(), auditor.key());
            assertThat(entries.status()).as("%s", entries.body()).isEqualTo(200);
            assertThat(list(entries.body().path("items"))).as("%s", entries.body())
                    .anySatisfy(e -> assertThat(e.path("aggregateId").asText()).isEqualTo("audit-log-seal:" + sealed));
        });
        Answer verify = client.signedGet("/api/v1/ledger/verify", auditor.keyId(), auditor.key());
        assertThat(verify.body().path("intact").asBoolean()).as("%s", verify.body()).isTrue();
        Answer all = client.signedGet("/api/v1/audit-log?from=" + enc(start) + "&to=" + enc(Instant.now().plusSeconds(60)) + "&limit=1000",
                auditor.keyId(), auditor.key());
        assertThat(list(all.body().path("records"))).as("the center's own seal command does not pass the API")
                .noneSatisfy(r -> assertThat(r.path("operation").asText()).isEqualTo("SealAuditLog"));

        database.getCollection(MongoAuditTrail.COLLECTION).updateOne(Filters.eq("_id", MongoAuditTrail.idOf(ok.path("sequence").asLong())),
                Updates.set("reason", "nothing happened"));
        Answer tampered = client.signedGet(range, auditor.keyId(), auditor.key());
        assertThat(tampered.body().path("chainVerified").asBoolean()).isFalse();
        assertThat(tampered.body().path("brokenAtSequence").asLong()).isEqualTo(ok.path("sequence").asLong());
        assertThat(tampered.body().path("problem").asText()).contains("changed");
        String alarmId = "ALM-AUDIT_LOG-" + ok.path("sequence").asLong();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer alarms = client.signedGet("/api/v1/alarms?module=audit-log", auditor.keyId(), auditor.key());
            assertThat(alarms.status()).as("%s", alarms.body()).isEqualTo(200);
            assertThat(list(alarms.body().path("items"))).as("the broken audit log chain raised a standard alarm")
                    .anySatisfy(a -> {
                        assertThat(a.path("alarmId").asText()).isEqualTo(alarmId);
                        assertThat(a.path("level").asText()).isEqualTo("CRITICAL");
                        assertThat(a.path("status").asText()).isEqualTo("OPEN");
                    });
        });

        // the background check finds the same break over the whole chain
        AuditLogVerificationJob.Outcome edited = verification.verify();
        assertThat(edited.chainIntact()).isFalse();
        assertThat(edited.brokenAt()).isEqualTo(ok.path("sequence").asLong());
        // someone with write access rewrites the chain with fresh hashes from the edited record on: the chain verifies
        // again, but the head sealed into the ledger no longer matches
        String previous = trail.hashOf(ok.path("sequence").asLong() - 1);
        for (long seq = ok.path("sequence").asLong(); trail.hashOf(seq) != null; seq++) {
            AuditRecordView stored = MongoAuditTrail.fromDocument(database.getCollection(MongoAuditTrail.COLLECTION)
                    .find(Filters.eq("_id", MongoAuditTrail.idOf(seq))).first());
            AuditRecordView relinked = AuditChain.linked(stored, previous);
            database.getCollection(MongoAuditTrail.COLLECTION).replaceOne(Filters.eq("_id", MongoAuditTrail.idOf(seq)),
                    MongoAuditTrail.toDocument(relinked));
            previous = relinked.hash();
        }
        AuditLogVerificationJob.Outcome rewritten = verification.verify();
        assertThat(rewritten.chainIntact()).as("a consistently rewritten chain verifies on its own").isTrue();
        assertThat(rewritten.sealMatches()).as("but not against the seal in the ledger").isFalse();
        assertThat(rewritten.brokenAt()).isEqualTo(sealed);
        String sealAlarm = "ALM-AUDIT_LOG-" + sealed;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(list(client.signedGet("/api/v1/alarms?module=audit-log",
                auditor.keyId(), auditor.key()).body().path("items"))).anySatisfy(a -> assertThat(a.path("alarmId").asText())
                .isEqualTo(sealAlarm)));

        HttpResponse<String> answer = client.http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/alarms")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).startsWith("default-src 'none'"));
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");

        String html = "<script>alert(1)</script>";
        HttpResponse<String> script = client.http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/commands"))
                .header("Content-Type", "application/json").header("Accept", "text/html,application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"commandType\":\"" + html + "\",\"payload\":{},\"keyId\":\""
                        + dispatcher.keyId() + "\",\"algorithm\":\"ED25519\",\"timestamp\":\"" + Instant.now()
                        + "\",\"nonce\":\"n-html-echo-000001\",\"signature\":\"AAAA\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(script.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        Answer refusedHtml = client.signedGet("/api/v1/audit-log?from=" + enc(start) + "&to=" + enc(Instant.now().plusSeconds(60))
                + "&result=REFUSED&limit=1000", auditor.keyId(), auditor.key());
        assertThat(list(refusedHtml.body().path("records"))).as("a refused unknown command type is recorded too")
                .anySatisfy(r -> assertThat(r.path("problemCode").asText()).isEqualTo("ICC-SIG-TYPE"));

        // a client of its own (a Basic user name no other request used), so its bucket starts full
        String probe = "Basic " + java.util.Base64.getEncoder().encodeToString("burst-probe:x".getBytes(StandardCharsets.UTF_8));
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> limited = null;
        for (int i = 0; i < BURST * 10 && limited == null; i++) {
            HttpResponse<String> r = client.http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/alarms"))
                    .header("Authorization", probe).GET().build(), HttpResponse.BodyHandlers.ofString());
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                limited = r;
            }
        }
        assertThat(limited).as("statuses %s", statuses).isNotNull();
        assertThat(statuses.size()).as("the burst passes first").isGreaterThan(BURST);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("ICC-REQ-RATE-LIMIT").contains("messageZh");
        Answer stillServed = client.signedGet(range, auditor.keyId(), auditor.key());
        assertThat(stillServed.status()).as("other clients are not limited").isEqualTo(200);

        Answer control = client.signedGet("/api/v1/audit-log?operation=Acknowledge%01Alarm", auditor.keyId(), auditor.key());
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.code()).isEqualTo("ICC-REQ-CONTROL-CHAR");
        assertThat(control.body().path("field").asText()).isEqualTo("operation");
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static String enc(Instant t) {
        return URLEncoder.encode(t.toString(), StandardCharsets.UTF_8);
    }
}
