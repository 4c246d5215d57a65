package org.evgrid.icc.ui.security.login;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Throttling of failed console sign-ins per client address (password spraying: many user ids, few tries each, which the
 * per-user lock never sees). More than {@code icc.security.max-failed-logins-per-address} (20) failures from one address
 * within {@code icc.security.address-window} (15 min, counted from the window's first failure) block that address's HTTP
 * Basic sign-ins for {@code icc.security.address-lockout} (15 min). Failures are those the login log records as
 * BAD_PASSWORD, UNKNOWN_USER, DISABLED, LOCKED, TOTP_INVALID or SECOND_FACTOR_INVALID. State in {@value #COLLECTION},
 * {@code _id} = the address as the server sees it: {@code windowStart}, {@code failures}, {@code blockedUntil}; every write
 * is keyed by {@code _id}.
 */
@Component
public class AddressThrottle {

    /** Failed sign-ins per client address. */
    public static final String COLLECTION = "sec_login_addresses";

    private final MongoCollection<Document> addresses;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;

    public AddressThrottle(MongoDatabase database,
                           @Value("${icc.security.max-failed-logins-per-address:20}") int maxFailures,
                           @Value("${icc.security.address-window:15m}") Duration window,
                           @Value("${icc.security.address-lockout:15m}") Duration lockout) {
        if (maxFailures < 1 || window == null || window.isNegative() || window.isZero() || lockout == null || lockout.isNegative()) {
            throw new IllegalStateException("icc.security: max-failed-logins-per-address ≥ 1, address-window > 0, address-lockout ≥ 0");
        }
        this.addresses = database.getCollection(COLLECTION);
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
    }

    /** Whether a login-log result counts as a failure of the address. */
    public static boolean counts(LoginResult result) {
        return switch (result) {
            case BAD_PASSWORD, UNKNOWN_USER, DISABLED, LOCKED, TOTP_INVALID, SECOND_FACTOR_INVALID -> true;
            default -> false;
        };
    }

    /** The end of the address's block, or null if it is not blocked now. */
    public Instant blockedUntil(String address, Instant now) {
        if (address == null) {
            return null;
        }
        Document d = addresses.find(Filters.eq("_id", address)).first();
        Date until = d == null ? null : d.getDate("blockedUntil");
        return until != null && now.isBefore(until.toInstant()) ? until.toInstant() : null;
    }

    /** Counts a failure of the address; answers the block's end if this failure blocked it, else null. */
    public Instant failed(String address, Instant now) {
        if (address == null) {
            return null;
        }
        Document d = addresses.find(Filters.eq("_id", address)).first();
        Date start = d == null ? null : d.getDate("windowStart");
        int failures;
        if (start == null || !now.isBefore(start.toInstant().plus(window))) {
            addresses.updateOne(Filters.eq("_id", address), Updates.combine(Updates.set("windowStart", Date.from(now)),
                    Updates.set("failures", 1)), new UpdateOptions().upsert(true));
            failures = 1;
        } else {
            Document after = addresses.findOneAndUpdate(Filters.eq("_id", address), Updates.inc("failures", 1),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            Integer n = after == null ? null : after.getInteger("failures");
            failures = n == null ? 1 : n;
        }
        if (failures <= maxFailures) {
            return null;
        }
        Instant until = now.plus(lockout).truncatedTo(ChronoUnit.MILLIS);
        addresses.updateOne(Filters.eq("_id", address), Updates.combine(Updates.set("blockedUntil", Date.from(until)),
                Updates.set("failures", 0), Updates.unset("windowStart")));
        return until;
    }
}
