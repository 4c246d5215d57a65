package org.evgrid.icc.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.infra.support.ConsoleHttp.bearer;
import static org.evgrid.icc.infra.support.ConsoleHttp.refusal;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.LoginChallenge;
import org.evgrid.icc.coreapi.security.RegisterSignerKeyCommand;
import org.evgrid.icc.coreapi.security.RegisterUserCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.UserId;
import org.evgrid.icc.infra.IccApplication;
import org.evgrid.icc.infra.support.CenterClient;
import org.evgrid.icc.infra.support.CenterClient.Answer;
import org.evgrid.icc.infra.support.ConsoleHttp;
import org.evgrid.icc.infra.support.TestDirs;
import org.evgrid.icc.infra.support.TestWorld;
import org.evgrid.icc.ledger.signing.Crypto;
import org.evgrid.icc.ui.security.session.ConsoleSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Console sessions end to end (MLPS level 3): a password alone opens no session; a sign-in challenge signed with the
 * user's own registered key does (another user's key, a reused or altered challenge do not, and a bad signature counts
 * towards the lock); the bearer token then stands for the user until it is unused for the (short) idle timeout or the
 * user signs out; the login log shows it all; only the token's hash is stored.
 */
@SpringBootTest(classes = IccApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleSessionIT {

    private static final Path DATA = TestDirs.temp("icc-session-it");
    private static final String PASSWORD = "Session-Test-2026!";
    private static final String DISPATCHER = "sess.dispatcher";
    private static final String OTHER = "sess.other";
    private static final String AUDITOR = "sess.auditor";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("icc.data-dir", DATA::toString);
        registry.add("icc.demo.enabled", () -> "false");
        registry.add("icc.security.session.idle-timeout", () -> "3s");
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
    void aSessionNeedsTwoFactorsAndEndsWhenIdleOrSignedOut() throws Exception {
        CenterClient client = new CenterClient("http://localhost:" + port);
        TestWorld world = new TestWorld(client, DATA);
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        PrivateKey dispatcherKey = null;
        PrivateKey otherKey = null;
        for (String[] u : new String[][] {{DISPATCHER, "DISPATCHER"}, {OTHER, "TRADER"}, {AUDITOR, "AUDITOR"}}) {
            Set<Role> roles = Set.of(Role.valueOf(u[1]));
            assertThat(client.send(new RegisterUserCommand(new UserId(u[0]), "会话测试 " + u[0], roles, DataScope.HEADQUARTERS, null, hash),
                    world.admin().keyId(), world.admin().key()).status()).isEqualTo(200);
            KeyPair pair = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);
            CenterClient.Answer key = client.send(new RegisterSignerKeyCommand(new KeyId("key-" + u[0]), SignatureAlgorithm.SM2_SM3,
                    Crypto.toPem(pair.getPublic()), u[0], roles, null, DataScope.HEADQUARTERS), world.admin().keyId(), world.admin().key());
            assertThat(key.status()).as("%s", key.body()).isEqualTo(200);
            if (u[0].equals(DISPATCHER)) {
                dispatcherKey = pair.getPrivate();
            } else if (u[0].equals(OTHER)) {
                otherKey = pair.getPrivate();
            }
        }

        // (1) the password alone opens no session
        refusal(http.post("/api/v1/sessions", basic(DISPATCHER), ""), 403, "ICC-AUTH-SECOND-FACTOR-REQUIRED");
        refusal(http.post("/api/v1/sessions", null, ""), 401, "ICC-AUTH-REQUIRED");

        // (2) the challenge is open to anybody; another user's key, a reused or an altered challenge are refused
        String challenge = challenge();
        refusal(http.post("/api/v1/sessions", basic(DISPATCHER), signIn("key-" + OTHER, otherKey, DISPATCHER, challenge)), 403,
                "ICC-AUTH-KEY-NOT-YOURS");
        refusal(http.post("/api/v1/sessions", basic(DISPATCHER), signIn("key-" + DISPATCHER, dispatcherKey, DISPATCHER, challenge)), 409,
                "ICC-AUTH-CHALLENGE-USED");
        String altered = challenge() + "A";
        refusal(http.post("/api/v1/sessions", basic(DISPATCHER), signIn("key-" + DISPATCHER, dispatcherKey, DISPATCHER, altered)), 400,
                "ICC-AUTH-CHALLENGE-INVALID");
        String forOther = challenge();
        refusal(http.post("/api/v1/sessions", basic(DISPATCHER), signIn("key-" + DISPATCHER, dispatcherKey, OTHER, forOther)), 401,
                "ICC-SIG-INVALID");

        // (3) password + own key: a session; the bearer token stands for the user
        Answer opened = http.post("/api/v1/sessions", basic(DISPATCHER),
                signIn("key-" + DISPATCHER, dispatcherKey, DISPATCHER, challenge()));
        assertThat(opened.status()).as("%s", opened.body()).isEqualTo(201);
        String token = opened.body().path("token").asText();
        assertThat(token).startsWith("iccs_");
        assertThat(opened.body().path("factors").toString()).isEqualTo("[\"PASSWORD\",\"KEY\"]");
        assertThat(opened.body().path("idleTimeoutSeconds").asLong()).isEqualTo(3);
        Answer me = http.get("/api/v1/me", bearer(token));
        assertThat(me.status()).as("%s", me.body()).isEqualTo(200);
        assertThat(me.body().toString()).contains(DISPATCHER);
        Answer current = http.get("/api/v1/sessions/current", bearer(token));
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.body().path("token").isTextual()).as("the token is answered once").isFalse();
        assertThat(http.get("/api/v1/security/logins", bearer(token)).status()).as("the session has the user's roles only").isEqualTo(403);
        refusal(http.get("/api/v1/me", bearer("iccs_forged")), 401, "ICC-AUTH-SESSION-UNKNOWN");
        refusal(http.post("/api/v1/sessions", bearer(token), ""), 403, "ICC-SESSION-CONSOLE-ONLY");
        assertThat(mongo.getCollection(ConsoleSessions.COLLECTION).find().into(new java.util.ArrayList<>()).toString())
                .as("only the token's hash is stored").doesNotContain(token.substring(5));

        // (4) used within the idle timeout it lives on; unused for it, it ends
        for (int i = 0; i < 6; i++) {
            Thread.sleep(1000);
            assertThat(http.get("/api/v1/me", bearer(token)).status()).as("use %d", i).isEqualTo(200);
        }
        Thread.sleep(3500);
        refusal(http.get("/api/v1/me", bearer(token)), 401, "ICC-AUTH-SESSION-ENDED");
        refusal(http.get("/api/v1/me", bearer(token)), 401, "ICC-AUTH-SESSION-ENDED");

        // (5) sign-out ends a session at once
        Answer second = http.post("/api/v1/sessions", basic(DISPATCHER),
                signIn("key-" + DISPATCHER, dispatcherKey, DISPATCHER, challenge()));
        String token2 = second.body().path("token").asText();
        assertThat(http.delete("/api/v1/sessions/current", bearer(token2)).status()).isEqualTo(204);
        refusal(http.get("/api/v1/me", bearer(token2)), 401, "ICC-AUTH-SESSION-ENDED");

        // (6) the login log tells the story
        Answer log = http.get("/api/v1/security/logins?user=" + DISPATCHER + "&limit=50", basic(AUDITOR));
        assertThat(log.status()).as("%s", log.body()).isEqualTo(200);
        assertThat(log.body().path("items").findValuesAsText("result")).contains("SESSION_OPENED", "SESSION_EXPIRED", "SESSION_CLOSED",
                "SECOND_FACTOR_INVALID").containsOnlyOnce("SESSION_EXPIRED");
    }

    private String challenge() throws Exception {
        Answer a = http.post("/api/v1/sessions/challenges", null, "");
        assertThat(a.status()).as("%s", a.body()).isEqualTo(201);
        return a.body().path("challenge").asText();
    }

    private static String signIn(String keyId, PrivateKey key, String user, String challenge) throws Exception {
        byte[] signature = Crypto.sign(SignatureAlgorithm.SM2_SM3, key, LoginChallenge.signingInput(user, challenge));
        return JSON.writeValueAsString(JSON.createObjectNode().put("keyId", keyId).put("challenge", challenge)
                .put("signature", Base64.getEncoder().encodeToString(signature)));
    }

    private static String basic(String user) {
        return ConsoleHttp.basic(user, PASSWORD);
    }
}
