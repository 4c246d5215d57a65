package org.evgrid.icc.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

class LedgerHashesTest {

    @Test
    void sm3OfAbcIsTheStandardTestVector() {
        assertThat(LedgerHashes.sm3Hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void linkHashDigestsPreviousHashEventIdPayloadDigestAndEnvelopeDigestAsRawBytes() {
        String previous = LedgerHashes.sm3Hex(new byte[] {1});
        String payload = LedgerHashes.sm3Hex(new byte[] {2});
        String envelope = LedgerHashes.sm3Hex(new byte[] {3});
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(Hex.decode(previous));
        input.writeBytes("事件-1".getBytes(StandardCharsets.UTF_8));
        input.writeBytes(Hex.decode(payload));
        input.writeBytes(Hex.decode(envelope));
        byte[] bytes = input.toByteArray();
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] expected = new byte[32];
        digest.doFinal(expected, 0);

        assertThat(LedgerHashes.linkHash(previous, "事件-1", payload, envelope)).isEqualTo(Hex.toHexString(expected));
    }

    @Test
    void theFirstLinkStartsFromThirtyTwoZeroBytes() {
        assertThat(LedgerHashes.ZERO_HASH).hasSize(64).matches("0+");
        String first = LedgerHashes.linkHash(LedgerHashes.ZERO_HASH, "e", LedgerHashes.ZERO_HASH, LedgerHashes.ZERO_HASH);
        assertThat(first).hasSize(64).isNotEqualTo(LedgerHashes.ZERO_HASH);
    }

    @Test
    void aMalformedDigestCannotBeLinked() {
        assertThatThrownBy(() -> LedgerHashes.linkHash("abc", "e", LedgerHashes.ZERO_HASH, LedgerHashes.ZERO_HASH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("previousHash");
    }

    @Test
    void envelopeDigestIsZerosWhenAbsentLowerCasedWhenHexAndDigestedOtherwise() {
        String hex = LedgerHashes.sm3Hex(new byte[] {9});
        assertThat(LedgerHashes.envelopeDigest(null)).isEqualTo(LedgerHashes.ZERO_HASH);
        assertThat(LedgerHashes.envelopeDigest(hex.toUpperCase())).isEqualTo(hex);
        assertThat(LedgerHashes.envelopeDigest("not-a-digest"))
                .isEqualTo(LedgerHashes.sm3Hex("not-a-digest".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void checkpointSigningInputNamesSeqHeadHashAndSealingTime() {
        byte[] input = LedgerHashes.checkpointSigningInput(999, "ab", Instant.parse("2026-03-01T08:00:00.123Z"));
        assertThat(new String(input, StandardCharsets.UTF_8)).isEqualTo("ICC-LEDGER-CHECKPOINT|999|ab|2026-03-01T08:00:00.123Z");
    }
}
