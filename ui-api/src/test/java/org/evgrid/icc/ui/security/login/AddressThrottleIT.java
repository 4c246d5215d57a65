package org.evgrid.icc.ui.security.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.axonframework.queryhandling.QueryGateway;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.FindUserCredentialsQuery;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.UserCredentialsView;
import org.evgrid.icc.ledger.secrets.SecretBox;
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
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Per-address throttling of failed sign-ins (password spraying) through the console sign-in filter, over a real
 * (in-memory) Mongo store and a clock the test moves: more than 3 failures (here) from one address within the window
 * block its HTTP Basic sign-ins, even with the right password, until the block ends; other addresses and signed
 * requests pass; failures spread beyond the window do not block.
 */
class AddressThrottleIT {

    private static final String PASSWORD = "Address#Test2026";
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    private static final String SPRAYER = "10.6.6.6";

    private final MovingClock clock = new MovingClock(T0);
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
    private final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().build();
    private final String hash = encoder.encode(PASSWORD);
    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private LoginRecords records;
    private ConsoleLoginFilter filter;

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo();
        database = mongo.database("icc");
        AddressThrottle throttle = new AddressThrottle(database, 3, Duration.ofMinutes(15), Duration.ofMinutes(15));
        records = new LoginRecords(database, clock, new LoginSettings(5, Duration.ofMinutes(15), Duration.ofDays(90), Duration.ZERO),
                new SecretBox(List.of(SecretBox.newKey("k1", SecretBox.Algorithm.SM4_GCM))), throttle);
        filter = new ConsoleLoginFilter(gateway(), encoder, records, new ProblemWriter(mapper));
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        mongo.close();
    }

    /** Knows wang only. */
    private QueryGateway gateway() {
        return QueryGateways.answering(query -> {
            Object answer = null;
            if (query instanceof FindUserCredentialsQuery q && q.userId().value().equals("wang")) {
                answer = new UserCredentialsView(q.userId(), "王", hash, Set.of(Role.TRADER), DataScope.HEADQUARTERS, null, true);
            }
            return answer;
        });
    }

    private record Outcome(int status, JsonNode body, boolean passed, String retryAfter) {
        String code() {
            return body == null ? null : body.path("code").asText();
        }
    }

    private Outcome call(String address, String user, String password, boolean signed) throws Exception {
        SecurityContextHolder.clearContext();
        if (signed) {
            SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("key-x", null, "ROLE_TRADER"));
        }
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
        request.setRemoteAddr(address);
        if (user != null) {
            request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        return new Outcome(response.getStatus(), text.isBlank() ? null : mapper.readTree(text), chain.getRequest() != null,
                response.getHeader("Retry-After"));
    }

    private Outcome signIn(String address, String user, String password) throws Exception {
        return call(address, user, password, false);
    }

    @Test
    void sprayingManyUserIdsFromOneAddressBlocksItsSignInsUntilTheBlockEnds() throws Exception {
        for (String user : List.of("admin", "root", "wang", "zhang")) {
            Outcome failed = signIn(SPRAYER, user, "Spring2026!");
            assertThat(failed.status()).isEqualTo(401);
            assertThat(failed.code()).isEqualTo("ICC-AUTH-FAILED");
        }

        Outcome blocked = signIn(SPRAYER, "wang", PASSWORD);
        assertThat(blocked.passed()).as("blocked even with the right password").isFalse();
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.code()).isEqualTo(AddressGate.CODE);
        assertThat(blocked.body().path("messageZh").asText() + blocked.body().path("detail").asText()).contains("地址");
        assertThat(blocked.body().path("fix").asText()).contains("Wait 900 second(s)");
        assertThat(blocked.body().path("retryAfter").asLong()).isEqualTo(900);
        assertThat(blocked.body().path("blockedUntil").asText()).isEqualTo(T0.plus(Duration.ofMinutes(15)).toString());
        assertThat(blocked.retryAfter()).isEqualTo("900");
        assertThat(records.entries(null, null, "wang", 10)).first().satisfies(e -> {
            assertThat(e.result()).isEqualTo(LoginResult.ADDRESS_BLOCKED);
            assertThat(e.address()).isEqualTo(SPRAYER);
        });
        assertThat(database.getCollection(AddressThrottle.COLLECTION).countDocuments()).as("one document per address").isEqualTo(1);

        assertThat(signIn("10.1.1.1", "wang", PASSWORD).passed()).as("another address signs in").isTrue();
        assertThat(call(SPRAYER, null, null, true).passed()).as("a signed request from the blocked address passes").isTrue();
        assertThat(call(SPRAYER, null, null, false).passed()).as("a request without HTTP Basic is not touched").isTrue();

        clock.set(T0.plus(Duration.ofMinutes(15)).minusMillis(1));
        assertThat(signIn(SPRAYER, "wang", PASSWORD).code()).isEqualTo(AddressGate.CODE);
        clock.set(T0.plus(Duration.ofMinutes(15)));
        assertThat(signIn(SPRAYER, "wang", PASSWORD).passed()).as("the block has ended").isTrue();
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotBlock() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(SPRAYER, "user" + i, "nope").code()).isEqualTo("ICC-AUTH-FAILED");
        }
        clock.set(T0.plus(Duration.ofMinutes(15)));
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(SPRAYER, "other" + i, "nope").code()).isEqualTo("ICC-AUTH-FAILED");
        }
        assertThat(signIn(SPRAYER, "wang", PASSWORD).passed()).isTrue();
        assertThat(records.entries(null, null, null, 100)).extracting(LoginRecords.Entry::result)
                .doesNotContain(LoginResult.ADDRESS_BLOCKED);
    }

    @Test
    void theSettingsAreChecked() {
        assertThatThrownBy(() -> new AddressThrottle(database, 0, Duration.ofMinutes(15),
                Duration.ofMinutes(15))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new AddressThrottle(database, 20, Duration.ZERO,
                Duration.ofMinutes(15))).isInstanceOf(IllegalStateException.class);
    }
}
