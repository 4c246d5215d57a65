package org.evgrid.icc.infra.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.CreateAggregationUnitCommand;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.RegisterUserCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.UserId;
import org.evgrid.icc.infra.IccApplication;
import org.evgrid.icc.infra.support.CenterClient;
import org.evgrid.icc.infra.support.ConsoleHttp;
import org.evgrid.icc.infra.support.TestDirs;
import org.evgrid.icc.infra.support.TestWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Operations other than signed commands reach the audit log too (R-6.2a): a change made over HTTP (a backup), refusals
 * of a role or of a wrong password, each with who, from where, what, and the refusal's code; reads that pass and
 * anonymous requests without credentials do not; a signed command is recorded once, by the command endpoint. The chain
 * over all of them verifies.
 */
@SpringBootTest(classes = IccApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationAuditIT {

    private static final Path DATA = TestDirs.temp("icc-opaudit-it");
    private static final String PASSWORD = "Operation-Audit-2026!";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("icc.data-dir", DATA::toString);
        registry.add("icc.demo.enabled", () -> "false");
        registry.add("icc.backup.dir", () -> DATA.resolve("backups").toString());
    }

    @LocalServerPort
    int port;

    private ConsoleHttp http;

    @BeforeEach
    void connect() {
        http = new ConsoleHttp(port, Duration.ofSeconds(60));
    }

    @Test
    void changesAndRefusalsOverHttpAreAuditedWithWhoWhatAndWhy() throws Exception {
        CenterClient client = new CenterClient("http://localhost:" + port);
        TestWorld world = new TestWorld(client, DATA);
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        for (String[] u : new String[][] {{"op.secop", "SECURITY_OPERATOR"}, {"op.trader", "TRADER"}, {"op.auditor", "AUDITOR"}}) {
            assertThat(client.send(new RegisterUserCommand(new UserId(u[0]), "审计测试 " + u[0], Set.of(Role.valueOf(u[1])),
                    DataScope.HEADQUARTERS, null, hash), world.admin().keyId(), world.admin().key()).status()).isEqualTo(200);
        }
        TestWorld.Party archivist = world.keyWithRole("key-op-archivist", Role.ARCHIVE_MANAGER, SignatureAlgorithm.SM2_SM3);

        assertThat(call("GET", "/api/v1/security/logins", "op.trader", PASSWORD).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/diagnosis/debug?enabled=true", "op.trader", PASSWORD).statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = call("GET", "/api/v1/me", "op.auditor", "Wrong#Password1");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("X-ICC-Problem-Code")).as("the code in a header too").contains("ICC-AUTH-FAILED");
        assertThat(call("GET", "/api/v1/piles?by=OPERATOR&key=OP-X", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/me", "op.trader", PASSWORD).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/sessions/challenges", null, null).statusCode()).isEqualTo(201);
        HttpResponse<String> backup = call("POST", "/api/v1/backups?kind=FULL", "op.secop", PASSWORD);
        assertThat(backup.statusCode()).as(backup.body()).isEqualTo(200);
        assertThat(client.send(new CreateAggregationUnitCommand(new AggregationUnitId("AU-OPA-1"), "审计单元", new DispatchAreaId("DA-JS-NJ"),
                "320000"), archivist.keyId(), archivist.key()).status()).isEqualTo(200);

        List<JsonNode> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> log = call("GET", "/api/v1/audit-log?limit=1000", "op.auditor", PASSWORD);
            assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(log.body());
            assertThat(body.path("chainVerified").asBoolean()).as(log.body()).isTrue();
            records.clear();
            body.path("records").forEach(records::add);
            assertThat(records).anySatisfy(r -> assertThat(r.path("operation").asText()).isEqualTo("POST /api/v1/backups"));
        });
        assertThat(records).anySatisfy(r -> {
            assertThat(r.path("operation").asText()).isEqualTo("GET /api/v1/security/logins");
            assertThat(r.path("result").asText()).isEqualTo("REFUSED");
            assertThat(r.path("problemCode").asText()).isEqualTo("ICC-AUTH-ROLE");
            assertThat(r.path("signer").asText()).isEqualTo("user:op.trader");
            assertThat(r.path("remoteAddress").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        });
        assertThat(records).anySatisfy(r -> {
            assertThat(r.path("operation").asText()).isEqualTo("POST /api/v1/diagnosis/debug");
            assertThat(r.path("result").asText()).isEqualTo("REFUSED");
        });
        assertThat(records).anySatisfy(r -> {
            assertThat(r.path("operation").asText()).isEqualTo("GET /api/v1/me");
            assertThat(r.path("problemCode").asText()).isEqualTo("ICC-AUTH-FAILED");
            assertThat(r.path("signer").isTextual()).as("nobody was authenticated").isFalse();
        });
        assertThat(records).anySatisfy(r -> {
            assertThat(r.path("operation").asText()).isEqualTo("POST /api/v1/backups");
            assertThat(r.path("result").asText()).isEqualTo("ACCEPTED");
            assertThat(r.path("signer").asText()).isEqualTo("user:op.secop");
        });
        assertThat(records).filteredOn(r -> r.path("operation").asText().equals("GET /api/v1/me"))
                .as("a read that passed is not an operation to audit").hasSize(1);
        assertThat(records).noneSatisfy(r -> assertThat(r.path("operation").asText()).startsWith("GET /api/v1/piles"));
        assertThat(records).as("an anonymous request names nobody").noneSatisfy(r -> assertThat(r.path("operation").asText())
                .isEqualTo("POST /api/v1/sessions/challenges"));
        assertThat(records).filteredOn(r -> r.path("operation").asText().equals("CreateAggregationUnit"))
                .as("a signed command once, by the command endpoint").hasSize(1);
        assertThat(records).noneSatisfy(r -> assertThat(r.path("operation").asText()).isEqualTo("POST /api/v1/commands"));
    }

    private HttpResponse<String> call(String method, String path, String user, String password) throws Exception {
        String authorization = user == null ? null : ConsoleHttp.basic(user, password);
        return http.raw(http.request(path, authorization).method(method, HttpRequest.BodyPublishers.noBody()));
    }
}
