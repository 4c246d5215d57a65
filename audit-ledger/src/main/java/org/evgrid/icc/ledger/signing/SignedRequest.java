package org.evgrid.icc.ledger.signing;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.evgrid.icc.coreapi.security.AuthenticateSignedRequestQuery;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;

/**
 * A signed read request of a machine client. The client sends the headers {@value #KEY_ID_HEADER},
 * {@value #TIMESTAMP_HEADER}, {@value #NONCE_HEADER} and {@value #SIGNATURE_HEADER}; the signature is over the UTF-8 of
 * {@code METHOD + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce} (path with query string exactly as sent, e.g.
 * {@code /api/v1/piles?operatorId=OP-1}).
 *
 * @param method the HTTP method, upper case
 * @param pathAndQuery the request path with its query string, if any
 * @param keyId the signing key's id
 * @param timestamp ISO-8601 instant
 * @param nonce 16–64 characters of {@code [A-Za-z0-9_-]}
 * @param signature base64 of the signature
 */
public record SignedRequest(String method, String pathAndQuery, String keyId, String timestamp, String nonce, String signature) {

    public static final String KEY_ID_HEADER = "X-ICC-Key-Id";
    public static final String TIMESTAMP_HEADER = "X-ICC-Timestamp";
    public static final String NONCE_HEADER = "X-ICC-Nonce";
    public static final String SIGNATURE_HEADER = "X-ICC-Signature";

    /** The bytes a read request's signature is over. */
    public static byte[] signingInput(String method, String pathAndQuery, String timestamp, String nonce) {
        String text = method.toUpperCase(Locale.ROOT) + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Signs a read request now. */
    public static SignedRequest sign(String method, String pathAndQuery, String keyId, SignatureAlgorithm algorithm, PrivateKey key,
                                     Clock clock, Supplier<String> nonces) {
        String upper = method.toUpperCase(Locale.ROOT);
        String timestamp = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        String nonce = nonces.get();
        byte[] signature = Crypto.sign(algorithm, key, signingInput(upper, pathAndQuery, timestamp, nonce));
        return new SignedRequest(upper, pathAndQuery, keyId, timestamp, nonce, Base64.getEncoder().encodeToString(signature));
    }

    /** Whether the signature verifies with a public key (nothing else is checked). */
    public boolean verifies(SignatureAlgorithm algorithm, PublicKey key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return Crypto.verify(algorithm, key, signingInput(method, pathAndQuery, timestamp, nonce), bytes);
    }

    /** The four headers, in a stable order. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(KEY_ID_HEADER, keyId);
        headers.put(TIMESTAMP_HEADER, timestamp);
        headers.put(NONCE_HEADER, nonce);
        headers.put(SIGNATURE_HEADER, signature);
        return headers;
    }

    /** The query that authenticates this request ({@code KeyId} validation applies). */
    public AuthenticateSignedRequestQuery toQuery() {
        return new AuthenticateSignedRequestQuery(method, pathAndQuery, new KeyId(keyId), timestamp, nonce, signature);
    }
}
