package org.evgrid.icc.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.evgrid.icc.coreapi.archive.ImportBatchId;
import org.evgrid.icc.coreapi.archive.ImportPilesCommand;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileSpec;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.RegisterOperatorCommand;
import org.evgrid.icc.coreapi.archive.RegisterPileCommand;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.CenterCommands;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.RegisterSignerKeyCommand;
import org.evgrid.icc.coreapi.security.RevokeSignerKeyCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.infra.support.CenterClient;
import org.evgrid.icc.infra.support.CenterClient.Answer;
import org.evgrid.icc.infra.support.TestWorld;
import org.evgrid.icc.infra.support.TestWorld.Party;
import org.evgrid.icc.ledger.signing.Crypto;
import org.evgrid.icc.ledger.signing.Envelopes;
import org.evgrid.icc.ledger.signing.SignedEnvelope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The spine over real HTTP and real stores: signed command → verified → event stored → chained into the ledger →
 * projected into the MongoDB store → queried. Every refusal leaves no event.
 */
@SpringBootTest(classes = IccApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignedCommandPathIT {

    private static final Path DATA = tempDir();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("icc.data-dir", DATA::toString);
        registry.add("icc.demo.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CenterCommands centerCommands;

    private CenterClient client;
    private TestWorld world;
    private static Party archivist;
    private static Party platform;

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("icc-path-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        client = new CenterClient("http://localhost:" + port);
        world = new TestWorld(client, DATA);
        synchronized (SignedCommandPathIT.class) {
            if (archivist == null) {
                archivist = world.keyWithRole("key-archivist-it", Role.ARCHIVE_MANAGER, SignatureAlgorithm.SM2_SM3);
                platform = world.operator(archivist, "OP-IT-A", TestWorld.creditCode("91320100MA1JTAAA1"));
                world.station(platform, "OP-IT-A", "ST-IT-A1");
            }
        }
    }

    private long events() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return n == null ? 0 : n;
    }

    private RegisterPileCommand pile(String id) {
        return new RegisterPileCommand(new OperatorId("OP-IT-A"), new PileId(id), new StationId("ST-IT-A1"), PileType.DC,
                new BigDecimal("60.000"), new BigDecimal("10.000"), BigDecimal.ZERO, 2);
    }

    private void assertRefusedWithoutEvent(Answer answer, int status, String code, long eventsBefore) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.body().get("messageZh").asText()).isNotBlank();
        assertThat(answer.body().get("messageEn").asText()).isNotBlank();
        assertThat(answer.body().get("fix").asText()).isNotBlank();
        assertThat(events()).as("a refused command leaves no event").isEqualTo(eventsBefore);
    }

    @Test
    void aSignedPileRegistrationIsStoredChainedProjectedAndQueryable() {
        Answer sent = client.send(pile("P-IT-FLOW-1"), platform.keyId(), platform.key());
        assertThat(sent.status()).as("%s", sent.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer pile = client.signedGet("/api/v1/piles/P-IT-FLOW-1", platform.keyId(), platform.key());
            assertThat(pile.status()).as("%s", pile.body()).isEqualTo(200);
            assertThat(pile.body().get("operatorId").asText()).isEqualTo("OP-IT-A");
            assertThat(pile.body().get("dispatchAreaId").asText()).isEqualTo("DA-JS-NJ");
            assertThat(pile.body().get("ratedPowerKw").decimalValue()).isEqualByComparingTo("60");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer verify = client.signedGet("/api/v1/ledger/verify", archivist.keyId(), archivist.key());
            assertThat(verify.status()).isEqualTo(403);
            Answer auditorView = client.get("/api/v1/ledger/verify", null, null);
            assertThat(auditorView.status()).isEqualTo(401);
        });
        Party auditor = world.keyWithRole("key-auditor-flow", Role.AUDITOR, SignatureAlgorithm.ECDSA_P256);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer verify = client.signedGet("/api/v1/ledger/verify", auditor.keyId(), auditor.key());
            assertThat(verify.status()).as("%s", verify.body()).isEqualTo(200);
            assertThat(verify.body().get("intact").asBoolean()).isTrue();
            assertThat(verify.body().get("headSeq").asLong() + 1).isEqualTo(events());
        });
        Answer entries = client.signedGet("/api/v1/ledger/entries?from=0&limit=1000", auditor.keyId(), auditor.key());
        assertThat(entries.body().get("items").findValuesAsText("signer")).contains("operator:OP-IT-A");
    }

    @Test
    void aBulkImportOfAThousandPilesIsAllOrNothing() {
        List<PileSpec> specs = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            specs.add(new PileSpec(new PileId("P-IT-BULK-" + i), new StationId("ST-IT-A1"), PileType.AC, new BigDecimal("7.000"),
                    new BigDecimal("1.400"), BigDecimal.ZERO, 1));
        }
        List<PileSpec> faulty = new java.util.ArrayList<>(specs);
        faulty.set(500, new PileSpec(new PileId("P-IT-BULK-500"), new StationId("ST-IT-A1"), PileType.AC, new BigDecimal("-7.000"),
                BigDecimal.ZERO, BigDecimal.ZERO, 1));
        long before = events();
        Answer refused = client.send(new ImportPilesCommand(new ImportBatchId("B-IT-1"), new OperatorId("OP-IT-A"), faulty),
                platform.keyId(), platform.key());
        assertRefusedWithoutEvent(refused, 422, "ICC-IMPORT-REJECTED", before);
        assertThat(refused.body().get("items")).hasSize(1);
        assertThat(refused.body().get("items").get(0).get("index").asInt()).isEqualTo(500);

        Answer accepted = client.send(new ImportPilesCommand(new ImportBatchId("B-IT-2"), new OperatorId("OP-IT-A"), specs),
                platform.keyId(), platform.key());
        assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(200);
        assertThat(events()).isEqualTo(before + 1001);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Answer count = client.signedGet("/api/v1/piles/count?by=STATION&key=ST-IT-A1", platform.keyId(), platform.key());
            assertThat(count.status()).as("%s", count.body()).isEqualTo(200);
            assertThat(count.body().get("total").asLong()).isGreaterThanOrEqualTo(1000);
        });
        // the read models are eventually consistent: the operator's listing may follow the station's count a moment later
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Answer page = client.signedGet("/api/v1/piles?by=OPERATOR&key=OP-IT-A&page=0&size=10&order=desc", platform.keyId(),
                    platform.key());
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().get("items")).hasSize(10);
        });
    }

    @Test
    void aTamperedBodyIsRefused() {
        SignedEnvelope e = client.sign(pile("P-IT-TAMPER"), platform.keyId(), platform.key());
        ObjectNode json = Envelopes.toJson(e);
        ((ObjectNode) json.get("payload")).put("ratedPowerKw", 600);
        long before = events();
        assertRefusedWithoutEvent(client.post(json.toString()), 401, "ICC-SIG-INVALID", before);
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        KeyPair other = Crypto.generateKeyPair(SignatureAlgorithm.ED25519);
        long before = events();
        assertRefusedWithoutEvent(client.send(pile("P-IT-WRONGKEY"), platform.keyId(), other.getPrivate()), 401, "ICC-SIG-INVALID", before);
    }

    @Test
    void anUnknownKeyIsRefused() {
        KeyPair other = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);
        long before = events();
        assertRefusedWithoutEvent(client.send(pile("P-IT-UNKNOWN"), "key-nobody", other.getPrivate()), 401, "ICC-SIG-UNKNOWN-KEY", before);
    }

    @Test
    void aRevokedKeyVerifiesHistoryButSignsNothingNew() {
        Party temp = world.keyWithRole("key-temp-archivist", Role.ARCHIVE_MANAGER, SignatureAlgorithm.SM2_SM3);
        Answer revoked = client.send(new RevokeSignerKeyCommand(new KeyId("key-temp-archivist"), "离职 / left the company"),
                world.admin().keyId(), world.admin().key());
        assertThat(revoked.status()).as("%s", revoked.body()).isEqualTo(200);
        long before = events();
        Answer a = client.send(new RegisterOperatorCommand(new OperatorId("OP-IT-REVOKED"), "x", TestWorld.creditCode("91320100MA1JTRWK1"),
                null, BigDecimal.ONE, List.of()), temp.keyId(), temp.key());
        assertRefusedWithoutEvent(a, 401, "ICC-SIG-KEY-REVOKED", before);
    }

    @Test
    void aReplayedNonceIsRefused() {
        SignedEnvelope e = client.sign(pile("P-IT-REPLAY"), platform.keyId(), platform.key());
        assertThat(client.post(e).status()).isEqualTo(200);
        long before = events();
        assertRefusedWithoutEvent(client.post(e), 409, "ICC-SIG-REPLAY", before);
    }

    @Test
    void aStaleTimestampIsRefused() {
        Clock tenMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
        SignedEnvelope e = client.sign(pile("P-IT-STALE"), platform.keyId(), platform.key(), tenMinutesAgo);
        long before = events();
        assertRefusedWithoutEvent(client.post(e), 401, "ICC-SIG-STALE", before);
    }

    @Test
    void anAlgorithmOtherThanTheKeysIsRefused() {
        SignedEnvelope e = client.sign(pile("P-IT-ALG"), platform.keyId(), platform.key());
        byte[] input = Envelopes.signingInput(e.commandType(), e.payload(), e.keyId(), SignatureAlgorithm.ECDSA_P256, e.timestamp(), e.nonce());
        KeyPair p256 = Crypto.generateKeyPair(SignatureAlgorithm.ECDSA_P256);
        String sig = Base64.getEncoder().encodeToString(Crypto.sign(SignatureAlgorithm.ECDSA_P256, p256.getPrivate(), input));
        SignedEnvelope claimed = new SignedEnvelope(e.commandType(), e.payload(), e.keyId(), SignatureAlgorithm.ECDSA_P256, e.timestamp(),
                e.nonce(), sig);
        long before = events();
        assertRefusedWithoutEvent(client.post(claimed), 401, "ICC-SIG-ALG-MISMATCH", before);
    }

    @Test
    void aSystemAdministratorCannotIssueBusinessCommands() {
        long before = events();
        Answer a = client.send(new RegisterOperatorCommand(new OperatorId("OP-IT-ADMIN"), "x", TestWorld.creditCode("91320100MA1JTADM1"),
                null, BigDecimal.ONE, List.of()), world.admin().keyId(), world.admin().key());
        assertRefusedWithoutEvent(a, 403, "ICC-SIG-ROLE", before);
    }

    @Test
    void theCentersOwnServiceKeyGoesThroughTheSameChecksAndCannotDoAPersonsBusiness() {
        long before = events();
        assertThatThrownBy(() -> centerCommands.send(new RegisterOperatorCommand(new OperatorId("OP-IT-CENTER"), "x",
                TestWorld.creditCode("91320100MA1JTCEN1"), null, BigDecimal.ONE, List.of())))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-SIG-ROLE"));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anOperatorPlatformCannotActForAnotherOperator() {
        long before = events();
        Answer a = client.send(new RegisterPileCommand(new OperatorId("OP-OTHER"), new PileId("P-IT-OTHER"), new StationId("ST-IT-A1"),
                PileType.AC, new BigDecimal("7"), BigDecimal.ZERO, BigDecimal.ZERO, 1), platform.keyId(), platform.key());
        assertRefusedWithoutEvent(a, 403, "ICC-SCOPE-OPERATOR", before);
    }

    @Test
    void badInputGetsAClearProblemAndNeverA500() {
        long before = events();
        Answer malformed = client.post("{\"commandType\": \"RegisterPile\", ");
        assertRefusedWithoutEvent(malformed, 400, "ICC-REQ-MALFORMED", before);

        SignedEnvelope e = client.sign(pile("P-IT-BAD"), platform.keyId(), platform.key());
        ObjectNode unknownType = Envelopes.toJson(e).put("commandType", "LaunchRocket");
        assertRefusedWithoutEvent(client.post(unknownType.toString()), 400, "ICC-SIG-TYPE", before);

        ObjectNode badId = Envelopes.toJson(e);
        ((ObjectNode) badId.get("payload")).put("pileId", "bad id with spaces");
        Answer a = client.post(badId.toString());
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("field").asText()).contains("pileId");
        assertThat(events()).isEqualTo(before);

        ObjectNode noNonce = Envelopes.toJson(e);
        noNonce.remove("nonce");
        Answer missing = client.post(noNonce.toString());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("field").asText()).isEqualTo("nonce");
        assertThat(events()).isEqualTo(before);
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointAndEveryCommandIsDocumentedInOpenApi() {
        Answer docs = client.get("/v3/api-docs", null, null);
        assertThat(docs.status()).isEqualTo(200);
        int checked = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            for (String path : entry.getKey().getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                    assertThat(docs.body().path("paths").path(path).has(method.name().toLowerCase(java.util.Locale.ROOT)))
                            .as("%s %s is documented", method, path).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(12);
        for (String type : org.evgrid.icc.coreapi.security.CommandTypes.all().keySet()) {
            assertThat(docs.body().path("x-icc-commands").has(type)).as("command %s documented", type).isTrue();
            assertThat(docs.body().path("components").path("schemas").has("Command." + type)).isTrue();
        }
    }

    @Test
    void anOperatorPlatformRotatesItsOwnKeyButNoOneElses() {
        KeyPair next = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);
        Answer registered = client.send(new RegisterSignerKeyCommand(new KeyId("key-OP-IT-A-2"), SignatureAlgorithm.SM2_SM3,
                Crypto.toPem(next.getPublic()), "operator:OP-IT-A", Set.of(Role.OPERATOR_PLATFORM), new OperatorId("OP-IT-A"),
                DataScope.HEADQUARTERS), platform.keyId(), platform.key());
        assertThat(registered.status()).as("%s", registered.body()).isEqualTo(200);
        assertThat(client.send(pile("P-IT-ROTATED"), "key-OP-IT-A-2", next.getPrivate()).status()).isEqualTo(200);

        long before = events();
        Answer foreign = client.send(new RegisterSignerKeyCommand(new KeyId("key-OP-OTHER-x"), SignatureAlgorithm.SM2_SM3,
                Crypto.toPem(next.getPublic()), "operator:OP-OTHER", Set.of(Role.OPERATOR_PLATFORM), new OperatorId("OP-OTHER"),
                DataScope.HEADQUARTERS), "key-OP-IT-A-2", next.getPrivate());
        assertThat(foreign.status()).as("%s", foreign.body()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
        Answer elevated = client.send(new RegisterSignerKeyCommand(new KeyId("key-OP-IT-A-3"), SignatureAlgorithm.SM2_SM3,
                Crypto.toPem(next.getPublic()), "operator:OP-IT-A", Set.of(Role.ARCHIVE_MANAGER), new OperatorId("OP-IT-A"),
                DataScope.HEADQUARTERS), "key-OP-IT-A-2", next.getPrivate());
        assertThat(elevated.status()).as("%s", elevated.body()).isIn(400, 403);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        String big = "{\"commandType\":\"RegisterPile\",\"payload\":{\"x\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}}";
        long before = events();
        Answer a = client.post(big);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.code()).isEqualTo("ICC-REQ-TOO-LARGE");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void readsNeedAnAccountAndAdministratorsDoNoBusinessReads() {
        assertThat(client.get("/api/v1/operators", null, null).status()).isEqualTo(401);
        assertThat(client.signedGet("/api/v1/operators", world.admin().keyId(), world.admin().key()).status()).isEqualTo(403);
        Answer own = client.signedGet("/api/v1/operators", platform.keyId(), platform.key());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().get("items").findValuesAsText("operatorId")).containsOnly("OP-IT-A");
    }
}
