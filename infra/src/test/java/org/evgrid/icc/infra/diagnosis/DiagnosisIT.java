package org.evgrid.icc.infra.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.evgrid.icc.coreapi.diagnosis.LedgerVerificationRecord;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.RegisterUserCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.UserId;
import org.evgrid.icc.infra.IccApplication;
import org.evgrid.icc.infra.diagnosis.internal.VerificationStore;
import org.evgrid.icc.infra.support.CenterClient;
import org.evgrid.icc.infra.support.CenterClient.Answer;
import org.evgrid.icc.infra.support.TestWorld;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Self-diagnosis end to end (R-6.2b): the diagnosis lists the stores and every processor and answers OK; a background
 * ledger verification run stores its verdict, which the diagnosis and the verification list show, and the next run
 * continues where it ended; the debug switch logs MongoDB commands (with who switched it and the request's log context)
 * and switches itself off after its time; who may do what.
 */
@SpringBootTest(classes = IccApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DiagnosisIT {

    private static final Path DATA = tempDir();
    private static final String PASSWORD = "Diagnosis-Test-2026!";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("icc.data-dir", DATA::toString);
        registry.add("icc.demo.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    LedgerVerificationJob verificationJob;

    @Autowired
    DebugSwitch debugSwitch;

    @Autowired
    MongoDatabase database;

    private CenterClient client;

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("icc-diagnosis-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDiagnosisListsStoresAndProcessorsShowsTheLedgerVerdictAndTheDebugSwitchLogsMongoCommandsUntilItExpires()
            throws Exception {
        client = new CenterClient("http://localhost:" + port);
        TestWorld world = new TestWorld(client, DATA);
        for (Role role : List.of(Role.SECURITY_OPERATOR, Role.AUDITOR, Role.REGULATOR)) {
            Answer a = client.send(new RegisterUserCommand(new UserId(user(role)), "诊断测试 " + role, Set.of(role), DataScope.HEADQUARTERS,
                    null, new BCryptPasswordEncoder(4).encode(PASSWORD)), world.admin().keyId(), world.admin().key());
            assertThat(a.status()).as("%s", a.body()).isEqualTo(200);
        }

        // the diagnosis: stores, processors, verdict OK
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Answer d = get("/api/v1/diagnosis", Role.SECURITY_OPERATOR);
            assertThat(d.status()).as("%s", d.body()).isEqualTo(200);
            assertThat(d.body().path("verdict").asText()).as("%s", d.body()).isEqualTo("OK");
        });
        Answer diagnosis = get("/api/v1/diagnosis", Role.AUDITOR);
        assertThat(diagnosis.status()).isEqualTo(200);
        JsonNode body = diagnosis.body();
        assertThat(body.path("reasonsEn")).isEmpty();
        List<String> stores = names(body.path("stores"));
        assertThat(stores).containsExactly("event-store", "mongodb");
        body.path("stores").forEach(s -> assertThat(s.path("reachable").asBoolean()).isTrue());
        assertThat(body.path("stores").get(0).path("eventCount").asLong()).isPositive();
        assertThat(body.path("stores").get(0).path("headGlobalIndex").asLong()).isNotNegative();
        List<String> processors = names(body.path("processors"));
        assertThat(processors).contains("ledger", "archive-projection", "key-registry", "gateway-outbox");
        body.path("processors").forEach(p -> {
            assertThat(p.path("running").asBoolean()).as("%s", p).isTrue();
            assertThat(p.path("error").asBoolean()).as("%s", p).isFalse();
        });
        JsonNode ledgerProcessor = find(body.path("processors"), "ledger");
        assertThat(ledgerProcessor.path("kind").asText()).isEqualTo("tracking");
        assertThat(ledgerProcessor.path("lagEvents").isNumber()).isTrue();
        assertThat(find(body.path("processors"), "key-registry").path("lagEvents").isMissingNode()).isTrue();
        assertThat(body.path("deadlineJobs").has("FAILED")).isTrue();
        assertThat(body.path("outbox").path("FAILED").asLong()).isZero();
        assertThat(body.path("ledgerVerification").isMissingNode()).as("no verification has run yet").isTrue();
        assertThat(body.path("debug").path("enabled").asBoolean()).isFalse();

        // a background ledger verification: verdict stored and shown; the next continues from its last entry
        await().atMost(Duration.ofSeconds(30)).until(() -> find(get("/api/v1/diagnosis", Role.AUDITOR).body().path("processors"),
                "ledger").path("lagEvents").asLong() == 0);
        LedgerVerificationRecord first = verificationJob.verify(LedgerVerificationJob.INCREMENTAL);
        assertThat(first.intact()).as(first.reason()).isTrue();
        assertThat(first.fromSeq()).isZero();
        assertThat(first.toSeq()).isPositive().isEqualTo(first.headSeq());
        assertThat(first.checked()).isEqualTo(first.toSeq() + 1);
        Document stored = database.getCollection(VerificationStore.COLLECTION).find(Filters.eq("_id", first.id())).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getBoolean("intact")).isTrue();
        JsonNode shown = get("/api/v1/diagnosis", Role.SECURITY_OPERATOR).body();
        assertThat(shown.path("verdict").asText()).isEqualTo("OK");
        assertThat(shown.path("ledgerVerification").path("id").asText()).isEqualTo(first.id());
        assertThat(shown.path("ledgerVerification").path("intact").asBoolean()).isTrue();
        assertThat(shown.path("ledgerVerificationAgeSeconds").asLong()).isNotNegative();

        Answer more = client.send(new RegisterUserCommand(new UserId("dg-extra"), "诊断测试 extra", Set.of(Role.REGULATOR),
                DataScope.HEADQUARTERS, null, new BCryptPasswordEncoder(4).encode(PASSWORD)), world.admin().keyId(), world.admin().key());
        assertThat(more.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> find(get("/api/v1/diagnosis", Role.AUDITOR).body().path("processors"),
                "ledger").path("lagEvents").asLong() == 0);
        LedgerVerificationRecord second = verificationJob.verify(LedgerVerificationJob.INCREMENTAL);
        assertThat(second.intact()).as(second.reason()).isTrue();
        assertThat(second.fromSeq()).as("continues from the last verified entry").isEqualTo(first.toSeq());
        assertThat(second.toSeq()).isGreaterThan(first.toSeq());
        LedgerVerificationRecord full = verificationJob.verify(LedgerVerificationJob.FULL);
        assertThat(full.fromSeq()).isZero();
        assertThat(full.intact()).isTrue();
        Answer list = get("/api/v1/diagnosis/ledger-verifications?limit=5", Role.AUDITOR);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("items")).hasSize(3);
        assertThat(list.body().path("items").get(0).path("id").asText()).isEqualTo(full.id());
        assertThat(list.body().path("items").get(0).path("mode").asText()).isEqualTo("FULL");
        assertThat(list.body().path("items").get(2).path("id").asText()).isEqualTo(first.id());
        assertThat(get("/api/v1/diagnosis/ledger-verifications?limit=0", Role.AUDITOR).code()).isEqualTo("ICC-DIAG-LIMIT");

        // who may
        assertThat(get("/api/v1/diagnosis", Role.REGULATOR).status()).isEqualTo(403);
        assertThat(post("/api/v1/diagnosis/debug?enabled=true&minutes=5", Role.AUDITOR).status()).isEqualTo(403);
        assertThat(post("/api/v1/diagnosis/debug?enabled=true&minutes=0", Role.SECURITY_OPERATOR).code())
                .isEqualTo("ICC-DIAG-DEBUG-MINUTES");

        // the debug switch: every MongoDB command logged while on, with who switched it; off after its time
        ListAppender<ILoggingEvent> mongoLines = attach(MongoCommandLog.LOGGER);
        ListAppender<ILoggingEvent> switchLines = attach(DebugSwitch.class.getName());
        try {
            Answer on = post("/api/v1/diagnosis/debug?enabled=true&minutes=15", Role.SECURITY_OPERATOR);
            assertThat(on.status()).as("%s", on.body()).isEqualTo(200);
            assertThat(on.body().path("enabled").asBoolean()).isTrue();
            assertThat(on.body().path("by").asText()).isEqualTo("user:" + user(Role.SECURITY_OPERATOR));
            assertThat(LoggerFactory.getLogger("org.evgrid.icc.query.archive").isDebugEnabled()).isTrue();
            ILoggingEvent switched = switchLines.list.stream().filter(e -> e.getFormattedMessage().contains("DEBUG SWITCH ON"))
                    .findFirst().orElseThrow();
            assertThat(switched.getLevel().toString()).isEqualTo("WARN");
            assertThat(switched.getFormattedMessage()).contains(user(Role.SECURITY_OPERATOR));
            assertThat(switched.getMDCPropertyMap()).containsEntry("operation", "POST /api/v1/diagnosis/debug")
                    .containsKey("ip");
            assertThat(switched.getMDCPropertyMap().get("user")).contains(user(Role.SECURITY_OPERATOR));
            assertThat(get("/api/v1/diagnosis", Role.AUDITOR).body().path("debug").path("enabled").asBoolean()).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> mongoLines.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().startsWith("mongo find db=") && e.getFormattedMessage().contains(" ms ok")));
            assertThat(mongoLines.list.stream().map(ILoggingEvent::getFormattedMessage))
                    .anyMatch(m -> m.contains("diag_ledger_verifications") || m.contains("gateway_outbox"));

            debugSwitch.on(Duration.ofSeconds(2), "it-short");
            await().atMost(Duration.ofSeconds(15)).until(() -> !debugSwitch.view().enabled());
            assertThat(debugSwitch.view().by()).isEqualTo("expiry");
            assertThat(LoggerFactory.getLogger("org.evgrid.icc.query.archive").isDebugEnabled()).isFalse();
            assertThat(switchLines.list.stream().map(ILoggingEvent::getFormattedMessage)).anyMatch(m -> m.contains("DEBUG SWITCH OFF by expiry"));
            int linesAtExpiry = mongoLines.list.size();
            assertThat(get("/api/v1/diagnosis", Role.AUDITOR).status()).isEqualTo(200);
            assertThat(mongoLines.list).as("no MongoDB command logged once the switch is off").hasSize(linesAtExpiry);
        } finally {
            debugSwitch.off("it");
            detach(MongoCommandLog.LOGGER, mongoLines);
            detach(DebugSwitch.class.getName(), switchLines);
        }
    }

    private static ListAppender<ILoggingEvent> attach(String logger) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(logger)).addAppender(appender);
        return appender;
    }

    private static void detach(String logger, ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(logger)).detachAppender(appender);
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.path("name").asText()));
        return names;
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (name.equals(n.path("name").asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }

    private static String user(Role role) {
        return "dg-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Answer get(String pathAndQuery, Role role) {
        return client.get(pathAndQuery, user(role), PASSWORD);
    }

    private Answer post(String path, Role role) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user(role) + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofMinutes(1)).build();
        HttpResponse<String> r = client.http().send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body()));
    }
}
