package org.evgrid.icc.ledger.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;

/**
 * A command as a partner signs it. On the wire:
 * <pre>{"commandType":"RegisterPile","payload":{...},"keyId":"op1-k1","algorithm":"SM2_SM3",
 *  "timestamp":"2025-03-01T08:00:00.123Z","nonce":"q3J8vX0aZ9TkLm2PwE5rYb7c","signature":"MEUCIQ..."}</pre>
 * The signature is over {@link Envelopes#signingInput(SignedEnvelope)}: the RFC 8785 canonical JSON of this object
 * without its {@code signature} member.
 *
 * @param commandType the command's wire name ({@link org.evgrid.icc.coreapi.security.CommandTypes#nameOf})
 * @param payload the command as a JSON object
 * @param keyId the registered signing key
 * @param algorithm the signature algorithm (must be the key's)
 * @param timestamp when it was signed, ISO-8601 instant; must be within the center's window (5 minutes)
 * @param nonce 16–64 characters of {@code [A-Za-z0-9_-]}, never reused with the same key
 * @param signature base64 (standard alphabet, padded) of the signature; DER for SM2 and ECDSA
 */
public record SignedEnvelope(
        String commandType,
        JsonNode payload,
        String keyId,
        SignatureAlgorithm algorithm,
        String timestamp,
        String nonce,
        String signature) {
}
