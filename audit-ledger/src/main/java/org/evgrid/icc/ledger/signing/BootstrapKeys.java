package org.evgrid.icc.ledger.signing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.SignerKeyView;

/**
 * Keys the center trusts from its configuration, before any key is registered by command: the first administrator's
 * key (which then registers everyone else's). Infra builds this from configuration; a bootstrap key can still be revoked
 * by command.
 */
public final class BootstrapKeys {

    private final Map<KeyId, SignerKeyView> keys = new LinkedHashMap<>();

    /**
     * @param keys the configured keys; each public key must parse and match its algorithm
     * @throws IllegalArgumentException if a key is malformed, of another algorithm, or given twice
     */
    public BootstrapKeys(List<SignerKeyView> keys) {
        for (SignerKeyView key : keys) {
            SignatureAlgorithm actual = Crypto.algorithmOf(Crypto.parsePublicKey(key.publicKey()));
            if (actual != key.algorithm()) {
                throw new IllegalArgumentException("bootstrap key " + key.keyId() + " is an " + actual + " key, configured as "
                        + key.algorithm());
            }
            if (this.keys.putIfAbsent(key.keyId(), key) != null) {
                throw new IllegalArgumentException("bootstrap key " + key.keyId() + " is configured twice");
            }
        }
    }

    /** No bootstrap keys. */
    public static BootstrapKeys none() {
        return new BootstrapKeys(List.of());
    }

    /**
     * The first system administrator's key: role SYSTEM_ADMIN, headquarters scope, algorithm detected from the key.
     *
     * @param keyId the key id the administrator signs with
     * @param publicKey PEM or base64 DER SubjectPublicKeyInfo
     * @param ownerId the administrator's user id
     */
    public static BootstrapKeys administrator(String keyId, String publicKey, String ownerId) {
        SignatureAlgorithm algorithm = Crypto.algorithmOf(Crypto.parsePublicKey(publicKey));
        return new BootstrapKeys(List.of(new SignerKeyView(new KeyId(keyId), algorithm, publicKey, ownerId, Set.of(Role.SYSTEM_ADMIN),
                null, DataScope.HEADQUARTERS, false, Instant.EPOCH, null)));
    }

    /** The configured key with this id. */
    public Optional<SignerKeyView> find(KeyId keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    /** All configured keys. */
    public List<SignerKeyView> keys() {
        return List.copyOf(keys.values());
    }
}
