package org.evgrid.icc.ledger.signing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

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
import org.evgrid.icc.coreapi.security.FindPasswordStatusQuery;
import org.evgrid.icc.coreapi.security.FindUserCredentialsQuery;
import org.evgrid.icc.coreapi.security.PasswordStatusView;
import org.evgrid.icc.coreapi.security.UserCredentialsView;
import org.evgrid.icc.coreapi.security.UserDisabledEvent;
import org.evgrid.icc.coreapi.security.UserId;
import org.evgrid.icc.coreapi.security.UserPasswordChangedEvent;
import org.evgrid.icc.coreapi.security.UserRegisteredEvent;
import org.evgrid.icc.ledger.signing.internal.Documents;
import org.springframework.stereotype.Component;

/**
 * Console users for the login: {@value #COLLECTION} ({@code _id} = user id) from user events, idempotently (a replayed
 * registration does not re-enable a disabled user); answers {@link FindUserCredentialsQuery}. Keeps when the password was
 * set ({@code passwordSetAt}) and the hashes of the last {@value #PASSWORD_HISTORY} passwords ({@code recentHashes}, current
 * first) for the password policy; answers {@link FindPasswordStatusQuery}.
 */
@Component
@ProcessingGroup("key-registry")
public class UserDirectoryProjection {

    /** Console users, {@code _id} = user id. */
    public static final String COLLECTION = "users";

    /** How many recent password hashes are kept (a new password may not be one of them). */
    public static final int PASSWORD_HISTORY = 5;

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
                Updates.set("passwordSetAt", Documents.date(at)),
                Updates.set("recentHashes", List.of(event.passwordHash())),
                Updates.setOnInsert("enabled", true)), new UpdateOptions().upsert(true));
    }

    @EventHandler
    public void on(UserDisabledEvent event, @Timestamp Instant at) {
        users.updateOne(Filters.eq("_id", event.userId().value()), Updates.combine(
                Updates.set("enabled", false),
                Updates.set("disabledAt", Documents.date(at)),
                Updates.set("disabledReason", event.reason())), new UpdateOptions().upsert(true));
    }

    @EventHandler
    public void on(UserPasswordChangedEvent event, @Timestamp Instant at) {
        Document doc = users.find(Filters.eq("_id", event.userId().value())).first();
        List<String> recent = new ArrayList<>();
        recent.add(event.passwordHash());
        if (doc != null && doc.getList("recentHashes", String.class) != null) {
            for (String h : doc.getList("recentHashes", String.class)) {
                if (!h.equals(event.passwordHash()) && recent.size() < PASSWORD_HISTORY) {
                    recent.add(h); // a re-delivered event does not push the same hash twice
                }
            }
        }
        users.updateOne(Filters.eq("_id", event.userId().value()), Updates.combine(
                Updates.set("passwordHash", event.passwordHash()),
                Updates.set("passwordSetAt", Documents.date(at)),
                Updates.set("recentHashes", recent)), new UpdateOptions().upsert(true));
    }

    /** When the user's password was set and its recent hashes, or null if unknown. */
    @QueryHandler
    public PasswordStatusView handle(FindPasswordStatusQuery query) {
        Document doc = users.find(Filters.eq("_id", query.userId().value())).first();
        if (doc == null || doc.getString("passwordHash") == null) {
            return null;
        }
        Date setAt = doc.getDate("passwordSetAt") != null ? doc.getDate("passwordSetAt") : doc.getDate("registeredAt");
        List<String> recent = doc.getList("recentHashes", String.class);
        return new PasswordStatusView(new UserId(doc.getString("_id")), setAt == null ? null : setAt.toInstant(),
                recent == null ? List.of(doc.getString("passwordHash")) : List.copyOf(recent));
    }

    /** The user's credentials, or null if unknown. */
    @QueryHandler
    public UserCredentialsView handle(FindUserCredentialsQuery query) {
        Document doc = users.find(Filters.eq("_id", query.userId().value())).first();
        return doc == null || doc.getString("passwordHash") == null ? null : Documents.user(doc);
    }
}
