package org.evgrid.icc.infra.demo.market.internal;

import java.io.IOException;
import java.security.PublicKey;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.infra.gateway.internal.HttpDelivery;
import org.evgrid.icc.ledger.signing.Crypto;

/**
 * What a receiver of the center's gateway checks (the simulated exchange and operator platforms): every POST carries the
 * center's signature over its {@code Idempotency-Key}, a line feed and the exact body bytes (headers {@code X-ICC-Key-Id},
 * {@code X-ICC-Signature-Algorithm}, {@code X-ICC-Signature}; see {@link HttpDelivery.BodySigner}), verifiable with the
 * center's public key. A request without it, signed by another key, or whose body or key was altered is answered
 * {@code 401} with a problem body ({@code ICC-SIM-SIGNATURE}); the gateway records that as a failed delivery.
 */
public final class CenterSignatureCheck {

    /** The problem code of a refused request. */
    public static final String CODE = "ICC-SIM-SIGNATURE";

    private final String keyId;
    private final SignatureAlgorithm algorithm;
    private final PublicKey publicKey;
    private final ObjectMapper mapper = new ObjectMapper();

    /** Checks against the center's key: its id, algorithm and public key. */
    public CenterSignatureCheck(String keyId, SignatureAlgorithm algorithm, PublicKey publicKey) {
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.publicKey = publicKey;
    }

    /** Why the request is not the center's, or null if its signature verifies. */
    public String problem(Headers headers, byte[] body) {
        String idempotencyKey = headers.getFirst("Idempotency-Key");
        String signature = headers.getFirst("X-ICC-Signature");
        if (idempotencyKey == null || signature == null) {
            return "the request is not signed (Idempotency-Key and X-ICC-Signature are required)";
        }
        if (!keyId.equals(headers.getFirst("X-ICC-Key-Id")) || !algorithm.name().equals(headers.getFirst("X-ICC-Signature-Algorithm"))) {
            return "the request is not signed with the center's key " + keyId + " (" + algorithm + ")";
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            return "X-ICC-Signature is not base64";
        }
        boolean verified;
        try {
            verified = Crypto.verify(algorithm, publicKey, HttpDelivery.BodySigner.signingInput(idempotencyKey, body), signatureBytes);
        } catch (RuntimeException e) {
            verified = false;
        }
        return verified ? null : "the signature does not verify over the Idempotency-Key and the body: altered or forged";
    }

    /**
     * Answers 401 with a problem body if the request is not the center's.
     *
     * @return whether it refused the request
     */
    public boolean refused(HttpExchange x, byte[] body) throws IOException {
        String problem = problem(x.getRequestHeaders(), body);
        if (problem == null) {
            return false;
        }
        ObjectNode p = mapper.createObjectNode();
        p.put("type", "https://icc.example.cn/problems/" + CODE);
        p.put("title", "Unauthorized");
        p.put("status", 401);
        p.put("code", CODE);
        p.put("detail", "请求未带有调控中心的有效签名 / " + problem);
        p.put("fix", "Sign the Idempotency-Key, a line feed and the exact body with the center's key (X-ICC-Key-Id, "
                + "X-ICC-Signature-Algorithm, X-ICC-Signature)");
        byte[] bytes = mapper.writeValueAsBytes(p);
        x.getResponseHeaders().set("Content-Type", "application/problem+json");
        x.sendResponseHeaders(401, bytes.length);
        try (var out = x.getResponseBody()) {
            out.write(bytes);
        }
        return true;
    }
}
