package org.evgrid.icc.ledger.merkle;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.evgrid.icc.ledger.json.Jcs;

/**
 * A signed tree head (STH) of the ledger: the first {@code treeSize} entries have Merkle root {@code rootHash}, and the
 * last of them has chain hash {@code chainHead}. The center signs the RFC 8785 canonical JSON of
 * {@code {"algorithm","chainHead","keyId","rootHash","timestamp","treeSize","type":"ICC-LEDGER-STH-1"}} (hashes as
 * lower-case hex, timestamp ISO-8601 UTC with milliseconds); {@code signature} is base64 (DER for SM2/ECDSA).
 */
public record TreeHead(long treeSize, String rootHash, String chainHead, Instant timestamp, String keyId, String algorithm,
                       String signature) {

    /** The {@code type} field of the signed serialization. */
    public static final String TYPE = "ICC-LEDGER-STH-1";

    /** The bytes the center signs. */
    public byte[] signingInput() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", TYPE);
        node.put("treeSize", treeSize);
        node.put("rootHash", rootHash);
        node.put("chainHead", chainHead);
        node.put("timestamp", timestamp.toString());
        node.put("keyId", keyId);
        node.put("algorithm", algorithm);
        return Jcs.canonicalize(node);
    }

    /** The tree head as JSON (the signed fields and {@code signature}). */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("treeSize", treeSize);
        node.put("rootHash", rootHash);
        node.put("chainHead", chainHead);
        node.put("timestamp", timestamp.toString());
        node.put("keyId", keyId);
        node.put("algorithm", algorithm);
        node.put("signature", signature);
        return node;
    }

    /** Reads a tree head from JSON as written by {@link #toJson()}. */
    public static TreeHead fromJson(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("treeSize").canConvertToLong()) {
            throw new IllegalArgumentException("not a tree head: treeSize missing");
        }
        return new TreeHead(node.path("treeSize").asLong(), text(node, "rootHash"), text(node, "chainHead"),
                Instant.parse(text(node, "timestamp")), text(node, "keyId"), text(node, "algorithm"), text(node, "signature"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("not a tree head: " + field + " missing");
        }
        return value.asText();
    }
}
