package org.evgrid.icc.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.infra.support.ConsoleHttp.refusal;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.RegisterUserCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.UserId;
import org.evgrid.icc.infra.IccApplication;
import org.evgrid.icc.infra.support.CenterClient;
import org.evgrid.icc.infra.support.CenterClient.Answer;
import org.evgrid.icc.infra.support.ConsoleHttp;
import org.evgrid.icc.infra.support.TestDirs;
import org.evgrid.icc.infra.support.TestWorld;
import org.evgrid.icc.ledger.secrets.SecretBox;
import org.evgrid.icc.ui.security.login.LoginRecords;
import org.evgrid.icc.ui.security.login.Totp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Console sign-in hardening end to end (R-8.2a/d/e): weak new passwords refused with the rule named, a recent password
 * refused, the change recorded in the user's stream; five failures lock a user id (known or not, told alike) until the
 * (short) lockout has passed, the right password included; the login log shows every attempt with address and result to
 * auditors only; an enrolled authenticator makes the one-time code necessary, and its secret is stored sealed.
 */
@SpringBootTest(classes = IccApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginSecurityIT {

    private static final Path DATA = TestDirs.temp("icc-login-it");
    private static final String PASSWORD = "Login-Test-2026!";
    private static final String TRADER = "login.trader";
    private static final String AUDITOR = "login.auditor";
    private static final String VICTIM = "login.victim";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("icc.data-dir", DATA::toString);
        registry.add("icc.demo.enabled", () -> "false");
        registry.add("icc.security.lockout", () -> "2s");
        registry.add("icc.security.login-log-success-interval", () -> "0s");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase mongo;

    private ConsoleHttp http;

    @BeforeEach
    void connect() {
        http = new ConsoleHttp(port);
    }

    @Test
    void passwordsLockoutLoginLogAndOneTimeCodesProtectConsoleUsers() throws Exception {
        CenterClient client = new CenterClient("http://localhost:" + port);
        TestWorld world = new TestWorld(client, DATA);
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        for (String[] u : new String[][] {{TRADER, "TRADER"}, {AUDITOR, "AUDITOR"}, {VICTIM, "DISPATCHER"}}) {
            CenterClient.Answer a = client.send(new RegisterUserCommand(new UserId(u[0]), "登录测试 " + u[0], Set.of(Role.valueOf(u[1])),
                    DataScope.HEADQUARTERS, null, hash), world.admin().keyId(), world.admin().key());
            assertThat(a.status()).as("%s", a.body()).isEqualTo(200);
        }
        assertThat(get("/api/v1/me", TRADER, PASSWORD, null).status()).isEqualTo(200);

        // (1) password policy: each weak password is refused with the rule it breaks
        assertThat(change(TRADER, PASSWORD, "Ab#12")).satisfies(a -> refusal(a, 400, "ICC-PASSWORD-TOO-SHORT", "newPassword"));
        assertThat(change(TRADER, PASSWORD, "onlylowercase")).satisfies(a -> refusal(a, 400, "ICC-PASSWORD-TOO-SIMPLE", "newPassword"));
        assertThat(change(TRADER, PASSWORD, PASSWORD)).satisfies(a -> refusal(a, 400, "ICC-PASSWORD-REUSED", "newPassword"));
        assertThat(post("/api/v1/me/password", TRADER, PASSWORD, null, body("Wrong#Current1", "Second#Pass2026")))
                .satisfies(a -> refusal(a, 400, "ICC-PASSWORD-CURRENT-WRONG", "currentPassword"));
        Answer changed = change(TRADER, PASSWORD, "Second#Pass2026");
        assertThat(changed.status()).as("%s", changed.body()).isEqualTo(200);
        assertThat(get("/api/v1/me", TRADER, "Second#Pass2026", null).status()).isEqualTo(200);
        assertThat(get("/api/v1/me", TRADER, PASSWORD, null).code()).isEqualTo("ICC-AUTH-FAILED");
        assertThat(change(TRADER, "Second#Pass2026", PASSWORD)).satisfies(a -> refusal(a, 400, "ICC-PASSWORD-REUSED", "newPassword"));
        // the change is an event of the user's stream, signed by the center on the user's behalf
        Answer stream = get("/api/v1/audit/streams/user:" + TRADER + "/events", AUDITOR, PASSWORD, null);
        assertThat(stream.status()).as("%s", stream.body()).isEqualTo(200);
        assertThat(stream.body().path("items").findValuesAsText("payloadType")).anyMatch(t -> t.endsWith("UserPasswordChangedEvent"));

        // (2) lockout: five failures lock the user id; the right password is refused until the lock ends
        for (int i = 1; i <= 4; i++) {
            assertThat(get("/api/v1/me", VICTIM, "Wrong#Pass" + i, null)).satisfies(a -> refusal(a, 401, "ICC-AUTH-FAILED", null));
        }
        Answer locking = get("/api/v1/me", VICTIM, "Wrong#Pass5", null);
        refusal(locking, 401, "ICC-AUTH-LOCKED", "lockedUntil");
        Instant lockedUntil = Instant.parse(locking.body().path("lockedUntil").asText());
        Answer stillLocked = get("/api/v1/me", VICTIM, PASSWORD, null);
        refusal(stillLocked, 401, "ICC-AUTH-LOCKED", "lockedUntil");
        assertThat(stillLocked.body().path("lockedUntil").asText()).isEqualTo(lockedUntil.toString());
        // an unknown user id is told exactly alike
        for (int i = 1; i <= 4; i++) {
            assertThat(get("/api/v1/me", "login.nobody", "Wrong#Pass" + i, null).code()).isEqualTo("ICC-AUTH-FAILED");
        }
        assertThat(get("/api/v1/me", "login.nobody", "Wrong#Pass5", null).code()).isEqualTo("ICC-AUTH-LOCKED");
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), lockedUntil).toMillis()) + 300);
        assertThat(get("/api/v1/me", VICTIM, PASSWORD, null).status()).isEqualTo(200);
        assertThat(get("/api/v1/me", VICTIM, "Wrong#Again1", null).code()).as("a success resets the count").isEqualTo("ICC-AUTH-FAILED");

        // (3) the login log: every attempt with address and result, newest first, for auditors only
        Answer log = get("/api/v1/security/logins?user=" + VICTIM, AUDITOR, PASSWORD, null);
        assertThat(log.status()).as("%s", log.body()).isEqualTo(200);
        List<String> results = new ArrayList<>();
        for (JsonNode e : log.body().path("items")) {
            results.add(e.path("result").asText());
            assertThat(e.path("user").asText()).isEqualTo(VICTIM);
            assertThat(e.path("address").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(e.path("at").asText()).isNotBlank();
        }
        assertThat(results).containsExactly("BAD_PASSWORD", "SUCCESS", "LOCKED", "BAD_PASSWORD", "BAD_PASSWORD", "BAD_PASSWORD",
                "BAD_PASSWORD", "BAD_PASSWORD");
        assertThat(log.body().path("items").get(3).path("lockedUntil").asText()).as("the failure that locked").isNotBlank();
        Answer unknown = get("/api/v1/security/logins?user=login.nobody&limit=1", AUDITOR, PASSWORD, null);
        assertThat(unknown.body().path("items").get(0).path("result").asText()).isEqualTo("UNKNOWN_USER");
        assertThat(get("/api/v1/security/logins", TRADER, "Second#Pass2026", null).status()).isEqualTo(403);
        refusal(get("/api/v1/security/logins?limit=0", AUDITOR, PASSWORD, null), 400, "ICC-LOGINS-LIMIT", "limit");

        // (4) one-time codes: after enrolment every request needs the current code
        Answer enrol = post("/api/v1/me/totp", TRADER, "Second#Pass2026", null, "");
        assertThat(enrol.status()).as("%s", enrol.body()).isEqualTo(200);
        String secret = enrol.body().path("secret").asText();
        assertThat(enrol.body().path("otpauthUri").asText()).startsWith("otpauth://totp/").contains("secret=" + secret);
        refusal(get("/api/v1/me", TRADER, "Second#Pass2026", null), 401, "ICC-AUTH-TOTP-REQUIRED", "X-ICC-TOTP");
        Instant now = Instant.now();
        Set<String> near = new HashSet<>();
        for (int s = -30; s <= 60; s += 30) {
            near.add(Totp.codeAt(secret, now.plusSeconds(s)));
        }
        String wrong = near.contains("000000") ? near.contains("111111") ? "222222" : "111111" : "000000";
        refusal(get("/api/v1/me", TRADER, "Second#Pass2026", wrong), 401, "ICC-AUTH-TOTP-INVALID", "X-ICC-TOTP");
        Answer withCode = get("/api/v1/me", TRADER, "Second#Pass2026", Totp.codeAt(secret, Instant.now()));
        assertThat(withCode.status()).as("%s", withCode.body()).isEqualTo(200);
        Answer traderLog = get("/api/v1/security/logins?user=" + TRADER + "&limit=3", AUDITOR, PASSWORD, null);
        assertThat(traderLog.body().path("items").findValuesAsText("result")).containsExactly("SUCCESS", "TOTP_INVALID", "TOTP_REQUIRED");

        // (5) the secret is stored sealed (SM4-GCM, R-8.2b) with the key file generated in the data directory
        String stored = mongo.getCollection(LoginRecords.STATE).find(Filters.eq("_id", TRADER)).first().getString("totpSecret");
        assertThat(stored).startsWith("v1:SM4-GCM:k1:").doesNotContain(secret);
        Path keyFile = DATA.resolve("keys").resolve("secrets.keys");
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(new String(SecretBox.fromFile(keyFile, false, SecretBox.Algorithm.SM4_GCM).open(stored, "totp:" + TRADER),
                StandardCharsets.US_ASCII)).isEqualTo(secret);
    }

    private Answer change(String user, String current, String next) throws Exception {
        return post("/api/v1/me/password", user, current, null, body(current, next));
    }

    private static String body(String current, String next) throws Exception {
        return JSON.writeValueAsString(JSON.createObjectNode().put("currentPassword", current).put("newPassword", next));
    }

    private Answer get(String path, String user, String password, String totp) throws Exception {
        return http.send(request(path, user, password, totp).GET());
    }

    private Answer post(String path, String user, String password, String totp, String body) throws Exception {
        return http.send(request(path, user, password, totp).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String user, String password, String totp) {
        HttpRequest.Builder b = http.request(path, ConsoleHttp.basic(user, password));
        if (totp != null) {
            b.header("X-ICC-TOTP", totp);
        }
        return b;
    }
}
