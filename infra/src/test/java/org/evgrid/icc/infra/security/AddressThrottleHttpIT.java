package org.evgrid.icc.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
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
import org.evgrid.icc.ui.security.login.AddressThrottle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Password spraying over real HTTP: more failed HTTP Basic sign-ins from one address than
 * {@code icc.security.max-failed-logins-per-address} (3 here), each for another user id, block that address's sign-ins
 * (429 {@code ICC-AUTH-ADDRESS-BLOCKED}, the right password included) until {@code icc.security.address-lockout} (3 s here)
 * has passed; signed requests from the same address pass; the login log shows ADDRESS_BLOCKED.
 */
@SpringBootTest(classes = IccApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AddressThrottleHttpIT {

    private static final Path DATA = tempDir();
    private static final String PASSWORD = "Spray-Test-2026!";
    private static final String USER = "spray.trader";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("icc.data-dir", DATA::toString);
        registry.add("icc.demo.enabled", () -> "false");
        registry.add("icc.security.max-failed-logins-per-address", () -> "3");
        registry.add("icc.security.address-lockout", () -> "3s");
        registry.add("icc.security.login-log-success-interval", () -> "0s");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase mongo;

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("icc-spray-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sprayingUserIdsFromOneAddressBlocksItsSignInsButNotItsSignedRequests() throws IOException {
        CenterClient client = new CenterClient("http://localhost:" + port);
        TestWorld world = new TestWorld(client, DATA);
        Answer registered = client.send(new RegisterUserCommand(new UserId(USER), "撒网测试", Set.of(Role.TRADER), DataScope.HEADQUARTERS,
                null, new BCryptPasswordEncoder(4).encode(PASSWORD)), world.admin().keyId(), world.admin().key());
        assertThat(registered.status()).as("%s", registered.body()).isEqualTo(200);
        Party auditor = world.keyWithRole("key-spray-auditor", Role.AUDITOR, SignatureAlgorithm.ED25519);
        assertThat(client.get("/api/v1/me", USER, PASSWORD).status()).isEqualTo(200);

        for (String user : List.of("admin", "root", "operator", "test")) {
            Answer failed = client.get("/api/v1/me", user, "Summer2026!");
            assertThat(failed.status()).isEqualTo(401);
            assertThat(failed.code()).isEqualTo("ICC-AUTH-FAILED");
        }
        Answer blocked = client.get("/api/v1/me", USER, PASSWORD);
        assertThat(blocked.status()).as("%s", blocked.body()).isEqualTo(429);
        assertThat(blocked.code()).isEqualTo("ICC-AUTH-ADDRESS-BLOCKED");
        assertThat(blocked.body().path("retryAfter").asLong()).isBetween(1L, 3L);
        assertThat(blocked.body().path("fix").asText()).isNotBlank();
        Document state = mongo.getCollection(AddressThrottle.COLLECTION).find().first();
        assertThat(state).isNotNull();
        assertThat(state.get("blockedUntil")).isNotNull();

        Answer logins = client.signedGet("/api/v1/security/logins?user=" + USER + "&limit=5", auditor.keyId(), auditor.key());
        assertThat(logins.status()).as("a signed request from the blocked address passes: %s", logins.body()).isEqualTo(200);
        assertThat(logins.body().toString()).contains("ADDRESS_BLOCKED");

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> client.get("/api/v1/me", USER, PASSWORD).status() == 200);
        assertThat(mongo.getCollection(AddressThrottle.COLLECTION).countDocuments(Filters.exists("blockedUntil"))).isEqualTo(1);
    }
}
