package org.evgrid.icc.ui.security.login;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.SecretSealer;

/**
 * The login state and the login log. {@value #STATE} ({@code _id} = user id as typed, also for unknown ids, so that a
 * lock does not tell whether a user exists): consecutive {@code failures}, {@code lockedUntil}, the one-time-code
 * {@code totpSecret} (base32, sealed by the {@link SecretSealer} with context {@code "totp:" + _id}; a plain value written
 * before encryption at rest is sealed when first read; never answered again after enrolment) and {@code totpEnrolledAt}.
 * {@value #LOG} ({@code _id} = zero-padded epoch milliseconds, a counter and random hex: time-ordered and unique):
 * {@code at, user, address, result}, {@code source} (which password was checked: {@link LoginSource}; absent where none was,
 * e.g. a locked id) and {@code lockedUntil} on the failure that locked the user. Every recorded failure also counts towards
 * its address's limit ({@link AddressThrottle}, if given).
 */
public class LoginRecords {

    /** Login state per user id. */
    public static final String STATE = "sec_login_state";
    /** Every console authentication attempt. */
    public static final String LOG = "sec_login_log";
    /** User names are kept to this length. */
    public static final int MAX_USER = 64;

    /**
     * The state of a user id: consecutive failures, lock, one-time-code secret (null if not enrolled), and why an enrolled
     * secret cannot be decrypted (wrong or missing master key, altered value; null if readable or none) — sign-in then fails
     * closed after the password check.
     */
    public record State(int failures, Instant lockedUntil, String totpSecret, IccException totpUnreadable) {
        static final State NONE = new State(0, null, null, null);
    }

    /** One entry of the login log. */
    public record Entry(String id, Instant at, String user, String address, LoginResult result, Instant lockedUntil, LoginSource source) {
    }

    private final MongoCollection<Document> state;
    private final MongoCollection<Document> log;
    private final Clock clock;
    private final LoginSettings settings;
    private final SecretSealer sealer;
    private final AtomicLong sequence = new AtomicLong();
    private final String instance;
    private final Map<String, Instant> lastSuccessLogged = new ConcurrentHashMap<>();
    private final AddressThrottle addresses;

    public LoginRecords(MongoDatabase database, Clock clock, LoginSettings settings, SecretSealer sealer) {
        this(database, clock, settings, sealer, null);
    }

    /** With per-address throttling of failed sign-ins (null: none). */
    public LoginRecords(MongoDatabase database, Clock clock, LoginSettings settings, SecretSealer sealer, AddressThrottle addresses) {
        this.addresses = addresses;
        this.state = database.getCollection(STATE);
        this.sealer = sealer;
        this.log = database.getCollection(LOG);
        this.clock = clock;
        this.settings = settings;
        byte[] r = new byte[3];
        new SecureRandom().nextBytes(r);
        this.instance = HexFormat.of().formatHex(r);
    }

    /** The per-address throttle, or null. */
    public AddressThrottle addresses() {
        return addresses;
    }

    public LoginSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    /** A user name as typed, cut to {@value #MAX_USER} characters (anybody can type anything). */
    static String key(String typed) {
        return typed.length() > MAX_USER ? typed.substring(0, MAX_USER) : typed;
    }

    /** The state of a user id (never null). */
    public State state(String userId) {
        Document d = state.find(Filters.eq("_id", key(userId))).first();
        if (d == null) {
            return State.NONE;
        }
        Date locked = d.getDate("lockedUntil");
        Integer failures = d.getInteger("failures");
        String secret = null;
        IccException unreadable = null;
        try {
            secret = totpSecret(d);
        } catch (IccException e) {
            unreadable = e;
        }
        return new State(failures == null ? 0 : failures, locked == null ? null : locked.toInstant(), secret, unreadable);
    }

    /** The plain one-time-code secret of a state document; seals it again if it is plain or sealed with an older key. */
    private String totpSecret(Document d) {
        String stored = d.getString("totpSecret");
        if (stored == null) {
            return null;
        }
        String context = totpContext(d.getString("_id"));
        String plain = SecretSealer.isSealed(stored) ? new String(sealer.open(stored, context), StandardCharsets.US_ASCII) : stored;
        if (!sealer.isCurrent(stored)) {
            // only if unchanged meanwhile (a concurrent enrolment wins)
            state.updateOne(Filters.and(Filters.eq("_id", d.getString("_id")), Filters.eq("totpSecret", stored)),
                    Updates.set("totpSecret", sealer.seal(plain.getBytes(StandardCharsets.US_ASCII), context)));
        }
        return plain;
    }

    private static String totpContext(String id) {
        return "totp:" + id;
    }

