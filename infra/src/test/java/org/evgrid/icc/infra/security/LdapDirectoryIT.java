package org.evgrid.icc.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.RegisterUserCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.UserId;
import org.evgrid.icc.infra.IccApplication;
import org.evgrid.icc.infra.support.CenterClient;
import org.evgrid.icc.infra.support.CenterClient.Answer;
import org.evgrid.icc.infra.support.ConsoleHttp;
import org.evgrid.icc.infra.support.Slapd;
import org.evgrid.icc.infra.support.TestDirs;
import org.evgrid.icc.infra.support.TestWorld;
import org.evgrid.icc.ui.security.login.Directory.Verdict;
import org.evgrid.icc.ui.security.login.DirectorySignIn;
import org.evgrid.icc.ui.security.login.ldap.LdapDirectory;
import org.evgrid.icc.ui.security.login.ldap.LdapSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Console sign-in against a real OpenLDAP slapd (R-6.2c, R-8.2d), over real HTTP: a user the directory and the center both
 * know signs in with the directory's password (the roles are the center's), never with the local one while the directory
 * answers; a wrong directory password is refused; a user only the center knows signs in locally; a user only the directory
 * knows is refused; names that would change the LDAP filter or DN match nobody. When slapd is stopped the same user signs
 * in with the local password, the login log says LOCAL_FALLBACK and the self-diagnosis lists the directory as not
 * answering. Fails (does not skip) without /usr/sbin/slapd.
 */
