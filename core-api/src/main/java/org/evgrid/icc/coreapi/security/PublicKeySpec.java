package org.evgrid.icc.coreapi.security;

/** A public key as registered: the key's id, its algorithm and its X.509 SubjectPublicKeyInfo in PEM or base64 DER. */
public record PublicKeySpec(
        KeyId keyId,
        SignatureAlgorithm algorithm,
        String publicKey) {
}
