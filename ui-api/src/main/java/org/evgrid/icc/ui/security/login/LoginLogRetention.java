package org.evgrid.icc.ui.security.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the login log ({@value LoginRecords#LOG}) for {@code icc.security.login-log-retention} (default P180D; R-8.2e asks
 * for six months at least, so a shorter setting stops the start) and deletes older entries every night
 * ({@code icc.security.login-log-prune-cron}, default 03:23). Entry ids start with the zero-padded epoch milliseconds of the
 * attempt, so the prune is one delete by {@code _id} range: every entry whose id sorts before the cut-off's millisecond.
 */
@Component
public class LoginLogRetention {

    /** The shortest retention the rules allow (six months). */
    public static final Duration MIN_RETENTION = Duration.ofDays(180);

    private static final Logger LOG = LoggerFactory.getLogger(LoginLogRetention.class);

    private final MongoDatabase database;
    private final Clock clock;
    private final Duration retention;

    public LoginLogRetention(MongoDatabase database, Clock clock,
                             @Value("${icc.security.login-log-retention:P180D}") Duration retention) {
        if (retention == null || retention.compareTo(MIN_RETENTION) < 0) {
            throw new IllegalStateException("icc.security.login-log-retention is " + retention + ": the login log must be kept at least "
                    + "180 days (P180D, six months); set it to P180D or more");
        }
        this.database = database;
        this.clock = clock;
        this.retention = retention;
    }

    /** How long entries are kept. */
    public Duration retention() {
        return retention;
    }

    /** The nightly prune. */
    @Scheduled(cron = "${icc.security.login-log-prune-cron:0 23 3 * * *}")
    public void scheduledPrune() {
        try {
            prune();
        } catch (RuntimeException e) {
            LOG.warn("Could not prune the login log; will try again next night", e);
        }
    }

    /**
     * Deletes the entries older than the retention now.
     *
     * @return how many entries were deleted
     */
    public long prune() {
        Instant cutOff = clock.instant().minus(retention);
        long deleted = database.getCollection(LoginRecords.LOG)
                .deleteMany(Filters.lt("_id", String.format(Locale.ROOT, "%013d", cutOff.toEpochMilli()))).getDeletedCount();
        if (deleted > 0) {
            LOG.info("Login log: deleted {} entries older than {} (retention {})", deleted, cutOff, retention);
        }
        return deleted;
    }
}