@SpringBootTest(classes = IccApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LdapDirectoryIT {

    private static final Path DATA = TestDirs.temp("icc-ldap-it");
    private static final String ALICE = "ldap.alice";
    private static final String CAROL = "ldap.carol";
    private static final String LOCAL_ONLY = "ldap.local";
    private static final String DIRECTORY_PASSWORD = "Alice-Directory-2026!";
    private static final String LOCAL_PASSWORD = "Alice-Local-2026!";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Slapd slapd;

    @BeforeAll
    static void startSlapd() throws IOException {
        slapd = Slapd.start();
        slapd.addPerson(ALICE, "Alice", DIRECTORY_PASSWORD);
        slapd.addPerson(CAROL, "Carol", DIRECTORY_PASSWORD);
    }

    @AfterAll
    static void stopSlapd() throws InterruptedException {
        if (slapd != null) {
            slapd.stop();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("icc.data-dir", DATA::toString);
        registry.add("icc.demo.enabled", () -> "false");
        registry.add("icc.security.login-log-success-interval", () -> "0s");
        registry.add("icc.security.ldap.enabled", () -> "true");
        registry.add("icc.security.ldap.urls", () -> slapd.url());
        registry.add("icc.security.ldap.base", () -> Slapd.BASE);
        registry.add("icc.security.ldap.user-search-base", () -> "ou=people");
        registry.add("icc.security.ldap.user-search-filter", () -> "(&(objectClass=inetOrgPerson)(uid={0}))");
        registry.add("icc.security.ldap.manager-dn", () -> Slapd.ROOT_DN);
        registry.add("icc.security.ldap.manager-password", () -> Slapd.ROOT_PASSWORD);
        registry.add("icc.security.ldap.connect-timeout", () -> "2s");
        registry.add("icc.security.ldap.read-timeout", () -> "5s");
        registry.add("icc.security.ldap.fallback-to-local", () -> "true");
    }

    @LocalServerPort
    int port;

    @Autowired
    DirectorySignIn directorySignIn;

    private ConsoleHttp http;

    @BeforeEach
    void connect() {
        http = new ConsoleHttp(port);
    }

    @Test
    void directoryPasswordsSignInWhileTheDirectoryAnswersAndLocalPasswordsWhenItIsDown() throws Exception {
        CenterClient client = new CenterClient("http://localhost:" + port);
        TestWorld world = new TestWorld(client, DATA);
        String localHash = new BCryptPasswordEncoder(4).encode(LOCAL_PASSWORD);
        for (String[] u : new String[][] {{ALICE, "AUDITOR"}, {LOCAL_ONLY, "TRADER"}}) {
            CenterClient.Answer a = client.send(new RegisterUserCommand(new UserId(u[0]), "目录测试 " + u[0], Set.of(Role.valueOf(u[1])),
                    DataScope.HEADQUARTERS, null, localHash), world.admin().keyId(), world.admin().key());
            assertThat(a.status()).as("%s", a.body()).isEqualTo(200);
        }
        assertThat(directorySignIn.enabled()).isTrue();

        // (1) the directory is up: its password signs in with the center's roles; the local one does not
        Answer me = get("/api/v1/me", ALICE, DIRECTORY_PASSWORD);
        assertThat(me.status()).as("%s", me.body()).isEqualTo(200);
        assertThat(me.body().toString()).contains("AUDITOR");
        refused(get("/api/v1/me", ALICE, LOCAL_PASSWORD));
        refused(get("/api/v1/me", ALICE, "Wrong-Directory-2026!"));
        assertThat(latest(ALICE, DIRECTORY_PASSWORD, 3)).containsExactly("BAD_PASSWORD/DIRECTORY", "BAD_PASSWORD/DIRECTORY",
                "SUCCESS/DIRECTORY");
        assertThat(get("/api/v1/security/logins", ALICE, DIRECTORY_PASSWORD).status()).as("the role is the center's").isEqualTo(200);
        assertThat(directoryInDiagnosis(DIRECTORY_PASSWORD).path("reachable").asBoolean()).isTrue();

        // (2) a user the directory does not know signs in with the center's password (break-glass, service accounts)
        assertThat(get("/api/v1/me", LOCAL_ONLY, LOCAL_PASSWORD).status()).isEqualTo(200);
        assertThat(latest(LOCAL_ONLY, DIRECTORY_PASSWORD, 1)).containsExactly("SUCCESS/LOCAL");
        // a user only the directory knows gets no access: authorization comes from the signed user registry only
        refused(get("/api/v1/me", CAROL, DIRECTORY_PASSWORD));

        // (3) injection: names that would widen the filter or change the DN match nobody
        refused(get("/api/v1/me", "*)(uid=*", DIRECTORY_PASSWORD));
        refused(get("/api/v1/me", "ldap.ali*", DIRECTORY_PASSWORD));
        assertThat(directorySignIn.directory().authenticate("ldap.ali*", DIRECTORY_PASSWORD)).as("filter escaped")
                .isEqualTo(Verdict.UNKNOWN_USER);
        assertThat(directorySignIn.directory().authenticate("*)(uid=*", DIRECTORY_PASSWORD)).isEqualTo(Verdict.UNKNOWN_USER);
        assertThat(directorySignIn.directory().authenticate("*", DIRECTORY_PASSWORD)).isEqualTo(Verdict.UNKNOWN_USER);
        assertThat(directorySignIn.directory().authenticate(ALICE, DIRECTORY_PASSWORD)).isEqualTo(Verdict.AUTHENTICATED);
        // the DN-pattern way (anonymous look-up, then bind) against the same server
        LdapDirectory byDn = new LdapDirectory(new LdapSettings(List.of(slapd.url()), Slapd.BASE, "uid={0},ou=people", null, null, null,
                null, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30)), Clock.systemUTC());
        assertThat(byDn.authenticate(ALICE, DIRECTORY_PASSWORD)).isEqualTo(Verdict.AUTHENTICATED);
        assertThat(byDn.authenticate(ALICE, LOCAL_PASSWORD)).isEqualTo(Verdict.WRONG_PASSWORD);
        assertThat(byDn.authenticate("ldap.nobody", DIRECTORY_PASSWORD)).isEqualTo(Verdict.UNKNOWN_USER);
        assertThat(byDn.authenticate("ldap.alice,ou=people", DIRECTORY_PASSWORD)).as("DN escaped").isEqualTo(Verdict.UNKNOWN_USER);
        assertThat(byDn.authenticate("*", DIRECTORY_PASSWORD)).isEqualTo(Verdict.UNKNOWN_USER);

        // (4) the directory goes down: the local password signs in, logged as a fall-back; the directory's does not
        slapd.stop();
        assertThat(slapd.running()).isFalse();
        Answer fallback = get("/api/v1/me", ALICE, LOCAL_PASSWORD);
        assertThat(fallback.status()).as("%s", fallback.body()).isEqualTo(200);
        refused(get("/api/v1/me", ALICE, DIRECTORY_PASSWORD));
        assertThat(directorySignIn.directory().reachable()).isFalse();
        assertThat(latest(ALICE, LOCAL_PASSWORD, 2)).containsExactly("BAD_PASSWORD/LOCAL_FALLBACK", "SUCCESS/LOCAL_FALLBACK");
        JsonNode down = directoryInDiagnosis(LOCAL_PASSWORD);
        assertThat(down.path("reachable").asBoolean()).isFalse();
        assertThat(down.path("detail").asText()).contains("local passwords");
    }

    /** The directory among the stores of the self-diagnosis, read by alice (AUDITOR). */
    private JsonNode directoryInDiagnosis(String alicePassword) throws Exception {
        Answer diagnosis = get("/api/v1/diagnosis", ALICE, alicePassword);
        assertThat(diagnosis.status()).as("%s", diagnosis.body()).isEqualTo(200);
        for (JsonNode store : diagnosis.body().path("stores")) {
            if ("directory".equals(store.path("name").asText())) {
                return store;
            }
        }
        throw new AssertionError("no directory in the diagnosis: " + diagnosis.body());
    }

    private static void refused(Answer a) {
        assertThat(a.status()).as("%s", a.body()).isEqualTo(401);
        assertThat(a.code()).isEqualTo("ICC-AUTH-FAILED");
        assertThat(a.body().path("messageZh").asText()).isNotBlank();
        assertThat(a.body().path("fix").asText()).isNotBlank();
    }

    /**
     * The newest entries of the user's login log as result/source, read by alice (AUDITOR) with the given password (for
     * alice, without the entry of this very request).
     */
    private List<String> latest(String user, String alicePassword, int n) throws Exception {
        boolean self = ALICE.equals(user);
        Answer log = get("/api/v1/security/logins?user=" + user + "&limit=" + (self ? n + 1 : n), ALICE, alicePassword);
        assertThat(log.status()).as("%s", log.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode e : log.body().path("items")) {
            out.add(e.path("result").asText() + "/" + e.path("source").asText());
        }
        return self ? out.subList(1, out.size()) : out;
    }

    private Answer get(String path, String user, String password) throws Exception {
        return http.get(path, ConsoleHttp.basic(user, password));
    }
}
