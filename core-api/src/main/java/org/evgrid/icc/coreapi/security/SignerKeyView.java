package org.evgrid.icc.coreapi.security;

import java.time.Instant;
import java.util.Set;

import org.evgrid.icc.coreapi.archive.OperatorId;

/** A registered signing key as the verifier sees it. */
public record SignerKeyView(
        KeyId keyId,
        SignatureAlgorithm algorithm,
        String publicKey,
        String ownerId,
        Set<Role> roles,
        OperatorId operatorId,
        DataScope scope,
        boolean revoked,
        Instant registeredAt,
        Instant revokedAt) {
}
