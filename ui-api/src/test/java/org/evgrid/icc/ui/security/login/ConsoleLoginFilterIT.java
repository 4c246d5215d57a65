package org.evgrid.icc.ui.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.FindPasswordStatusQuery;
import org.evgrid.icc.coreapi.security.FindUserCredentialsQuery;
import org.evgrid.icc.coreapi.security.PasswordStatusView;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.UserCredentialsView;
import org.evgrid.icc.ledger.secrets.SecretBox;
import org.evgrid.icc.ui.security.IccUserDetails;
import org.evgrid.icc.ui.security.ProblemWriter;
import org.evgrid.icc.ui.testing.EmbeddedMongo;
import org.evgrid.icc.ui.testing.MovingClock;
import org.evgrid.icc.ui.testing.QueryGateways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The console sign-in filter over a real (in-memory) Mongo store and a controllable clock: password expiry lets only the
 * password change through, a lock ends when its time has passed (no sleeping), one-time codes of the clock's step, requests
 * without HTTP Basic or already authenticated pass untouched.
 */
class ConsoleLoginFilterIT {

    private static final String PASSWORD = "Filter#Test2026";
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    private final MovingClock clock = new MovingClock(T0);
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
    private final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().build();
    private final String hash = encoder.encode(PASSWORD);
    private final String weakHash = encoder.encode("lowercaseonly");
    private EmbeddedMongo mongo;
    private final SecretBox.MasterKey k1 = SecretBox.newKey("k1", SecretBox.Algorithm.SM4_GCM);
    private final SecretBox box = new SecretBox(List.of(k1));
    private LoginRecords records;
    private ConsoleLoginFilter filter;
    private Instant passwordSetAt = T0.minus(Duration.ofDays(10));

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo();
        records = new LoginRecords(mongo.database("icc"), clock,
                new LoginSettings(3, Duration.ofMinutes(15), Duration.ofDays(90), Duration.ZERO), box);
        filter = new ConsoleLoginFilter(gateway(), encoder, records, new ProblemWriter(mapper));
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        mongo.close();
    }

    /** Knows wang, whose password was set at {@link #passwordSetAt}, and li, registered with a weak password. */
    private QueryGateway gateway() {
        return QueryGateways.answering(query -> {
            Object answer = null;
            if (query instanceof FindUserCredentialsQuery q && q.userId().value().equals("wang")) {
                answer = new UserCredentialsView(q.userId(), "王", hash, Set.of(Role.TRADER), DataScope.HEADQUARTERS, null, true);
            } else if (query instanceof FindUserCredentialsQuery q && q.userId().value().equals("li")) {
                answer = new UserCredentialsView(q.userId(), "李", weakHash, Set.of(Role.TRADER), DataScope.HEADQUARTERS, null, true);
            } else if (query instanceof FindPasswordStatusQuery q && q.userId().value().equals("wang")) {
                answer = new PasswordStatusView(q.userId(), passwordSetAt, List.of(hash));
            }
            return answer;
        });
    }

    private record Outcome(int status, JsonNode body, boolean passed, Object principal) {
        String code() {
            return body == null ? null : body.path("code").asText();
        }
    }

    private Outcome call(String method, String path, String user, String password, String totp) throws Exception {
        SecurityContextHolder.clearContext();
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr("10.1.2.3");
        if (user != null) {
            request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        if (totp != null) {
            request.addHeader(ConsoleLoginFilter.TOTP_HEADER, totp);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return new Outcome(response.getStatus(), text.isBlank() ? null : mapper.readTree(text), chain.getRequest() != null,
                auth == null ? null : auth.getPrincipal());
    }

    private List<LoginResult> logged(String user) {
        return records.entries(null, null, user, 100).stream().map(LoginRecords.Entry::result).toList();
    }

    @Test
    void theRightPasswordSignsInAsTheUserAndIsLogged() throws Exception {
        Outcome ok = call("GET", "/api/v1/me", "wang", PASSWORD, null);

        assertThat(ok.passed()).isTrue();
        assertThat(ok.principal()).isInstanceOfSatisfying(IccUserDetails.class, u -> assertThat(u.getUsername()).isEqualTo("wang"));
        assertThat(records.entries(null, null, "wang", 10)).singleElement()
                .satisfies(e -> {
                    assertThat(e.result()).isEqualTo(LoginResult.SUCCESS);
                    assertThat(e.address()).isEqualTo("10.1.2.3");
                    assertThat(e.at()).isEqualTo(T0);
                });
    }

    @Test
    void anExpiredPasswordMayOnlyChangeItself() throws Exception {
        passwordSetAt = T0.minus(Duration.ofDays(90));

        Outcome other = call("GET", "/api/v1/me", "wang", PASSWORD, null);
        assertThat(other.passed()).isFalse();
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.code()).isEqualTo("ICC-AUTH-PASSWORD-EXPIRED");
        assertThat(other.body().path("fix").asText()).contains("/api/v1/me/password");
        assertThat(call("GET", "/api/v1/me/password", "wang", PASSWORD, null).passed()).as("only POST changes it").isFalse();

        Outcome change = call("POST", "/api/v1/me/password", "wang", PASSWORD, null);
        assertThat(change.passed()).isTrue();
        assertThat(logged("wang")).containsExactly(LoginResult.SUCCESS, LoginResult.EXPIRED, LoginResult.EXPIRED);
    }

    @Test
    void aWeakRegisteredPasswordMayOnlyChangeItselfAndTheRuleIsNamed() throws Exception {
        Outcome other = call("GET", "/api/v1/me", "li", "lowercaseonly", null);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.code()).isEqualTo("ICC-AUTH-PASSWORD-WEAK");
        assertThat(other.body().path("messageEn").asText()).contains("three of");
        assertThat(other.body().path("messageZh").asText()).contains("至少三类");

        assertThat(call("POST", "/api/v1/me/password", "li", "lowercaseonly", null).passed()).isTrue();
        assertThat(logged("li")).containsExactly(LoginResult.SUCCESS, LoginResult.WEAK_PASSWORD);
    }

    @Test
    void aLockHoldsUntilItsTimeThenTheRightPasswordWorksAgain() throws Exception {
        assertThat(call("GET", "/api/v1/me", "wang", "Wrong#1xx", null).code()).isEqualTo("ICC-AUTH-FAILED");
        assertThat(call("GET", "/api/v1/me", "wang", "Wrong#2xx", null).code()).isEqualTo("ICC-AUTH-FAILED");
        Outcome locking = call("GET", "/api/v1/me", "wang", "Wrong#3xx", null);
        assertThat(locking.status()).isEqualTo(401);
        assertThat(locking.body().path("lockedUntil").asText()).isEqualTo(T0.plus(Duration.ofMinutes(15)).toString());

        clock.set(T0.plus(Duration.ofMinutes(15)).minusMillis(1));
        Outcome locked = call("GET", "/api/v1/me", "wang", PASSWORD, null);
        assertThat(locked.code()).isEqualTo("ICC-AUTH-LOCKED");
        assertThat(locked.passed()).isFalse();

        clock.set(T0.plus(Duration.ofMinutes(15)));
        assertThat(call("GET", "/api/v1/me", "wang", PASSWORD, null).passed()).isTrue();
        assertThat(records.state("wang").failures()).isZero();
        assertThat(logged("wang")).containsExactly(LoginResult.SUCCESS, LoginResult.LOCKED, LoginResult.BAD_PASSWORD,
                LoginResult.BAD_PASSWORD, LoginResult.BAD_PASSWORD);
    }

    @Test
    void anUnknownUserIsAnsweredLikeAWrongPasswordAndLockedAlike() throws Exception {
        Outcome unknown = call("GET", "/api/v1/me", "nobody", PASSWORD, null);
        Outcome wrong = call("GET", "/api/v1/me", "wang", "Wrong#1xx", null);

        assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        call("GET", "/api/v1/me", "nobody", PASSWORD, null);
        assertThat(call("GET", "/api/v1/me", "nobody", PASSWORD, null).code()).isEqualTo("ICC-AUTH-LOCKED");
        assertThat(logged("nobody")).containsExactly(LoginResult.UNKNOWN_USER, LoginResult.UNKNOWN_USER, LoginResult.UNKNOWN_USER);
    }

    @Test
    void anEnrolledUserNeedsTheCodeOfTheClocksStep() throws Exception {
        String secret = Totp.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        records.enrolTotp("wang", secret, T0);

        assertThat(call("GET", "/api/v1/me", "wang", PASSWORD, null).code()).isEqualTo("ICC-AUTH-TOTP-REQUIRED");
        assertThat(call("GET", "/api/v1/me", "wang", PASSWORD, Totp.codeAt(secret, T0.minusSeconds(60))).code())
                .isEqualTo("ICC-AUTH-TOTP-INVALID");
        assertThat(call("GET", "/api/v1/me", "wang", PASSWORD, Totp.codeAt(secret, T0.plusSeconds(30))).passed()).isTrue();
        assertThat(call("GET", "/api/v1/me", "wang", "Wrong#1xx", Totp.codeAt(secret, T0)).code()).as("the password still counts")
                .isEqualTo("ICC-AUTH-FAILED");
    }

    private String storedTotpSecret(String user) {
        return mongo.database("icc").getCollection(LoginRecords.STATE).find(Filters.eq("_id", user)).first().getString("totpSecret");
    }

    @Test
    void theEnrolledSecretIsStoredSealedBoundToItsUser() throws Exception {
        String secret = Totp.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        records.enrolTotp("wang", secret, T0);

        String stored = storedTotpSecret("wang");
        assertThat(stored).startsWith("v1:SM4-GCM:k1:").doesNotContain(secret);
        assertThat(new String(box.open(stored, "totp:wang"), StandardCharsets.US_ASCII)).isEqualTo(secret);
        mongo.database("icc").getCollection(LoginRecords.STATE).updateOne(Filters.eq("_id", "li"),
                Updates.set("totpSecret", stored), new UpdateOptions().upsert(true));
        Outcome copied = call("GET", "/api/v1/me", "li", "lowercaseonly", Totp.codeAt(secret, T0));
        assertThat(copied.status()).as("wang's sealed secret copied to li does not open: sign-in fails closed").isEqualTo(503);
        assertThat(copied.code()).isEqualTo("ICC-SECRET-UNREADABLE");
        assertThat(copied.passed()).isFalse();
        assertThat(call("GET", "/api/v1/me", "li", "wrong", Totp.codeAt(secret, T0)).code()).as("the password is checked first")
                .isEqualTo("ICC-AUTH-FAILED");
    }

    @Test
    void aPlainSecretFromBeforeEncryptionStillWorksAndIsSealedOnFirstUse() throws Exception {
        String secret = Totp.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        mongo.database("icc").getCollection(LoginRecords.STATE).insertOne(new Document("_id", "wang").append("totpSecret", secret));

        assertThat(call("GET", "/api/v1/me", "wang", PASSWORD, Totp.codeAt(secret, T0)).passed()).isTrue();
        assertThat(storedTotpSecret("wang")).startsWith("v1:SM4-GCM:k1:");
        assertThat(call("GET", "/api/v1/me", "wang", PASSWORD, Totp.codeAt(secret, T0)).passed()).isTrue();
    }

    @Test
    void afterAKeyRotationResealingMovesEverySecretToTheNewKey() throws Exception {
        String secret = Totp.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        records.enrolTotp("wang", secret, T0);
        SecretBox.MasterKey k2 = SecretBox.newKey("k2", SecretBox.Algorithm.AES_256_GCM);
        LoginRecords rotated = new LoginRecords(mongo.database("icc"), clock,
                new LoginSettings(3, Duration.ofMinutes(15), Duration.ofDays(90), Duration.ZERO),
                new SecretBox(List.of(k2, SecretBox.newKey("k0", SecretBox.Algorithm.SM4_GCM), k1)));

        assertThat(rotated.resealTotpSecrets()).isEqualTo(1);
        assertThat(storedTotpSecret("wang")).startsWith("v1:AES-256-GCM:k2:");
        assertThat(rotated.resealTotpSecrets()).isZero();
        assertThat(new SecretBox(List.of(k2)).open(storedTotpSecret("wang"), "totp:wang")).isEqualTo(secret.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void requestsWithoutHttpBasicPassUntouchedAndUnlogged() throws Exception {
        Outcome anonymous = call("GET", "/api/v1/me", null, null, null);

        assertThat(anonymous.passed()).isTrue();
        assertThat(anonymous.principal()).isNull();
        assertThat(records.entries(null, null, null, 10)).isEmpty();
    }
}
