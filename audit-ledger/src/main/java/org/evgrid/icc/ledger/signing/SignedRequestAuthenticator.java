package org.evgrid.icc.ledger.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.mongodb.client.MongoDatabase;
import org.axonframework.queryhandling.QueryHandler;
import org.evgrid.icc.coreapi.security.AuthenticateSignedRequestQuery;
import org.evgrid.icc.coreapi.security.SignerKeyView;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.ledger.signing.internal.NonceStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Authenticates signed read requests of machine clients ({@link SignedRequest}): answers the {@link Viewer} of the key,
 * or refuses with ICC-SIG-MISSING, ICC-SIG-HEADER (malformed), ICC-SIG-UNKNOWN-KEY, ICC-SIG-KEY-REVOKED, ICC-SIG-INVALID,
 * ICC-SIG-STALE or (last) ICC-SIG-REPLAY. Nonces are kept in {@value #NONCES}.
 */
@Component
public class SignedRequestAuthenticator {

    /** Used nonces of read requests: {@code {_id: keyId|nonce, at}}. */
    public static final String NONCES = "request_nonces";

    private final KeyRegistry keys;
    private final NonceStore nonces;
    private final Clock clock;
    private final Duration window;

    @Autowired
    public SignedRequestAuthenticator(KeyRegistry keys, MongoDatabase database, Clock clock) {
        this(keys, database, clock, SignedCommandInterceptor.DEFAULT_WINDOW);
    }

    public SignedRequestAuthenticator(KeyRegistry keys, MongoDatabase database, Clock clock, Duration window) {
        this.keys = keys;
        this.nonces = new NonceStore(database, NONCES);
        this.clock = clock;
        this.window = window;
    }

    @QueryHandler
    public Viewer handle(AuthenticateSignedRequestQuery query) {
        if (query.keyId() == null) {
            throw Refusals.missing(SignedRequest.KEY_ID_HEADER);
        }
        String[][] required = {
            {SignedRequest.TIMESTAMP_HEADER, query.timestamp()},
            {SignedRequest.NONCE_HEADER, query.nonce()},
            {SignedRequest.SIGNATURE_HEADER, query.signature()},
            {"method", query.method()},
            {"path", query.pathAndQuery()},
        };
        for (String[] r : required) {
            if (r[1] == null || r[1].isBlank()) {
                throw Refusals.missing(r[0]);
            }
        }
        Instant signedAt;
        try {
            signedAt = Instant.parse(query.timestamp());
        } catch (DateTimeParseException e) {
            throw Refusals.header(SignedRequest.TIMESTAMP_HEADER, "时间戳应为 ISO-8601 UTC 时刻", "the timestamp must be an ISO-8601 UTC instant",
                    "Send a time such as 2025-03-01T08:00:00.000Z");
        }
        if (!Envelopes.NONCE.matcher(query.nonce()).matches()) {
            throw Refusals.header(SignedRequest.NONCE_HEADER, "随机数应为 16–64 位字母、数字、_ 或 -",
                    "the nonce must be 16-64 letters, digits, _ or -", "Send a fresh random nonce such as 24 random bytes in base64url");
        }
        RegisteredKey key = KeyChecks.activeKey(keys, query.keyId());
        SignedRequest request = new SignedRequest(query.method(), query.pathAndQuery(), query.keyId().value(), query.timestamp(),
                query.nonce(), query.signature().trim());
        if (!request.verifies(key.view().algorithm(), key.publicKey())) {
            throw Refusals.invalidSignature();
        }
        KeyChecks.fresh(signedAt, query.timestamp(), clock, window);
        if (!nonces.claim(query.keyId().value(), query.nonce(), clock.instant())) {
            throw Refusals.replay();
        }
        SignerKeyView view = key.view();
        return new Viewer(view.ownerId(), view.roles(), view.operatorId(), view.scope());
    }

    /** Forgets request nonces older than twice the window (they can no longer be replayed); run rarely. */
    public long purgeNonces() {
        return nonces.purgeBefore(clock.instant().minus(window.multipliedBy(2)));
    }
}
