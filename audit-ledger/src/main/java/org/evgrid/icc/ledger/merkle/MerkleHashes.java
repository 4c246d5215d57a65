package org.evgrid.icc.ledger.merkle;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;

/**
 * The Merkle tree hashes of the ledger, RFC 6962 / RFC 9162 §2.1.1 with SM3 as the hash:
 * {@code leaf = SM3(0x00 ‖ entry hash)} over the raw 32 bytes of a ledger entry's chain hash (which commits to the
 * previous hash, the event id, the payload digest and the envelope digest), {@code node = SM3(0x01 ‖ left ‖ right)},
 * and MTH of {@code n > 1} leaves splits at the largest power of two smaller than {@code n}.
 */
public final class MerkleHashes {

    /** Hash length in bytes (SM3). */
    public static final int HASH_LENGTH = 32;

    private MerkleHashes() {
    }

    /** SM3 of the empty string: the root of the empty tree (RFC 9162 §2.1.1). */
    public static byte[] emptyRoot() {
        return digest(new byte[0], null, null);
    }

    /** The leaf hash of a ledger entry, from its 32-byte chain hash. */
    public static byte[] leafHash(byte[] entryHash) {
        return digest(new byte[] {0x00}, entryHash, null);
    }

    /** The leaf hash of a ledger entry, from its chain hash in hex. */
    public static byte[] leafHashOfHex(String entryHashHex) {
        return leafHash(Hex.decode(entryHashHex));
    }

    /** An interior node: {@code SM3(0x01 ‖ left ‖ right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        return digest(new byte[] {0x01}, left, right);
    }

    /** The largest power of two strictly smaller than {@code n} ({@code n >= 2}). */
    public static long largestPowerOfTwoBelow(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("n must be at least 2, was " + n);
        }
        return Long.highestOneBit(n - 1);
    }

    public static String hex(byte[] hash) {
        return Hex.toHexString(hash);
    }

    public static byte[] fromHex(String hex) {
        return Hex.decode(hex);
    }

    private static byte[] digest(byte[] prefix, byte[] a, byte[] b) {
        SM3Digest digest = new SM3Digest();
        digest.update(prefix, 0, prefix.length);
        if (a != null) {
            digest.update(a, 0, a.length);
        }
        if (b != null) {
            digest.update(b, 0, b.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
