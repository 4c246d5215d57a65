package org.evgrid.icc.infra.keys;

import java.security.PrivateKey;
import java.security.PublicKey;

import org.evgrid.icc.coreapi.security.SignatureAlgorithm;

/** The center's own signing key. */
public record CenterKey(String keyId, SignatureAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey) {
}
