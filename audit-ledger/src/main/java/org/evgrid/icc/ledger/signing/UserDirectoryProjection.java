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
import org.evgrid.icc.coreapi.security.FindUserCredentialsQuery;
import org.evgrid.icc.coreapi.security.UserCredentialsView;
import org.evgrid.icc.coreapi.security.UserDisabledEvent;
import org.evgrid.icc.coreapi.security.UserRegisteredEvent;
import org.evgrid.icc.ledger.signing.internal.Documents;
import org.springframework.stereotype.Component;

/**
 * Console users for the login: {@value #COLLECTION} ({@code _id} = user id) from user events, idempotently (a replayed
 * registration does not re-enable a disabled user); answers {@link FindUserCredentialsQuery}.
 */
@Component
@ProcessingGroup("key-registry")
public class UserDirectoryProjection {

    /** Console users, {@code _id} = user id. */
    public static final String COLLECTION = "users";

    private final MongoCollection<Document> users;

    public UserDirectoryProjection(MongoDatabase database) {
        this.users = database.getCollection(COLLECTION);
    }

    @EventHandler
    public void on(UserRegisteredEvent event, @Timestamp Instant at) {
        users.updateOne(Filters.eq("_id", event.userId().value()), Updates.combine(
                Updates.set("displayName", event.displayName()),
                Updates.set("passwordHash", event.passwordHash()),
                Updates.set("roles", Documents.roles(event.roles())),
                Updates.set("scope", Documents.scope(event.scope())),
                Updates.set("operatorId", Documents.operator(event.operatorId())),
                Updates.set("registeredAt", Documents.date(at)),
                Updates.setOnInsert("enabled", true)), new UpdateOptions().upsert(true));
    }

    @EventHandler
    public void on(UserDisabledEvent event, @Timestamp Instant at) {
        users.updateOne(Filters.eq("_id", event.userId().value()), Updates.combine(
                Updates.set("enabled", false),
                Updates.set("disabledAt", Documents.date(at)),
                Updates.set("disabledReason", event.reason())), new UpdateOptions().upsert(true));
    }

    /** The user's credentials, or null if unknown. */
    @QueryHandler
    public UserCredentialsView handle(FindUserCredentialsQuery query) {
        Document doc = users.find(Filters.eq("_id", query.userId().value())).first();
        return doc == null || doc.getString("passwordHash") == null ? null : Documents.user(doc);
    }
}