    /**
     * Seals again every one-time-code secret that is plain or sealed with an older master key (after a key rotation, so
     * the old key can be retired); answers how many were rewritten.
     */
    public int resealTotpSecrets() {
        int n = 0;
        for (Document d : state.find(Filters.exists("totpSecret"))) {
            String stored = d.getString("totpSecret");
            if (stored != null && !sealer.isCurrent(stored)) {
                totpSecret(d);
                n++;
            }
        }
        return n;
    }

    /** Counts a failure; answers the lock's end if this failure locked the user id, else null. */
    public Instant failed(String userId, Instant now) {
        String id = key(userId);
        Document after = state.findOneAndUpdate(Filters.eq("_id", id),
                Updates.combine(Updates.inc("failures", 1), Updates.set("lastFailureAt", Date.from(now))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        Integer failures = after == null ? null : after.getInteger("failures");
        if (failures != null && failures >= settings.maxFailedLogins()) {
            Instant until = now.plus(settings.lockout()).truncatedTo(ChronoUnit.MILLIS); // as the store keeps it
            state.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("failures", 0), Updates.set("lockedUntil", Date.from(until))));
            return until;
        }
        return null;
    }

    /** A success ends the run of failures (written only when there was one). */
    public void succeeded(String userId, State before) {
        if (before.failures() > 0 || before.lockedUntil() != null) {
            state.updateOne(Filters.eq("_id", userId), Updates.combine(Updates.set("failures", 0), Updates.unset("lockedUntil")));
        }
    }

    /** Stores a one-time-code secret for the user (replacing an earlier one). */
    public void enrolTotp(String userId, String base32Secret, Instant now) {
        String sealed = sealer.seal(base32Secret.getBytes(StandardCharsets.US_ASCII), totpContext(userId));
        state.updateOne(Filters.eq("_id", userId), Updates.combine(Updates.set("totpSecret", sealed),
                Updates.set("totpEnrolledAt", Date.from(now))), new UpdateOptions().upsert(true));
    }

    /** Records an attempt; a success of the same user from the same address is recorded once per configured interval. */
    public void record(String typedUser, String address, LoginResult result, Instant lockedUntil) {
        record(typedUser, address, result, lockedUntil, null);
    }

    /**
     * Records an attempt with the source of the password check (null: none); a success of the same user from the same address
     * and source is recorded once per configured interval (so a fall-back to the local password is always seen).
     */
    public void record(String typedUser, String address, LoginResult result, Instant lockedUntil, LoginSource source) {
        Instant now = clock.instant();
        String user = key(typedUser);
        if (addresses != null && AddressThrottle.counts(result)) {
            addresses.failed(address, now);
        }
        if (result == LoginResult.SUCCESS && !settings.successLogInterval().isZero()) {
            String key = user + "|" + address + "|" + source;
            Instant last = lastSuccessLogged.get(key);
            if (last != null && now.isBefore(last.plus(settings.successLogInterval()))) {
                return;
            }
            lastSuccessLogged.put(key, now);
        } else if (result != LoginResult.SUCCESS) {
            lastSuccessLogged.remove(user + "|" + address + "|" + null);
            for (LoginSource s : LoginSource.values()) {
                lastSuccessLogged.remove(user + "|" + address + "|" + s);
            }
        }
        String id = String.format(Locale.ROOT, "%013d-%09d-%s", now.toEpochMilli(), sequence.incrementAndGet() % 1_000_000_000L, instance);
        Document d = new Document("_id", id).append("at", Date.from(now)).append("user", user).append("address", address)
                .append("result", result.name());
        if (lockedUntil != null) {
            d.append("lockedUntil", Date.from(lockedUntil));
        }
        if (source != null) {
            d.append("source", source.name());
        }
        log.insertOne(d);
    }

    /** Log entries with from ≤ at &lt; to (either may be null), of one user if given, newest first, at most limit. */
    public List<Entry> entries(Instant from, Instant to, String user, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (from != null) {
            filters.add(Filters.gte("_id", String.format(Locale.ROOT, "%013d", from.toEpochMilli())));
        }
        if (to != null) {
            filters.add(Filters.lt("_id", String.format(Locale.ROOT, "%013d", to.toEpochMilli())));
        }
        if (user != null) {
            filters.add(Filters.eq("user", user));
        }
        List<Entry> out = new ArrayList<>();
        for (Document d : log.find(filters.isEmpty() ? new Document() : Filters.and(filters)).sort(Sorts.descending("_id")).limit(limit)) {
            Date locked = d.getDate("lockedUntil");
            String source = d.getString("source");
            out.add(new Entry(d.getString("_id"), d.getDate("at").toInstant(), d.getString("user"), d.getString("address"),
                    LoginResult.valueOf(d.getString("result")), locked == null ? null : locked.toInstant(),
                    source == null ? null : LoginSource.valueOf(source)));
        }
        return out;
    }
}
