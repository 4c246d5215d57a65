package org.evgrid.icc.ledger.chain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;

/**
 * The hash rules of the ledger, shared by the chain writer, the verifier and offline tools.
 *
 * <ul>
 *   <li>payload digest = hex SM3 of the canonical payload bytes;</li>
 *   <li>{@code h_seq = SM3(h_seq-1 ‖ UTF-8(event id) ‖ payload digest ‖ envelope digest)} over the raw 32-byte
 *       digests, with {@code h_-1} = 32 zero bytes; all digests are written as 64 lower-case hex characters;</li>
 *   <li>envelope digest = the event's {@code icc.envelopeDigest} metadata (lower-cased) when it is 64 hex characters,
 *       64 zeros when absent, and otherwise the hex SM3 of its UTF-8 text (so that any value stays committed);</li>
 *   <li>a checkpoint signs UTF-8 of {@code "ICC-LEDGER-CHECKPOINT|" + seq + "|" + headHash + "|" + sealedAt}, with
 *       sealedAt in ISO-8601 ({@link Instant#toString()}, millisecond precision).</li>
 * </ul>
 */
public final class LedgerHashes {

    /** The hash before the first entry, and the envelope digest of an unsigned event: 64 zeros. */
    public static final String ZERO_HASH = "0".repeat(64);
    /** The prefix of a checkpoint's signing input. */
    public static final String CHECKPOINT_PREFIX = "ICC-LEDGER-CHECKPOINT|";

    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    private LedgerHashes() {
    }

    /** Hex SM3 of the given bytes. */
    public static String sm3Hex(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return Hex.toHexString(out);
    }

    /**
     * The link hash of an entry.
     *
     * @throws IllegalArgumentException if a digest is not 64 hex characters
     */
    public static String linkHash(String previousHash, String eventId, String payloadDigest, String envelopeDigest) {
        SM3Digest digest = new SM3Digest();
        update(digest, digestBytes("previousHash", previousHash));
        update(digest, eventId.getBytes(StandardCharsets.UTF_8));
        update(digest, digestBytes("payloadDigest", payloadDigest));
        update(digest, digestBytes("envelopeDigest", envelopeDigest));
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return Hex.toHexString(out);
    }

    /** The envelope digest recorded for an event, from its {@code icc.envelopeDigest} metadata value (may be null). */
    public static String envelopeDigest(Object metadataValue) {
        if (metadataValue == null) {
            return ZERO_HASH;
        }
        String value = metadataValue.toString().trim().toLowerCase(Locale.ROOT);
        if (HEX_256.matcher(value).matches()) {
            return value;
        }
        return sm3Hex(metadataValue.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes a checkpoint signature covers. */
    public static byte[] checkpointSigningInput(long seq, String headHash, Instant sealedAt) {
        return (CHECKPOINT_PREFIX + seq + "|" + headHash + "|" + sealedAt).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] digestBytes(String name, String hex) {
        if (hex == null || !HEX_256.matcher(hex).matches()) {
            throw new IllegalArgumentException(name + " is not 64 lower-case hex characters: " + hex);
        }
        return Hex.decode(hex);
    }

    private static void update(SM3Digest digest, byte[] bytes) {
        digest.update(bytes, 0, bytes.length);
    }
}
