package org.evgrid.icc.ui.security.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.bson.types.Binary;
import org.evgrid.icc.coreapi.common.IccException;

/**
 * Sign-in challenges for the cryptographic second factor. A challenge is {@code <expiry epoch seconds>.<random>.<mac>}
 * with an HMAC-SHA256 under a key every node shares (created once in {@value #COLLECTION}), so issuing one writes
 * nothing (the endpoint is open to anybody); using one claims it in {@value #COLLECTION} ({@code _id = "used:" +
 * challenge}), so each challenge opens at most one session.
 */
public class LoginChallenges {

    /** The shared MAC key and the used challenges. */
    public static final String COLLECTION = "sec_login_challenges";

    private static final String KEY_ID = "mac-key";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final MongoCollection<Document> collection;
    private final Clock clock;
    private final SessionSettings settings;
    private final SecureRandom random = new SecureRandom();
    private final byte[] macKey;

    public LoginChallenges(MongoDatabase database, Clock clock, SessionSettings settings) {
        this.collection = database.getCollection(COLLECTION);
        this.clock = clock;
        this.settings = settings;
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        // the first node to start creates the key; every node reads the same one back
        Document key = collection.findOneAndUpdate(Filters.eq("_id", KEY_ID), Updates.setOnInsert("key", new Binary(fresh)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        this.macKey = key.get("key", Binary.class).getData();
    }

    /** A new challenge and when it expires. */
    public Issued issue() {
        Instant expires = clock.instant().plus(settings.challengeTtl());
        byte[] nonce = new byte[18];
        random.nextBytes(nonce);
        String body = expires.getEpochSecond() + "." + B64.encodeToString(nonce);
        return new Issued(body + "." + mac(body), expires);
    }

    /** Checks that the challenge is the center's, unexpired and unused, and marks it used. */
    public void redeem(String challenge) {
        if (challenge == null || challenge.length() > 200) {
            throw invalid();
        }
        int last = challenge.lastIndexOf('.');
        int first = challenge.indexOf('.');
        if (first <= 0 || last <= first) {
            throw invalid();
        }
        String body = challenge.substring(0, last);
        byte[] expected = mac(body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, challenge.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw invalid();
        }
        Instant expires;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(challenge.substring(0, first)));
        } catch (NumberFormatException e) {
            throw invalid();
        }
        Instant now = clock.instant();
        if (!now.isBefore(expires)) {
            throw IccException.invalid("ICC-AUTH-CHALLENGE-EXPIRED", "challenge", "登录挑战已过期", "The sign-in challenge has expired",
                    "Ask for a new one (POST /api/v1/sessions/challenges), sign it and use it within "
                            + settings.challengeTtl().toSeconds() + " seconds");
        }
        try {
            collection.insertOne(new Document("_id", "used:" + challenge).append("expiresAt", Date.from(expires)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw IccException.conflict("ICC-AUTH-CHALLENGE-USED", "challenge", "该登录挑战已被使用过",
                        "This sign-in challenge has been used already", "Ask for a new challenge for each sign-in");
            }
            throw e;
        }
    }

    /** Forgets used challenges that have expired (they can no longer be replayed anyway). */
    public long purge() {
        return collection.deleteMany(Filters.and(Filters.ne("_id", KEY_ID), Filters.lt("expiresAt", Date.from(clock.instant()))))
                .getDeletedCount();
    }

    private String mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static IccException invalid() {
        return IccException.invalid("ICC-AUTH-CHALLENGE-INVALID", "challenge", "登录挑战无效（不是本中心签发的或被改动过）",
                "The sign-in challenge is not one this center issued, or it was altered",
                "Use the challenge exactly as POST /api/v1/sessions/challenges answered it");
    }

    /** An issued challenge. */
    public record Issued(String challenge, Instant expiresAt) {
    }
}
