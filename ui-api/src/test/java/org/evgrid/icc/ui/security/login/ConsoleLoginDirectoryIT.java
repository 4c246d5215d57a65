package org.evgrid.icc.ui.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.queryhandling.QueryGateway;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.FindPasswordStatusQuery;
import org.evgrid.icc.coreapi.security.FindUserCredentialsQuery;
import org.evgrid.icc.coreapi.security.PasswordStatusView;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.UserCredentialsView;
import org.evgrid.icc.ledger.secrets.SecretBox;
import org.evgrid.icc.ui.security.IccUserDetails;
import org.evgrid.icc.ui.security.ProblemWriter;
import org.evgrid.icc.ui.security.login.Directory.Verdict;
import org.evgrid.icc.ui.testing.EmbeddedMongo;
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
 * Console sign-in with a directory, over a real (in-memory) Mongo store and a directory whose answers the test sets: its
 * "right" signs in (even a password the center's rules or expiry would refuse; the one-time code still applies), its
 * "wrong" is refused and counted and never retried locally, a user it does not know signs in locally, and when it cannot
 * be reached the local password is used and logged as a fall-back — or, with falling back off, the answer is 503. Users
 * the center does not know or has disabled are refused whatever the directory would say, without asking it.
 */
class ConsoleLoginDirectoryIT {

    private static final String LOCAL = "Local#Pass2026";
    private static final String DIRECTORY = "Directory#Pass2026";
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    /** A directory that answers what the test says and remembers whom it was asked about. */
    private static final class SetDirectory implements Directory {
        private boolean unknown;
        private boolean down;
        private final List<String> asked = new ArrayList<>();

        @Override
        public Verdict authenticate(String user, String password) {
            asked.add(user);
            if (down) {
                return Verdict.UNAVAILABLE;
            }
            if (unknown) {
                return Verdict.UNKNOWN_USER;
            }
            return DIRECTORY.equals(password) ? Verdict.AUTHENTICATED : Verdict.WRONG_PASSWORD;
        }

        @Override
        public boolean reachable() {
            return !down;
        }
    }

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
    private final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().build();
    private final String hash = encoder.encode(LOCAL);
    private final SetDirectory directory = new SetDirectory();
    private EmbeddedMongo mongo;
    private LoginRecords records;
    private ConsoleLoginFilter filter;
    private Instant passwordSetAt = T0.minus(Duration.ofDays(10));

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo();
        records = new LoginRecords(mongo.database("icc"), Clock.fixed(T0, ZoneOffset.UTC),
                new LoginSettings(3, Duration.ofMinutes(15), Duration.ofDays(90), Duration.ofMinutes(5)),
                new SecretBox(List.of(SecretBox.newKey("k1", SecretBox.Algorithm.SM4_GCM))));
        useDirectory(true);
        SecurityContextHolder.clearContext();
    }

    private void useDirectory(boolean fallbackToLocal) {
        filter = new ConsoleLoginFilter(gateway(), encoder, records, new ProblemWriter(mapper), new DirectorySignIn(directory, fallbackToLocal));
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        mongo.close();
    }

    /** Knows wang (TRADER, password set at {@link #passwordSetAt}) and the disabled zhao. */
    private QueryGateway gateway() {
        return QueryGateways.answering(query -> {
            Object answer = null;
            if (query instanceof FindUserCredentialsQuery q && q.userId().value().equals("wang")) {
                answer = new UserCredentialsView(q.userId(), "王", hash, Set.of(Role.TRADER), DataScope.HEADQUARTERS, null, true);
            } else if (query instanceof FindUserCredentialsQuery q && q.userId().value().equals("zhao")) {
                answer = new UserCredentialsView(q.userId(), "赵", hash, Set.of(Role.TRADER), DataScope.HEADQUARTERS, null, false);
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

    private Outcome call(String user, String password, String totp) throws Exception {
        SecurityContextHolder.clearContext();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
        request.setRemoteAddr("10.1.2.3");
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
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

    private List<String> logged(String user) {
        return records.entries(null, null, user, 100).stream().map(e -> e.result() + "/" + e.source()).toList();
    }

    @Test
    void theDirectoryPasswordSignsInWithTheRolesOfTheCentersRegistryAndIsLoggedAsDirectory() throws Exception {
        Outcome ok = call("wang", DIRECTORY, null);

        assertThat(ok.passed()).isTrue();
        assertThat(ok.principal()).isInstanceOfSatisfying(IccUserDetails.class, u -> {
            assertThat(u.getUsername()).isEqualTo("wang");
            assertThat(u.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_TRADER");
        });
        assertThat(logged("wang")).containsExactly("SUCCESS/DIRECTORY");
        assertThat(mongo.database("icc").getCollection(LoginRecords.LOG).find().first().getString("source")).isEqualTo("DIRECTORY");
    }

    @Test
    void aWrongDirectoryPasswordIsRefusedCountedAndNeverTriedAgainstTheLocalHash() throws Exception {
        Outcome local = call("wang", LOCAL, null);
        assertThat(local.status()).isEqualTo(401);
        assertThat(local.code()).isEqualTo("ICC-AUTH-FAILED");
        assertThat(local.passed()).isFalse();
        assertThat(records.state("wang").failures()).isEqualTo(1);

        call("wang", "Wrong#2xx", null);
        Outcome locking = call("wang", "Wrong#3xx", null);
        assertThat(locking.code()).isEqualTo("ICC-AUTH-LOCKED");
        assertThat(call("wang", DIRECTORY, null).code()).as("a lock holds for the directory password too").isEqualTo("ICC-AUTH-LOCKED");
        assertThat(logged("wang")).containsExactly("LOCKED/null", "BAD_PASSWORD/DIRECTORY", "BAD_PASSWORD/DIRECTORY",
                "BAD_PASSWORD/DIRECTORY");
    }

    @Test
    void aSuccessThroughTheDirectoryEndsARunOfFailures() throws Exception {
        call("wang", "Wrong#1xx", null);
        call("wang", "Wrong#2xx", null);
        assertThat(call("wang", DIRECTORY, null).passed()).isTrue();
        assertThat(records.state("wang").failures()).isZero();
    }

    @Test
    void theCentersPasswordRulesAndExpiryDoNotApplyToADirectoryPasswordButTheOneTimeCodeDoes() throws Exception {
        passwordSetAt = T0.minus(Duration.ofDays(200));
        assertThat(call("wang", DIRECTORY, null).passed()).as("the local password's age is not the directory's").isTrue();

        String secret = Totp.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        records.enrolTotp("wang", secret, T0);
        assertThat(call("wang", DIRECTORY, null).code()).isEqualTo("ICC-AUTH-TOTP-REQUIRED");
        assertThat(call("wang", DIRECTORY, Totp.codeAt(secret, T0)).passed()).isTrue();
    }

    @Test
    void aUserTheDirectoryDoesNotKnowSignsInWithTheLocalPassword() throws Exception {
        directory.unknown = true;

        assertThat(call("wang", DIRECTORY, null).code()).isEqualTo("ICC-AUTH-FAILED");
        assertThat(call("wang", LOCAL, null).passed()).isTrue();
        assertThat(logged("wang")).containsExactly("SUCCESS/LOCAL", "BAD_PASSWORD/LOCAL");
    }

    @Test
    void whenTheDirectoryIsDownTheLocalPasswordIsUsedAndTheFallbackIsLogged() throws Exception {
        assertThat(call("wang", DIRECTORY, null).passed()).isTrue();
        directory.down = true;

        assertThat(call("wang", DIRECTORY, null).code()).as("the directory's password is not known locally").isEqualTo("ICC-AUTH-FAILED");
        Outcome local = call("wang", LOCAL, null);
        assertThat(local.passed()).isTrue();
        assertThat(logged("wang")).as("a fall-back success is logged even within the success interval")
                .containsExactly("SUCCESS/LOCAL_FALLBACK", "BAD_PASSWORD/LOCAL_FALLBACK", "SUCCESS/DIRECTORY");
    }

    @Test
    void whenTheDirectoryIsDownWithoutFallbackTheAnswerIs503AndNothingIsCounted() throws Exception {
        useDirectory(false);
        directory.down = true;

        Outcome refused = call("wang", LOCAL, null);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("ICC-AUTH-DIRECTORY-UNAVAILABLE");
        assertThat(refused.body().path("messageZh").asText()).isNotBlank();
        assertThat(refused.body().path("messageEn").asText()).isNotBlank();
        assertThat(refused.body().path("fix").asText()).contains("fallback-to-local");
        assertThat(refused.passed()).isFalse();
        assertThat(records.state("wang").failures()).isZero();
        assertThat(logged("wang")).containsExactly("DIRECTORY_UNAVAILABLE/DIRECTORY");
    }

    @Test
    void unknownAndDisabledCenterUsersAreRefusedAlikeWithoutAskingTheDirectory() throws Exception {
        Outcome unknown = call("nobody", DIRECTORY, null);
        Outcome disabled = call("zhao", DIRECTORY, null);
        Outcome injection = call("*)(uid=*", DIRECTORY, null);

        assertThat(unknown.body()).isEqualTo(disabled.body()).isEqualTo(injection.body());
        assertThat(unknown.code()).isEqualTo("ICC-AUTH-FAILED");
        assertThat(disabled.passed()).isFalse();
        assertThat(directory.asked).isEmpty();
        assertThat(logged("zhao")).containsExactly("DISABLED/LOCAL");
    }
}
