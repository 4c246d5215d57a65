package org.evgrid.icc.command.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bson.Document;
import org.evgrid.icc.coreapi.telemetry.TelemetryKind;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    /** SM3 over the concatenated parts, computed here without the class under test. */
    private static byte[] sm3(byte[]... parts) {
        SM3Digest digest = new SM3Digest();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    private static byte[] leaf(String line) {
        return sm3(new byte[] {0}, line.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] node(byte[] left, byte[] right) {
        return sm3(new byte[] {1}, left, right);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void sm3IsTheNationalStandardDigest() {
        assertThat(hex(sm3("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void oneItemIsItsOwnLeafHash() {
        assertThat(MerkleTree.rootHex(List.of("a"))).isEqualTo(hex(leaf("a")));
    }

    @Test
    void twoItemsAreHashedAsOneNode() {
        assertThat(MerkleTree.rootHex(List.of("a", "b"))).isEqualTo(hex(node(leaf("a"), leaf("b"))));
    }

    @Test
    void theOddThirdItemIsPromotedUnchanged() {
        assertThat(MerkleTree.rootHex(List.of("a", "b", "c"))).isEqualTo(hex(node(node(leaf("a"), leaf("b")), leaf("c"))));
    }

    @Test
    void fiveItemsPromoteTheFifthTwice() {
        byte[] left = node(node(leaf("a"), leaf("b")), node(leaf("c"), leaf("d")));
        assertThat(MerkleTree.rootHex(List.of("a", "b", "c", "d", "e"))).isEqualTo(hex(node(left, leaf("e"))));
    }

    @Test
    void theOrderOfItemsMatters() {
        assertThat(MerkleTree.rootHex(List.of("a", "b"))).isNotEqualTo(MerkleTree.rootHex(List.of("b", "a")));
    }

    @Test
    void noItemsHashToTheDigestOfNothing() {
        assertThat(MerkleTree.rootHex(List.of())).isEqualTo(hex(sm3()));
    }

    @Test
    void leavesAndNodesAreHashedWithDifferentPrefixes() {
        byte[] a = leaf("a");
        byte[] b = leaf("b");
        assertThat(MerkleTree.node(a, b)).isEqualTo(node(a, b)).isNotEqualTo(sm3(a, b));
        assertThat(MerkleTree.leaf("a")).isEqualTo(a).isNotEqualTo(sm3("a".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theRootIsRecomputedFromAStoredDocumentsColumns() {
        List<List<Object>> columns = ReadingsLayout.emptyColumns(TelemetryKind.STATUS, 3);
        Date at = Date.from(Instant.parse("2026-03-10T02:03:04.005Z"));
        add(columns, "P-1", 1, "CHARGING", at);
        add(columns, "P.2", null, "OFFLINE", at);
        add(columns, "P-3", 2, "AVAILABLE", at);
        Document doc = ReadingsLayout.document("OP-1|STATUS|20260310|B-1", "OP-1", TelemetryKind.STATUS, "B-1",
                Instant.parse("2026-03-09T16:00:00Z"), LocalDate.of(2026, 3, 10), Instant.parse("2026-03-10T02:05:00Z"), columns);

        assertThat(ReadingsLayout.canonicalLines(doc)).containsExactly(
                "P-1|1|CHARGING|1773108184005", "P.2||OFFLINE|1773108184005", "P-3|2|AVAILABLE|1773108184005");
        assertThat(ReadingsLayout.merkleRoot(doc)).isEqualTo(hex(node(
                node(leaf("P-1|1|CHARGING|1773108184005"), leaf("P.2||OFFLINE|1773108184005")), leaf("P-3|2|AVAILABLE|1773108184005"))));
    }

    private static void add(List<List<Object>> columns, Object... values) {
        for (int c = 0; c < values.length; c++) {
            columns.get(c).add(values[c]);
        }
    }
}
