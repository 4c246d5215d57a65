package org.evgrid.icc.ledger.signing;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.SignerKeyView;
import org.evgrid.icc.ledger.signing.internal.Documents;
import org.springframework.stereotype.Component;

/**
 * The signing keys the center knows: the configured {@link BootstrapKeys} first, then the {@value #COLLECTION}
 * collection kept by {@link KeyRegistryProjection}. Lookups are cached briefly ({@link #CACHE_TTL}); the projection
 * invalidates an entry as soon as its key is registered or revoked on this node.
 */
@Component
public class KeyRegistry {

    /** Registered keys, {@code _id} = key id. */
    public static final String COLLECTION = "signer_keys";
    /** How long a lookup is reused when no event of the key was seen on this node (other nodes' changes). */
    public static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final int CACHE_SIZE = 1024;

    private final MongoCollection<Document> keys;
    private final BootstrapKeys bootstrap;
    private final Clock clock;
    private final Map<KeyId, Cached> cache = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<KeyId, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private record Cached(Optional<RegisteredKey> key, Instant expires) {
    }

    public KeyRegistry(MongoDatabase database, BootstrapKeys bootstrapKeys, Clock clock) {
        this.keys = database.getCollection(COLLECTION);
        this.bootstrap = bootstrapKeys;
        this.clock = clock;
    }

    /** The key with this id, revoked or not. */
    public Optional<SignerKeyView> find(KeyId keyId) {
        return lookup(keyId).map(RegisteredKey::view);
    }

    /** Forgets the cached lookup of a key (called when the key's events are seen). */
    public void invalidate(KeyId keyId) {
        synchronized (cache) {
            cache.remove(keyId);
        }
    }

    Optional<RegisteredKey> lookup(KeyId keyId) {
        Instant now = clock.instant();
        synchronized (cache) {
            Cached cached = cache.get(keyId);
            if (cached != null && now.isBefore(cached.expires())) {
                return cached.key();
            }
        }
        Optional<RegisteredKey> key = load(keyId).map(view -> new RegisteredKey(view, parse(view.publicKey())));
        synchronized (cache) {
            cache.put(keyId, new Cached(key, now.plus(CACHE_TTL)));
        }
        return key;
    }

    private Optional<SignerKeyView> load(KeyId keyId) {
        Document doc = keys.find(Filters.eq("_id", keyId.value())).first();
        Optional<SignerKeyView> configured = bootstrap.find(keyId);
        if (configured.isPresent()) {
            SignerKeyView b = configured.get();
            if (doc != null && Boolean.TRUE.equals(doc.getBoolean("revoked"))) {
                return Optional.of(new SignerKeyView(b.keyId(), b.algorithm(), b.publicKey(), b.ownerId(), b.roles(), b.operatorId(),
                        b.scope(), true, b.registeredAt(), Documents.instant(doc.getDate("revokedAt"))));
            }
            return configured;
        }
        if (doc == null || doc.getString("algorithm") == null) {
            return Optional.empty();
        }
        return Optional.of(Documents.signerKey(doc));
    }

    private static PublicKey parse(String publicKey) {
        try {
            return Crypto.parsePublicKey(publicKey);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether an envelope was validly signed by its key, for auditors: revocation, time and nonce are ignored (a revoked
     * key still verifies what it signed before). False if the key is unknown or of another algorithm.
     */
    public boolean verifyHistorical(SignedEnvelope envelope) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(envelope.signature());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return verifyHistorical(Envelopes.signingInput(envelope), signature, new KeyId(envelope.keyId()), envelope.algorithm());
    }

    /**
     * Whether stored signed bytes (e.g. {@code command_envelopes.envelope} as UTF-8) were validly signed by a key, ignoring
     * revocation, time and nonce.
     */
    public boolean verifyHistorical(byte[] signingInput, byte[] signature, KeyId keyId, SignatureAlgorithm algorithm) {
        return lookup(keyId).filter(k -> k.view().algorithm() == algorithm).map(k -> k.verifies(signingInput, signature)).orElse(false);
    }
}
