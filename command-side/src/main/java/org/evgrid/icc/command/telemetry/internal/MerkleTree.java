package org.evgrid.icc.command.telemetry.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The SM3 Merkle root of a batch's accepted items (docs/telemetry-store.md): leaf hash {@code SM3(0x00 ‖ UTF-8(line))},
 * node hash {@code SM3(0x01 ‖ left ‖ right)}, an odd node at the end of a level promoted unchanged (RFC 6962 §2.1
 * tree shape); the root of no items is {@code SM3()} of nothing, as in RFC 6962.
 */
public final class MerkleTree {

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;
    private static final int SIZE = 32;

    private MerkleTree() {
    }

    /** The hex root over the canonical lines, in order. */
    public static String rootHex(List<String> lines) {
        return HexFormat.of().formatHex(root(lines));
    }

    /** The root over the canonical lines, in order. */
    public static byte[] root(List<String> lines) {
        SM3Digest digest = new SM3Digest();
        if (lines.isEmpty()) {
            byte[] out = new byte[SIZE];
            digest.doFinal(out, 0);
            return out;
        }
        List<byte[]> level = new ArrayList<>(lines.size());
        for (String line : lines) {
            level.add(leaf(digest, line));
        }
        while (level.size() > 1) {
            List<byte[]> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                next.add(node(digest, level.get(i), level.get(i + 1)));
            }
            if (level.size() % 2 == 1) {
                next.add(level.get(level.size() - 1));
            }
            level = next;
        }
        return level.get(0);
    }

    /** The hash of one leaf. */
    public static byte[] leaf(String line) {
        return leaf(new SM3Digest(), line);
    }

    /** The hash of an inner node. */
    public static byte[] node(byte[] left, byte[] right) {
        return node(new SM3Digest(), left, right);
    }

    private static byte[] leaf(SM3Digest digest, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        digest.update(LEAF);
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[SIZE];
        digest.doFinal(out, 0);
        return out;
    }

    private static byte[] node(SM3Digest digest, byte[] left, byte[] right) {
        digest.update(NODE);
        digest.update(left, 0, left.length);
        digest.update(right, 0, right.length);
        byte[] out = new byte[SIZE];
        digest.doFinal(out, 0);
        return out;
    }
}
