package org.evgrid.icc.ui.security.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.evgrid.icc.ledger.secrets.SecretBox;
import org.evgrid.icc.ui.testing.EmbeddedMongo;
import org.evgrid.icc.ui.testing.MovingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Login log retention (R-8.2e) over a real (in-memory) Mongo store and a clock the test moves: entries older than the
 * retention are deleted, the rest are kept (to the millisecond); a retention under six months stops the start.
 */
class LoginLogRetentionIT {

    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");

    private final MovingClock clock = new MovingClock(T0);
    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private LoginRecords records;

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo();
        database = mongo.database("icc");
        records = new LoginRecords(database, clock, new LoginSettings(3, Duration.ofMinutes(15), Duration.ofDays(90), Duration.ZERO),
                new SecretBox(List.of(SecretBox.newKey("k1", SecretBox.Algorithm.SM4_GCM))));
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private List<String> users() {
        return records.entries(null, null, null, 1000).stream().map(LoginRecords.Entry::user).sorted().toList();
    }

    @Test
    void entriesOlderThanTheRetentionAreDeletedAndYoungerOnesKept() {
        LoginLogRetention retention = new LoginLogRetention(database, clock, Duration.ofDays(180));
        records.record("old", "10.0.0.1", LoginResult.BAD_PASSWORD, null);
        clock.set(T0.plus(Duration.ofDays(10)));
        records.record("boundary", "10.0.0.1", LoginResult.SUCCESS, null);
        clock.set(T0.plus(Duration.ofDays(100)));
        records.record("recent", "10.0.0.1", LoginResult.UNKNOWN_USER, null);

        clock.set(T0.plus(Duration.ofDays(190)));
        assertThat(retention.prune()).isEqualTo(1);
        assertThat(users()).containsExactly("boundary", "recent");
        assertThat(retention.prune()).as("nothing more to delete").isZero();

        clock.set(T0.plus(Duration.ofDays(190)).plusMillis(1));
        assertThat(retention.prune()).isEqualTo(1);
        assertThat(users()).containsExactly("recent");

        clock.set(T0.plus(Duration.ofDays(400)));
        retention.scheduledPrune();
        assertThat(users()).isEmpty();
    }

    @Test
    void aLongerRetentionKeepsMore() {
        LoginLogRetention year = new LoginLogRetention(database, clock, Duration.ofDays(365));
        records.record("old", "10.0.0.1", LoginResult.BAD_PASSWORD, null);
        clock.set(T0.plus(Duration.ofDays(300)));
        assertThat(year.prune()).isZero();
        assertThat(users()).containsExactly("old");
        assertThat(year.retention()).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void aRetentionUnderSixMonthsStopsTheStart() {
        assertThatThrownBy(() -> new LoginLogRetention(database, clock, Duration.ofDays(179)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("P180D");
        assertThat(new LoginLogRetention(database, clock, Duration.ofDays(180)).retention()).isEqualTo(Duration.ofDays(180));
    }
}
