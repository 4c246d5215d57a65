package org.evgrid.icc.infra.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.evgrid.icc.coreapi.alarm.AlarmId;
import org.evgrid.icc.coreapi.alarm.AlarmLevel;
import org.evgrid.icc.coreapi.alarm.RaiseSystemAlarmCommand;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.diagnosis.LedgerVerificationRecord;
import org.evgrid.icc.coreapi.security.CenterCommands;
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
 * A ledger break raises a standard alarm (R-6.2b): a ledger entry edited through the raw MongoDB driver is found by the
 * verification job, which has the center raise {@code ALM-LEDGER-<first broken position>}; the security operator and the
 * auditor see it in {@code GET /api/v1/alarms}; finding the same break again is a repeat of the same alarm; nobody but the
 * center may raise one, and a malformed raise leaves no alarm.
 */
@SpringBootTest(classes = IccApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LedgerAlarmIT {

    private static final Path DATA = tempDir();
    private static final String PASSWORD = "Ledger-Alarm-Test-2026!";

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
    CenterCommands center;

    @Autowired
    MongoDatabase database;

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("icc-ledger-alarm-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLedgerEntryEditedInTheStoreRaisesOneStandardAlarmThatRepeatsWhileTheBreakStays() throws IOException {
        CenterClient client = new CenterClient("http://localhost:" + port);
        TestWorld world = new TestWorld(client, DATA);
        Answer user = client.send(new RegisterUserCommand(new UserId("la-secop"), "账本告警测试", Set.of(Role.SECURITY_OPERATOR),
                DataScope.HEADQUARTERS, null, new BCryptPasswordEncoder(4).encode(PASSWORD)), world.admin().keyId(), world.admin().key());
        assertThat(user.status()).as("%s", user.body()).isEqualTo(200);
        Party auditor = world.keyWithRole("key-la-auditor", Role.AUDITOR, SignatureAlgorithm.ED25519);
        Party dispatcher = world.keyWithRole("key-la-dispatcher", Role.DISPATCHER, SignatureAlgorithm.ED25519);
        await().atMost(Duration.ofSeconds(30)).until(() -> database.getCollection("ledger_entries").countDocuments() >= 3);
        LedgerVerificationRecord intact = verificationJob.verify(LedgerVerificationJob.FULL);
        assertThat(intact.intact()).as(intact.reason()).isTrue();
        assertThat(systemAlarms(client)).as("an intact ledger raises nothing").isEmpty();

        // only the center raises system alarms; a refused or malformed raise leaves no alarm
        AlarmId forgedId = AlarmId.of("LEDGER", "1");
        Answer forged = client.send(new RaiseSystemAlarmCommand(forgedId, "LEDGER", AlarmLevel.CRITICAL, "ledger", "伪造", "forged",
                "forged", "1"), dispatcher.keyId(), dispatcher.key());
        assertThat(forged.status()).as("%s", forged.body()).isEqualTo(403);
        assertThatThrownBy(() -> center.send(new RaiseSystemAlarmCommand(forgedId, "LEDGER", AlarmLevel.CRITICAL, "ledger", "标题",
                "title", "details", "2"))).isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-ALARM-ID"));

        // tamper with an entry through the raw driver
        database.getCollection("ledger_entries").updateOne(Filters.eq("_id", 1L), Updates.set("hash", "0".repeat(64)));
        LedgerVerificationRecord broken = verificationJob.verify(LedgerVerificationJob.FULL);
        assertThat(broken.intact()).isFalse();
        String alarmId = "ALM-LEDGER-" + broken.firstBrokenSeq();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> alarms = systemAlarms(client);
            assertThat(alarms).hasSize(1);
            JsonNode alarm = alarms.get(0);
            assertThat(alarm.path("alarmId").asText()).isEqualTo(alarmId);
            assertThat(alarm.path("type").asText()).isEqualTo("LEDGER");
            assertThat(alarm.path("level").asText()).isEqualTo("CRITICAL");
            assertThat(alarm.path("status").asText()).isEqualTo("OPEN");
            assertThat(alarm.path("module").asText()).isEqualTo("ledger");
            assertThat(alarm.path("title").asText()).contains("账本哈希链断裂").contains("Ledger hash chain broken");
            assertThat(alarm.path("details").asText()).contains(broken.reason());
            assertThat(alarm.path("occurrences").asLong()).isEqualTo(1);
            assertThat(alarm.path("repeatCount").asLong()).isZero();
        });
        Answer forAuditor = client.signedGet("/api/v1/alarms?module=ledger", auditor.keyId(), auditor.key());
        assertThat(forAuditor.status()).as("%s", forAuditor.body()).isEqualTo(200);
        assertThat(forAuditor.body().path("items").get(0).path("alarmId").asText()).isEqualTo(alarmId);

        // the same break found again: one more occurrence of the same alarm, no new alarm
        LedgerVerificationRecord again = verificationJob.verify(LedgerVerificationJob.INCREMENTAL);
        assertThat(again.intact()).isFalse();
        assertThat(again.firstBrokenSeq()).isEqualTo(broken.firstBrokenSeq());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> alarms = systemAlarms(client);
            assertThat(alarms).hasSize(1);
            assertThat(alarms.get(0).path("occurrences").asLong()).isEqualTo(2);
            assertThat(alarms.get(0).path("repeatCount").asLong()).isEqualTo(1);
        });
        Answer diagnosis = client.get("/api/v1/diagnosis", "la-secop", PASSWORD);
        assertThat(diagnosis.body().path("verdict").asText()).isEqualTo("FAILED");
    }

    private static List<JsonNode> systemAlarms(CenterClient client) {
        Answer a = client.get("/api/v1/alarms", "la-secop", PASSWORD);
        assertThat(a.status()).as("%s", a.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        a.body().path("items").forEach(items::add);
        return items;
    }
}
