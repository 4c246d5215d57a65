package org.evgrid.icc.ledger.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.junit.jupiter.api.Test;

class SignedRequestTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC);
    private final KeyPair keys = Crypto.generateKeyPair(SignatureAlgorithm.ED25519);

    @Test
    void signingInputIsMethodPathTimestampAndNonceOnSeparateLines() {
        byte[] input = SignedRequest.signingInput("get", "/api/v1/piles?operatorId=OP-1", "2025-03-01T08:00:00Z", "n0000000000000001");

        assertThat(new String(input, StandardCharsets.UTF_8))
                .isEqualTo("GET\n/api/v1/piles?operatorId=OP-1\n2025-03-01T08:00:00Z\nn0000000000000001");
    }

    @Test
    void signedRequestCarriesFourHeadersAndVerifies() {
        SignedRequest request = SignedRequest.sign("get", "/api/v1/piles/P-1", "op1-k1", SignatureAlgorithm.ED25519, keys.getPrivate(),
                CLOCK, () -> "n0000000000000001");

        assertThat(request.headers()).containsOnlyKeys("X-ICC-Key-Id", "X-ICC-Timestamp", "X-ICC-Nonce", "X-ICC-Signature")
                .containsEntry("X-ICC-Timestamp", "2025-03-01T08:00:00Z").containsEntry("X-ICC-Key-Id", "op1-k1");
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.verifies(SignatureAlgorithm.ED25519, keys.getPublic())).isTrue();
        assertThat(request.toQuery().keyId().value()).isEqualTo("op1-k1");
    }

    @Test
    void anotherPathOrNonceDoesNotVerify() {
        SignedRequest request = SignedRequest.sign("GET", "/api/v1/piles/P-1", "op1-k1", SignatureAlgorithm.ED25519, keys.getPrivate(),
                CLOCK, () -> "n0000000000000001");

        SignedRequest otherPath = new SignedRequest("GET", "/api/v1/piles/P-2", "op1-k1", request.timestamp(), request.nonce(),
                request.signature());
        SignedRequest otherNonce = new SignedRequest("GET", "/api/v1/piles/P-1", "op1-k1", request.timestamp(), "n0000000000000002",
                request.signature());
        SignedRequest garbage = new SignedRequest("GET", "/api/v1/piles/P-1", "op1-k1", request.timestamp(), request.nonce(), "@@");

        assertThat(otherPath.verifies(SignatureAlgorithm.ED25519, keys.getPublic())).isFalse();
        assertThat(otherNonce.verifies(SignatureAlgorithm.ED25519, keys.getPublic())).isFalse();
        assertThat(garbage.verifies(SignatureAlgorithm.ED25519, keys.getPublic())).isFalse();
    }
}
