package org.evgrid.icc.ledger.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.AuthenticateSignedRequestQuery;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.SignerKeyRegisteredEvent;
import org.evgrid.icc.coreapi.security.SignerKeyRevokedEvent;
import org.evgrid.icc.coreapi.security.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignedRequestAuthenticatorIT {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final KeyPair PLATFORM = Crypto.generateKeyPair(SignatureAlgorithm.ECDSA_P256);
    private static final KeyPair OLD = Crypto.generateKeyPair(SignatureAlgorithm.ED25519);

    private EmbeddedMongo mongo;
    private SignedRequestAuthenticator authenticator;
    private int nonce;

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo();
        KeyRegistry registry = new KeyRegistry(mongo.database(), BootstrapKeys.none(), CLOCK);
        KeyRegistryProjection projection = new KeyRegistryProjection(mongo.database(), registry);
        projection.on(new SignerKeyRegisteredEvent(new KeyId("op1-k1"), SignatureAlgorithm.ECDSA_P256, Crypto.toPem(PLATFORM.getPublic()),
                "platform-OP-1", Set.of(Role.OPERATOR_PLATFORM), new OperatorId("OP-1"), DataScope.HEADQUARTERS), NOW.minusSeconds(600));
        projection.on(new SignerKeyRegisteredEvent(new KeyId("old-k1"), SignatureAlgorithm.ED25519, Crypto.toPem(OLD.getPublic()),
                "u-old", Set.of(Role.REGULATOR), null, DataScope.HEADQUARTERS), NOW.minusSeconds(600));
        projection.on(new SignerKeyRevokedEvent(new KeyId("old-k1"), "u-old", null, "retired"), NOW.minusSeconds(300));
        authenticator = new SignedRequestAuthenticator(registry, mongo.database(), CLOCK);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private SignedRequest signed(String keyId, KeyPair pair, Clock clock) {
        return SignedRequest.sign("GET", "/api/v1/piles/P-1?view=full", keyId, Crypto.algorithmOf(pair.getPrivate()), pair.getPrivate(),
                clock, () -> "request-nonce-%04d".formatted(++nonce));
    }

    private void assertRefused(AuthenticateSignedRequestQuery query, ErrorCategory category, String code) {
        assertThatThrownBy(() -> authenticator.handle(query)).isInstanceOfSatisfying(IccException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.category()).isEqualTo(category);
        });
    }

    @Test
    void validRequestAnswersTheKeysViewer() {
        Viewer viewer = authenticator.handle(signed("op1-k1", PLATFORM, CLOCK).toQuery());

        assertThat(viewer).isEqualTo(new Viewer("platform-OP-1", Set.of(Role.OPERATOR_PLATFORM), new OperatorId("OP-1"),
                DataScope.HEADQUARTERS));
    }

    @Test
    void sameRequestTwiceIsAReplay() {
        AuthenticateSignedRequestQuery query = signed("op1-k1", PLATFORM, CLOCK).toQuery();
        authenticator.handle(query);

        assertRefused(query, ErrorCategory.CONFLICT, "ICC-SIG-REPLAY");
    }

    @Test
    void requestForAnotherPathDoesNotVerify() {
        SignedRequest request = signed("op1-k1", PLATFORM, CLOCK);
        AuthenticateSignedRequestQuery otherPath = new AuthenticateSignedRequestQuery("GET", "/api/v1/piles/P-2", new KeyId("op1-k1"),
                request.timestamp(), request.nonce(), request.signature());

        assertRefused(otherPath, ErrorCategory.UNAUTHENTICATED, "ICC-SIG-INVALID");
        assertThat(authenticator.handle(request.toQuery()).principal()).as("the failed attempt burnt no nonce").isEqualTo("platform-OP-1");
    }

    @Test
    void unknownRevokedStaleAndMissingAreRefused() {
        assertRefused(signed("nobody-k1", PLATFORM, CLOCK).toQuery(), ErrorCategory.UNAUTHENTICATED, "ICC-SIG-UNKNOWN-KEY");
        assertRefused(signed("old-k1", OLD, CLOCK).toQuery(), ErrorCategory.UNAUTHENTICATED, "ICC-SIG-KEY-REVOKED");
        assertRefused(signed("op1-k1", PLATFORM, Clock.offset(CLOCK, Duration.ofMinutes(-6))).toQuery(), ErrorCategory.UNAUTHENTICATED,
                "ICC-SIG-STALE");
        assertRefused(new AuthenticateSignedRequestQuery("GET", "/api/v1/piles", new KeyId("op1-k1"), NOW.toString(),
                "request-nonce-9999", null), ErrorCategory.UNAUTHENTICATED, "ICC-SIG-MISSING");
        assertRefused(new AuthenticateSignedRequestQuery("GET", "/api/v1/piles", null, NOW.toString(), "request-nonce-9999", "AAAA"),
                ErrorCategory.UNAUTHENTICATED, "ICC-SIG-MISSING");
        assertRefused(new AuthenticateSignedRequestQuery("GET", "/api/v1/piles", new KeyId("op1-k1"), "noon", "request-nonce-9999", "AAAA"),
                ErrorCategory.INVALID, "ICC-SIG-HEADER");
        assertRefused(new AuthenticateSignedRequestQuery("GET", "/api/v1/piles", new KeyId("op1-k1"), NOW.toString(), "short", "AAAA"),
                ErrorCategory.INVALID, "ICC-SIG-HEADER");
        assertThat(mongo.database().getCollection(SignedRequestAuthenticator.NONCES).countDocuments()).isZero();
    }
}
