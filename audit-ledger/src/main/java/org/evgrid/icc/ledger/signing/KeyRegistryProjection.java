package org.evgrid.icc.ledger.signing;

import java.time.Instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.security.FindSignerKeyQuery;
import org.evgrid.icc.coreapi.security.SignerKeyRegisteredEvent;
import org.evgrid.icc.coreapi.security.SignerKeyRevokedEvent;
import org.evgrid.icc.coreapi.security.SignerKeyView;
import org.evgrid.icc.ledger.signing.internal.Documents;
import org.springframework.stereotype.Component;

/**
 * Keeps {@value KeyRegistry#COLLECTION} from key events (idempotent: a replayed event changes nothing, a replayed
 * registration does not undo a revocation) and answers {@link FindSignerKeyQuery}. Runs in the subscribing
 * "key-registry" group, so a key can sign as soon as the command that registered it returns.
 */
@Component
@ProcessingGroup("key-registry")
public class KeyRegistryProjection {

    private final MongoCollection<Document> keys;
    private final KeyRegistry registry;

    public KeyRegistryProjection(MongoDatabase database, KeyRegistry registry) {
        this.keys = database.getCollection(KeyRegistry.COLLECTION);
        this.registry = registry;
    }

    @EventHandler
    public void on(SignerKeyRegisteredEvent event, @Timestamp Instant at) {
        keys.updateOne(Filters.eq("_id", event.keyId().value()), Updates.combine(
                Updates.set("algorithm", event.algorithm().name()),
                Updates.set("publicKey", event.publicKey()),
                Updates.set("ownerId", event.ownerId()),
                Updates.set("roles", Documents.roles(event.roles())),
                Updates.set("operatorId", Documents.operator(event.operatorId())),
                Updates.set("scope", Documents.scope(event.scope())),
                Updates.set("registeredAt", Documents.date(at)),
                Updates.setOnInsert("revoked", false)), new UpdateOptions().upsert(true));
        registry.invalidate(event.keyId());
    }

    @EventHandler
    public void on(SignerKeyRevokedEvent event, @Timestamp Instant at) {
        keys.updateOne(Filters.eq("_id", event.keyId().value()), Updates.combine(
                Updates.set("revoked", true),
                Updates.set("revokedAt", Documents.date(at)),
                Updates.set("revokeReason", event.reason())), new UpdateOptions().upsert(true));
        registry.invalidate(event.keyId());
    }

    /** The key (configured or registered, revoked or not), or null if unknown. */
    @QueryHandler
    public SignerKeyView handle(FindSignerKeyQuery query) {
        return registry.find(query.keyId()).orElse(null);
    }
}
