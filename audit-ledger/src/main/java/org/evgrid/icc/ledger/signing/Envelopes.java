package org.evgrid.icc.ledger.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.CommandTypes;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.ledger.json.IccJson;
import org.evgrid.icc.ledger.json.Jcs;

/** The signed envelope's rules: what is signed, how it is read and checked, its digest, and the command inside it. */
public final class Envelopes {

    /** Nonces: 16–64 characters of letters, digits, {@code _} and {@code -}. */
    public static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    static final String COMMAND_TYPE = "commandType";
    static final String PAYLOAD = "payload";
    static final String KEY_ID = "keyId";
    static final String ALGORITHM = "algorithm";
    static final String TIMESTAMP = "timestamp";
    static final String NONCE_MEMBER = "nonce";
    static final String SIGNATURE = "signature";
    private static final Set<String> SIGNED_MEMBERS = Set.of(COMMAND_TYPE, PAYLOAD, KEY_ID, ALGORITHM, TIMESTAMP, NONCE_MEMBER);

    private static final ObjectMapper MAPPER = IccJson.newMapper();

    private Envelopes() {
    }

    /** The envelope's JSON object without its signature: the members that are signed, in any order. */
    public static ObjectNode unsignedJson(String commandType, JsonNode payload, String keyId, SignatureAlgorithm algorithm,
                                          String timestamp, String nonce) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(COMMAND_TYPE, commandType);
        node.set(PAYLOAD, payload);
        node.put(KEY_ID, keyId);
        node.put(ALGORITHM, algorithm == null ? null : algorithm.name());
        node.put(TIMESTAMP, timestamp);
        node.put(NONCE_MEMBER, nonce);
        return node;
    }

    /** The bytes that are signed: RFC 8785 canonical JSON of the envelope without its signature. */
    public static byte[] signingInput(String commandType, JsonNode payload, String keyId, SignatureAlgorithm algorithm,
                                      String timestamp, String nonce) {
        return Jcs.canonicalize(unsignedJson(commandType, payload, keyId, algorithm, timestamp, nonce));
    }

    /** The bytes that are signed for an envelope. */
    public static byte[] signingInput(SignedEnvelope e) {
        return signingInput(e.commandType(), e.payload(), e.keyId(), e.algorithm(), e.timestamp(), e.nonce());
    }

    /** Hex SM3 of the signing input followed by the signature bytes: the envelope's id in the audit trail. */
    public static String digest(byte[] signingInput, byte[] signature) {
        byte[] joined = new byte[signingInput.length + signature.length];
        System.arraycopy(signingInput, 0, joined, 0, signingInput.length);
        System.arraycopy(signature, 0, joined, signingInput.length, signature.length);
        return Crypto.hex(Crypto.sm3(joined));
    }

    /** The digest of a signed envelope. */
    public static String digest(SignedEnvelope e) {
        return digest(signingInput(e), Base64.getDecoder().decode(e.signature()));
    }

    /** The full envelope (with signature) as a JSON object. */
    public static ObjectNode toJson(SignedEnvelope e) {
        ObjectNode node = unsignedJson(e.commandType(), e.payload(), e.keyId(), e.algorithm(), e.timestamp(), e.nonce());
        node.put(SIGNATURE, e.signature());
        return node;
    }

    /** The envelope as JSON text (compact). */
    public static String toJsonText(SignedEnvelope e) {
        try {
            return MAPPER.writeValueAsString(toJson(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The command metadata that sends an envelope through the signed path: {@link SignatureMetadata#ENVELOPE} (canonical
     * JSON of the envelope without signature) and {@link SignatureMetadata#SIGNATURE}.
     */
    public static Map<String, Object> metadataOf(SignedEnvelope e) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(SignatureMetadata.ENVELOPE, new String(signingInput(e), StandardCharsets.UTF_8));
        metadata.put(SignatureMetadata.SIGNATURE, e.signature());
        return metadata;
    }

    /** Reads and checks a full envelope (with signature) from JSON text; refusals are ICC-SIG-ENVELOPE. */
    public static SignedEnvelope parse(String json) {
        return read(readTree(json), true);
    }

    /** Reads and checks a full envelope (with signature) from a JSON tree; refusals are ICC-SIG-ENVELOPE. */
    public static SignedEnvelope read(JsonNode node) {
        return read(node, true);
    }

    static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw Refusals.malformed("envelope", "不是合法的 JSON", "it is not valid JSON",
                    "Send one JSON object with commandType, payload, keyId, algorithm, timestamp, nonce and signature");
        }
    }

    /**
     * Reads an envelope object; with {@code signed} false the signature member is optional and ignored (the signed path's
     * metadata carries it separately). The result's signature is then null.
     */
    static SignedEnvelope read(JsonNode node, boolean signed) {
        if (node == null || !node.isObject()) {
            throw Refusals.malformed("envelope", "应为 JSON 对象", "it must be a JSON object",
                    "Send one JSON object with commandType, payload, keyId, algorithm, timestamp, nonce and signature");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SIGNED_MEMBERS.contains(name) && !SIGNATURE.equals(name)) {
                throw Refusals.malformed(name, "含有未定义的成员“" + name + "”", "it has an unknown member '" + name + "'",
                        "Send only commandType, payload, keyId, algorithm, timestamp, nonce and signature");
            }
        }
        String commandType = text(node, COMMAND_TYPE);
        JsonNode payload = node.get(PAYLOAD);
        if (payload == null || !payload.isObject()) {
            throw Refusals.malformed(PAYLOAD, "payload 应为 JSON 对象", "payload must be a JSON object",
                    "Put the command's fields in a JSON object under payload");
        }
        String keyId = new KeyId(text(node, KEY_ID)).value();
        SignatureAlgorithm algorithm = algorithm(text(node, ALGORITHM));
        String timestamp = text(node, TIMESTAMP);
        instant(timestamp);
        String nonce = text(node, NONCE_MEMBER);
        if (!NONCE.matcher(nonce).matches()) {
            throw Refusals.malformed(NONCE_MEMBER, "随机数应为 16–64 位字母、数字、_ 或 -", "the nonce must be 16-64 letters, digits, _ or -",
                    "Send a fresh random nonce such as 24 random bytes in base64url");
        }
        String signature = null;
        if (signed) {
            signature = text(node, SIGNATURE);
            signatureBytes(signature);
        }
        return new SignedEnvelope(commandType, payload, keyId, algorithm, timestamp, nonce, signature);
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw Refusals.malformed(member, "缺少文本成员“" + member + "”", "the text member '" + member + "' is missing",
                    "Give " + member + " as a non-empty JSON string");
        }
        return value.textValue();
    }

    private static SignatureAlgorithm algorithm(String name) {
        try {
            return SignatureAlgorithm.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw Refusals.malformed(ALGORITHM, "不支持的签名算法“" + name + "”", "unsupported signature algorithm '" + name + "'",
                    "Use SM2_SM3, ED25519 or ECDSA_P256");
        }
    }

    /** Parses an envelope or request timestamp; refusals are ICC-SIG-ENVELOPE. */
    static Instant instant(String timestamp) {
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw Refusals.malformed(TIMESTAMP, "时间戳应为 ISO-8601 UTC 时刻", "the timestamp must be an ISO-8601 UTC instant",
                    "Send a time such as 2025-03-01T08:00:00.000Z");
        }
    }

    /** Decodes a base64 signature; refusals are ICC-SIG-INVALID. */
    static byte[] signatureBytes(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            if (bytes.length == 0) {
                throw Refusals.invalidSignature();
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw Refusals.invalidSignature();
        }
    }

    /** The command class of a wire name; refusal ICC-SIG-TYPE. */
    public static Class<?> commandClass(String commandType) {
        return CommandTypes.byName(commandType).orElseThrow(() -> Refusals.type(commandType));
    }

    /**
     * The command inside an envelope, read with the center's JSON rules. Refusals: ICC-SIG-TYPE (unknown type),
     * ICC-SIG-PAYLOAD (the payload does not make that command; field = the faulty member), or the identifier's own refusal.
     */
    public static Object command(SignedEnvelope e) {
        Class<?> type = commandClass(e.commandType());
        try {
            return MAPPER.treeToValue(e.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException ex) {
            IccException cause = iccCause(ex);
            if (cause != null) {
                throw cause;
            }
            String field = ex instanceof JsonMappingException jme ? path(jme) : PAYLOAD;
            throw IccException.invalid("ICC-SIG-PAYLOAD", field, "命令内容不符合“" + e.commandType() + "”的格式（成员：" + field + "）",
                    "The payload is not a valid " + e.commandType() + " (member: " + field + ")",
                    "Send every field of the command with the right type, and no other field");
        }
    }

    private static IccException iccCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IccException ice) {
                return ice;
            }
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder(PAYLOAD);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
