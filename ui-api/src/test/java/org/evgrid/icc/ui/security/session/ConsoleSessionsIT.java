package org.evgrid.icc.ui.security.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.ui.testing.EmbeddedMongo;
import org.evgrid.icc.ui.testing.MovingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions and sign-in challenges on a real (embedded) MongoDB with a clock the test moves. */
class ConsoleSessionsIT {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final SessionSettings settings = new SessionSettings(Duration.ofMinutes(15), Duration.ofHours(8), Duration.ofMinutes(2), true);
    private EmbeddedMongo mongo;
    private MongoDatabase db;

    @BeforeEach
    void start() {
        mongo = new EmbeddedMongo();
        db = mongo.database("icc");
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aSessionUsedWithinTheIdleTimeoutLivesUntilItsMaximumAge() {
        ConsoleSessions sessions = new ConsoleSessions(db, clock, settings);
        ConsoleSessions.Opened opened = sessions.open("wang", "10.0.0.8", EnumSet.of(SessionFactor.PASSWORD, SessionFactor.KEY));
        assertThat(opened.token()).startsWith(ConsoleSessions.PREFIX);
        for (int i = 0; i < 34; i++) { // 34 × 14 min = 7 h 56 min, used every 14 minutes
            clock.advance(Duration.ofMinutes(14));
            ConsoleSessions.Session s = sessions.find(opened.token());
            assertThat(sessions.endOf(s, clock.instant())).as("after %d uses", i).isNull();
            sessions.touch(s, clock.instant());
        }
        clock.advance(Duration.ofMinutes(14));
        ConsoleSessions.Session s = sessions.find(opened.token());
        assertThat(sessions.endOf(s, clock.instant())).isEqualTo(ConsoleSessions.End.MAX_AGE);
        assertThat(s.factors()).containsExactly(SessionFactor.PASSWORD, SessionFactor.KEY);
    }

    @Test
    void aSessionUnusedForTheIdleTimeoutEndsAndStaysEnded() {
        ConsoleSessions sessions = new ConsoleSessions(db, clock, settings);
        ConsoleSessions.Opened opened = sessions.open("wang", "10.0.0.8", EnumSet.of(SessionFactor.PASSWORD, SessionFactor.TOTP));
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(sessions.endOf(sessions.find(opened.token()), clock.instant())).isNull();
        clock.advance(Duration.ofSeconds(1));
        ConsoleSessions.Session s = sessions.find(opened.token());
        assertThat(sessions.endOf(s, clock.instant())).isEqualTo(ConsoleSessions.End.IDLE);
        sessions.end(s, ConsoleSessions.End.IDLE, clock.instant());
        sessions.end(s, ConsoleSessions.End.CLOSED, clock.instant()); // the first end wins
        assertThat(sessions.find(opened.token()).end()).isEqualTo(ConsoleSessions.End.IDLE);
        // only the token's hash is stored
        Document stored = db.getCollection(ConsoleSessions.COLLECTION).find().first();
        assertThat(stored.toJson()).doesNotContain(opened.token().substring(ConsoleSessions.PREFIX.length()));
        assertThat(sessions.find("iccs_not-a-token")).isNull();
        assertThat(sessions.find("Basic abc")).isNull();
        clock.advance(Duration.ofDays(2));
        assertThat(sessions.purge()).isEqualTo(1);
    }

    @Test
    void aChallengeIsUsableOnceBeforeItExpiresAndOnlyAsIssued() {
        LoginChallenges challenges = new LoginChallenges(db, clock, settings);
        LoginChallenges.Issued first = challenges.issue();
        assertThat(first.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
        challenges.redeem(first.challenge());
        assertThatThrownBy(() -> challenges.redeem(first.challenge())).isInstanceOfSatisfying(IccException.class,
                e -> assertThat(e.code()).isEqualTo("ICC-AUTH-CHALLENGE-USED"));

        String second = challenges.issue().challenge();
        String[] parts = second.split("\\.");
        String laterExpiry = (Long.parseLong(parts[0]) + 3600) + "." + parts[1] + "." + parts[2];
        for (String forged : new String[] {laterExpiry, second.substring(0, second.length() - 2) + "xx", "nonsense", "", null}) {
            assertThatThrownBy(() -> challenges.redeem(forged)).as(forged).isInstanceOfSatisfying(IccException.class,
                    e -> assertThat(e.code()).isEqualTo("ICC-AUTH-CHALLENGE-INVALID"));
        }
        // a second node shares the MAC key through the store and accepts the first node's challenge
        LoginChallenges otherNode = new LoginChallenges(db, clock, settings);
        otherNode.redeem(second);

        String late = challenges.issue().challenge();
        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> challenges.redeem(late)).isInstanceOfSatisfying(IccException.class,
                e -> assertThat(e.code()).isEqualTo("ICC-AUTH-CHALLENGE-EXPIRED"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(challenges.purge()).as("the two used challenges, not the MAC key").isEqualTo(2);
    }
}
