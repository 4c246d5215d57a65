package org.evgrid.icc.ledger.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.FindSignerKeyQuery;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.ScopeLevel;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.SignerKeyRegisteredEvent;
import org.evgrid.icc.coreapi.security.SignerKeyRevokedEvent;
import org.evgrid.icc.coreapi.security.SignerKeyView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyRegistryIT {

    private static final Instant REGISTERED = Instant.parse("2025-01-10T09:00:00Z");
    private static final Instant REVOKED = Instant.parse("2025-02-10T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC);
    private static final KeyPair ADMIN = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);
    private static final KeyPair PLATFORM = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);

    private EmbeddedMongo mongo;
    private KeyRegistry registry;
    private KeyRegistryProjection projection;

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo();
        registry = new KeyRegistry(mongo.database(), BootstrapKeys.administrator("admin-k1", Crypto.toPem(ADMIN.getPublic()), "admin"),
                CLOCK);
        projection = new KeyRegistryProjection(mongo.database(), registry);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private static SignerKeyRegisteredEvent platformKeyRegistered() {
        return new SignerKeyRegisteredEvent(new KeyId("op1-k1"), SignatureAlgorithm.SM2_SM3, Crypto.toPem(PLATFORM.getPublic()),
                "platform-OP-1", Set.of(Role.OPERATOR_PLATFORM), new OperatorId("OP-1"), new DataScope(ScopeLevel.PROVINCE, "32"));
    }

    private static SignerKeyRevokedEvent platformKeyRevoked() {
        return new SignerKeyRevokedEvent(new KeyId("op1-k1"), "platform-OP-1", new OperatorId("OP-1"), "key leaked");
    }

    @Test
    void registeredKeyIsFoundWithEverythingTheVerifierNeeds() {
        projection.on(platformKeyRegistered(), REGISTERED);

        SignerKeyView view = projection.handle(new FindSignerKeyQuery(new KeyId("op1-k1")));

        assertThat(view).isEqualTo(new SignerKeyView(new KeyId("op1-k1"), SignatureAlgorithm.SM2_SM3, Crypto.toPem(PLATFORM.getPublic()),
                "platform-OP-1", Set.of(Role.OPERATOR_PLATFORM), new OperatorId("OP-1"), new DataScope(ScopeLevel.PROVINCE, "32"), false,
                REGISTERED, null));
    }

    @Test
    void unknownKeyIsNotFoundAndAKeyRegisteredAfterTheLookupIsSeenAtOnce() {
        assertThat(projection.handle(new FindSignerKeyQuery(new KeyId("op1-k1")))).isNull();

        projection.on(platformKeyRegistered(), REGISTERED);

        assertThat(registry.find(new KeyId("op1-k1"))).isPresent();
    }

    @Test
    void revocationIsSeenAtOnceAndSurvivesAReplayOfTheRegistration() {
        projection.on(platformKeyRegistered(), REGISTERED);
        assertThat(registry.find(new KeyId("op1-k1")).orElseThrow().revoked()).isFalse();

        projection.on(platformKeyRevoked(), REVOKED);
        projection.on(platformKeyRegistered(), REGISTERED);
        projection.on(platformKeyRevoked(), REVOKED);

        SignerKeyView view = registry.find(new KeyId("op1-k1")).orElseThrow();
        assertThat(view.revoked()).isTrue();
        assertThat(view.revokedAt()).isEqualTo(REVOKED);
        assertThat(mongo.database().getCollection(KeyRegistry.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void bootstrapAdministratorIsKnownWithoutAnyEventAndCanBeRevoked() {
        SignerKeyView admin = registry.find(new KeyId("admin-k1")).orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.SYSTEM_ADMIN);
        assertThat(admin.ownerId()).isEqualTo("admin");
        assertThat(admin.algorithm()).isEqualTo(SignatureAlgorithm.SM2_SM3);

        projection.on(new SignerKeyRevokedEvent(new KeyId("admin-k1"), "admin", null, "replaced"), REVOKED);

        assertThat(registry.find(new KeyId("admin-k1")).orElseThrow().revoked()).isTrue();
    }

    @Test
    void revokedKeyStillVerifiesWhatItSignedBefore() {
        projection.on(platformKeyRegistered(), REGISTERED);
        SignedEnvelope envelope = new EnvelopeSigner().sign(TestCommands.registerPile("OP-1", "P-1"), "op1-k1", PLATFORM.getPrivate(),
                Clock.fixed(REGISTERED.plusSeconds(60), ZoneOffset.UTC), () -> "history-nonce-0001");
        projection.on(platformKeyRevoked(), REVOKED);

        assertThat(registry.verifyHistorical(envelope)).isTrue();
        byte[] stored = new String(Envelopes.signingInput(envelope), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        assertThat(registry.verifyHistorical(stored, Base64.getDecoder().decode(envelope.signature()), new KeyId("op1-k1"),
                SignatureAlgorithm.SM2_SM3)).isTrue();

        stored[stored.length - 2] ^= 1;
        assertThat(registry.verifyHistorical(stored, Base64.getDecoder().decode(envelope.signature()), new KeyId("op1-k1"),
                SignatureAlgorithm.SM2_SM3)).isFalse();
        assertThat(registry.verifyHistorical(Envelopes.signingInput(envelope), Base64.getDecoder().decode(envelope.signature()),
                new KeyId("op1-k1"), SignatureAlgorithm.ED25519)).isFalse();
        assertThat(registry.verifyHistorical(Envelopes.signingInput(envelope), Base64.getDecoder().decode(envelope.signature()),
                new KeyId("nobody"), SignatureAlgorithm.SM2_SM3)).isFalse();
    }

    @Test
    void otherNodesChangesAreSeenAfterTheCacheExpires() {
        Instant[] now = {CLOCK.instant()};
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        KeyRegistry thisNode = new KeyRegistry(mongo.database(), BootstrapKeys.none(), moving);
        KeyRegistryProjection otherNode = new KeyRegistryProjection(mongo.database(),
                new KeyRegistry(mongo.database(), BootstrapKeys.none(), moving));
        assertThat(thisNode.find(new KeyId("op1-k1"))).isEmpty();

        otherNode.on(platformKeyRegistered(), REGISTERED);
        assertThat(thisNode.find(new KeyId("op1-k1"))).as("cached").isEmpty();

        now[0] = now[0].plus(KeyRegistry.CACHE_TTL).plusSeconds(1);
        assertThat(thisNode.find(new KeyId("op1-k1"))).isPresent();
    }

    @Test
    void bootstrapKeyMustMatchItsConfiguredAlgorithm() {
        SignerKeyView wrong = new SignerKeyView(new KeyId("admin-k1"), SignatureAlgorithm.ED25519, Crypto.toPem(ADMIN.getPublic()), "admin",
                Set.of(Role.SYSTEM_ADMIN), null, DataScope.HEADQUARTERS, false, Instant.EPOCH, null);

        assertThatThrownBy(() -> new BootstrapKeys(List.of(wrong))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SM2_SM3");
        assertThatThrownBy(() -> BootstrapKeys.administrator("admin-k1", "not a key", "admin"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storedDocumentUsesTheKeyIdAsId() {
        projection.on(platformKeyRegistered(), REGISTERED);

        Document doc = mongo.database().getCollection(KeyRegistry.COLLECTION).find().first();
        assertThat(doc.getString("_id")).isEqualTo("op1-k1");
        assertThat(doc.getList("roles", String.class)).containsExactly("OPERATOR_PLATFORM");
    }
}
