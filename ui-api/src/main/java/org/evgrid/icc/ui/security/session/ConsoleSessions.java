package org.evgrid.icc.ui.security.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Console sessions in {@value #COLLECTION}: {@code _id} = SHA-256 (hex) of the bearer token, so a copy of the collection
 * opens no session and each request is one {@code _id} lookup. The token itself ({@value #PREFIX} + 32 random bytes) is
 * answered once, when the session opens. A session ends when it is closed, unused for the idle timeout, or older than
 * its maximum age; ended sessions stay a day for the record, then go
 * (an idle one at the latest a day after its maximum age).
 */
public class ConsoleSessions {

    /** The sessions. */
    public static final String COLLECTION = "sec_sessions";
    /** Every token starts with this, so it is recognisable in a leak scan. */
    public static final String PREFIX = "iccs_";

    /** Why a session ended. */
    public enum End { CLOSED, IDLE, MAX_AGE, USER_DISABLED }

    /** A session as stored. */
    public record Session(String id, String user, String address, List<SessionFactor> factors, Instant openedAt, Instant lastSeenAt,
                          Instant absoluteExpiresAt, Instant endedAt, End end) {

        /** When it ends if unused from now on. */
        public Instant idleExpiresAt(Duration idle) {
            Instant idleEnd = lastSeenAt.plus(idle);
            return idleEnd.isBefore(absoluteExpiresAt) ? idleEnd : absoluteExpiresAt;
        }
    }

    /** A newly opened session with its token (the only time the token is seen). */
    public record Opened(String token, Session session) {
    }

    /** lastSeenAt is written at most this often per session (each request would otherwise write), and well within the idle timeout. */
    private static final Duration MAX_TOUCH_GRANULARITY = Duration.ofSeconds(10);

    private final MongoCollection<Document> collection;
    private final Clock clock;
    private final SessionSettings settings;
    private final SecureRandom random = new SecureRandom();
    private final Duration touchGranularity;

    public ConsoleSessions(MongoDatabase database, Clock clock, SessionSettings settings) {
        this.collection = database.getCollection(COLLECTION);
        this.clock = clock;
        this.settings = settings;
        Duration tenth = settings.idleTimeout().dividedBy(10);
        this.touchGranularity = tenth.compareTo(MAX_TOUCH_GRANULARITY) < 0 ? tenth : MAX_TOUCH_GRANULARITY;
    }

    public SessionSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    /** Opens a session for a user who has just proved the given factors. */
    public Opened open(String user, String address, Set<SessionFactor> factors) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        List<SessionFactor> ordered = factors.stream().sorted().toList();
        Session session = new Session(idOf(token), user, address, ordered, now, now, now.plus(settings.maxAge()), null, null);
        collection.insertOne(new Document("_id", session.id()).append("user", user).append("address", address)
                .append("factors", ordered.stream().map(Enum::name).toList()).append("openedAt", Date.from(now))
                .append("lastSeenAt", Date.from(now)).append("absoluteExpiresAt", Date.from(session.absoluteExpiresAt())));
        return new Opened(token, session);
    }

    /** The session of a token, if there is one (ended or not). */
    public Session find(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return null;
        }
        Document d = collection.find(Filters.eq("_id", idOf(token))).first();
        return d == null ? null : toSession(d);
    }

    /** Why the session has ended by now, or null if it is live. */
    public End endOf(Session s, Instant now) {
        if (s.endedAt() != null) {
            return s.end();
        }
        if (!now.isBefore(s.absoluteExpiresAt())) {
            return End.MAX_AGE;
        }
        if (!now.isBefore(s.lastSeenAt().plus(settings.idleTimeout()))) {
            return End.IDLE;
        }
        return null;
    }

    /** Records that the session was used now (coarsely; never moves lastSeenAt back). */
    public Session touch(Session s, Instant now) {
        if (Duration.between(s.lastSeenAt(), now).compareTo(touchGranularity) >= 0) {
            collection.updateOne(Filters.and(Filters.eq("_id", s.id()), Filters.eq("endedAt", null)),
                    Updates.max("lastSeenAt", Date.from(now)));
            return new Session(s.id(), s.user(), s.address(), s.factors(), s.openedAt(), now, s.absoluteExpiresAt(), null, null);
        }
        return s;
    }

    /** Ends a session (first end wins: an idle session closed later stays IDLE). */
    public void end(Session s, End why, Instant at) {
        collection.updateOne(Filters.and(Filters.eq("_id", s.id()), Filters.eq("endedAt", null)),
                Updates.combine(Updates.set("endedAt", Date.from(at)), Updates.set("end", why.name())));
    }

    /** Removes sessions that ended (or expired) more than a day ago. */
    public long purge() {
        Date before = Date.from(clock.instant().minus(Duration.ofDays(1)));
        // a session unused for its idle timeout has ended too, but is only marked so when its token comes back: max age bounds both
        return collection.deleteMany(Filters.or(Filters.lt("endedAt", before), Filters.lt("absoluteExpiresAt", before))).getDeletedCount();
    }

    static String idOf(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Session toSession(Document d) {
        List<SessionFactor> factors = ((List<String>) d.get("factors", List.class)).stream().map(SessionFactor::valueOf).toList();
        String end = d.getString("end");
        return new Session(d.getString("_id"), d.getString("user"), d.getString("address"), factors, d.getDate("openedAt").toInstant(),
                d.getDate("lastSeenAt").toInstant(), d.getDate("absoluteExpiresAt").toInstant(),
                d.getDate("endedAt") == null ? null : d.getDate("endedAt").toInstant(), end == null ? null : End.valueOf(end));
    }
}
