package org.evgrid.icc.coreapi.security;

/** Checks a signed read request (machine clients): signature over method, path with query, timestamp and nonce; answers the principal. */
public record AuthenticateSignedRequestQuery(
        String method,
        String pathAndQuery,
        KeyId keyId,
        String timestamp,
        String nonce,
        String signature) {
}
