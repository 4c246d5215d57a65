package org.evgrid.icc.ledger.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.evgrid.icc.coreapi.archive.RegisterOperatorCommand;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.ledger.json.IccJson;
import org.junit.jupiter.api.Test;

class EnvelopesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T08:00:00.123456Z"), ZoneOffset.UTC);
    private static final Supplier<String> NONCE = () -> "nonce-0000000000001";
    private static final KeyPair KEYS = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);

    private final ObjectMapper mapper = IccJson.newMapper();
    private final EnvelopeSigner signer = new EnvelopeSigner();

    private SignedEnvelope signed() {
        return signer.sign(TestCommands.registerOperator("OP-1"), "archive-k1", KEYS.getPrivate(), CLOCK, NONCE);
    }

    @Test
    void signedEnvelopeHasTheWireShapeAndItsSignatureCoversTheCanonicalJsonWithoutSignature() throws Exception {
        SignedEnvelope envelope = signed();

        ObjectNode json = Envelopes.toJson(envelope);
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("commandType", "payload", "keyId", "algorithm", "timestamp", "nonce", "signature");
        assertThat(json.get("commandType").asText()).isEqualTo("RegisterOperator");
        assertThat(json.get("algorithm").asText()).isEqualTo("SM2_SM3");
        assertThat(json.get("timestamp").asText()).isEqualTo("2025-03-01T08:00:00.123Z");
        assertThat(json.get("payload").get("operatorId").asText()).isEqualTo("OP-1");

        String input = new String(Envelopes.signingInput(envelope), StandardCharsets.UTF_8);
        assertThat(input).startsWith("{\"algorithm\":\"SM2_SM3\",\"commandType\":\"RegisterOperator\",\"keyId\":\"archive-k1\","
                + "\"nonce\":\"nonce-0000000000001\",\"payload\":{\"contact\":{");
        assertThat(input).contains("\"shareRatio\":0.85").doesNotContain("signature");
        assertThat(Crypto.verify(SignatureAlgorithm.SM2_SM3, KEYS.getPublic(), input.getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(envelope.signature()))).isTrue();
    }

    @Test
    void signingInputDoesNotDependOnMemberOrderOrWhitespace() throws Exception {
        SignedEnvelope envelope = signed();
        String reordered = "{ \"signature\" : \"" + envelope.signature() + "\",\n  \"nonce\": \"nonce-0000000000001\", "
                + "\"timestamp\":\"2025-03-01T08:00:00.123Z\", \"algorithm\":\"SM2_SM3\", \"keyId\":\"archive-k1\", "
                + "\"payload\": " + mapper.writerWithDefaultPrettyPrinter().writeValueAsString(envelope.payload())
                + ", \"commandType\": \"RegisterOperator\" }";

        SignedEnvelope parsed = Envelopes.parse(reordered);

        assertThat(Envelopes.signingInput(parsed)).isEqualTo(Envelopes.signingInput(envelope));
        assertThat(Envelopes.digest(parsed)).isEqualTo(Envelopes.digest(envelope));
    }

    @Test
    void digestIsSm3OfSigningInputFollowedBySignatureBytes() {
        SignedEnvelope envelope = signed();
        byte[] input = Envelopes.signingInput(envelope);
        byte[] signature = Base64.getDecoder().decode(envelope.signature());
        byte[] joined = new byte[input.length + signature.length];
        System.arraycopy(input, 0, joined, 0, input.length);
        System.arraycopy(signature, 0, joined, input.length, signature.length);

        assertThat(Envelopes.digest(envelope)).isEqualTo(Crypto.hex(Crypto.sm3(joined))).hasSize(64);
    }

    @Test
    void metadataCarriesTheCanonicalEnvelopeAndTheSignature() {
        SignedEnvelope envelope = signed();

        Map<String, Object> metadata = Envelopes.metadataOf(envelope);

        assertThat(metadata).containsEntry(SignatureMetadata.ENVELOPE, new String(Envelopes.signingInput(envelope), StandardCharsets.UTF_8))
                .containsEntry(SignatureMetadata.SIGNATURE, envelope.signature());
    }

    @Test
    void theCommandInsideIsTheSignedRecord() {
        SignedEnvelope envelope = signed();

        assertThat(Envelopes.command(Envelopes.parse(Envelopes.toJsonText(envelope)))).isEqualTo(TestCommands.registerOperator("OP-1"));
    }

    @Test
    void unknownCommandTypeIsRefused() {
        SignedEnvelope envelope = signer.sign("LaunchRocket", mapper.createObjectNode(), "k1", SignatureAlgorithm.SM2_SM3,
                KEYS.getPrivate(), CLOCK, NONCE);

        assertThatThrownBy(() -> Envelopes.command(envelope)).isInstanceOf(IccException.class).hasMessageStartingWith("ICC-SIG-TYPE");
    }

    @Test
    void payloadThatIsNotTheCommandIsRefusedWithTheFaultyMember() {
        ObjectNode payload = (ObjectNode) mapper.valueToTree(TestCommands.registerOperator("OP-1"));
        payload.put("shareRatio", "lots");
        SignedEnvelope envelope = signer.sign("RegisterOperator", payload, "k1", SignatureAlgorithm.SM2_SM3, KEYS.getPrivate(),
                CLOCK, NONCE);

        assertThatThrownBy(() -> Envelopes.command(envelope)).isInstanceOfSatisfying(IccException.class, e -> {
            assertThat(e.code()).isEqualTo("ICC-SIG-PAYLOAD");
            assertThat(e.field()).isEqualTo("payload.shareRatio");
        });
    }

    @Test
    void malformedIdentifierInPayloadIsRefusedWithItsOwnCode() {
        ObjectNode payload = (ObjectNode) mapper.valueToTree(TestCommands.registerOperator("OP-1"));
        payload.put("operatorId", "OP 1!");
        SignedEnvelope envelope = signer.sign("RegisterOperator", payload, "k1", SignatureAlgorithm.SM2_SM3, KEYS.getPrivate(),
                CLOCK, NONCE);

        assertThatThrownBy(() -> Envelopes.command(envelope)).isInstanceOfSatisfying(IccException.class,
                e -> assertThat(e.code()).isEqualTo("ICC-ID-INVALID"));
    }

    @Test
    void malformedEnvelopesAreRefusedNamingTheMember() throws Exception {
        ObjectNode good = Envelopes.toJson(signed());

        assertRefused(good.deepCopy().put("extra", 1), "ICC-SIG-ENVELOPE", "extra");
        assertRefused(good.deepCopy().put("nonce", "short"), "ICC-SIG-ENVELOPE", "nonce");
        assertRefused(good.deepCopy().put("nonce", "has spaces in it, 123456"), "ICC-SIG-ENVELOPE", "nonce");
        assertRefused(good.deepCopy().put("timestamp", "yesterday"), "ICC-SIG-ENVELOPE", "timestamp");
        assertRefused(good.deepCopy().put("algorithm", "RSA"), "ICC-SIG-ENVELOPE", "algorithm");
        assertRefused(good.deepCopy().put("payload", "text"), "ICC-SIG-ENVELOPE", "payload");
        assertRefused((ObjectNode) good.deepCopy().without("keyId"), "ICC-SIG-ENVELOPE", "keyId");
        assertRefused(good.deepCopy().put("keyId", "bad key!"), "ICC-ID-INVALID", "keyId");
        assertRefused(good.deepCopy().put("signature", "%%%"), "ICC-SIG-INVALID", "signature");
        assertThatThrownBy(() -> Envelopes.parse("{not json")).hasMessageStartingWith("ICC-SIG-ENVELOPE");
        assertThatThrownBy(() -> Envelopes.parse("{\"nonce\":\"a\",\"nonce\":\"b\"}")).hasMessageStartingWith("ICC-SIG-ENVELOPE");
    }

    private static void assertRefused(JsonNode envelope, String code, String field) {
        assertThatThrownBy(() -> Envelopes.read(envelope)).isInstanceOfSatisfying(IccException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    @Test
    void randomNoncesAreWellFormedAndFresh() {
        Supplier<String> nonces = EnvelopeSigner.randomNonces();
        String a = nonces.get();
        String b = nonces.get();

        assertThat(a).matches(Envelopes.NONCE).hasSize(32).isNotEqualTo(b);
    }

    @Test
    void everyAlgorithmSignsEnvelopesThatVerify() {
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            KeyPair pair = Crypto.generateKeyPair(algorithm);
            RegisterOperatorCommand command = TestCommands.registerOperator("OP-2");
            SignedEnvelope envelope = signer.sign(command, "k-" + algorithm, pair.getPrivate(), CLOCK, NONCE);

            assertThat(envelope.algorithm()).isEqualTo(algorithm);
            assertThat(Crypto.verify(algorithm, pair.getPublic(), Envelopes.signingInput(envelope),
                    Base64.getDecoder().decode(envelope.signature()))).as(algorithm.name()).isTrue();
        }
    }
}
