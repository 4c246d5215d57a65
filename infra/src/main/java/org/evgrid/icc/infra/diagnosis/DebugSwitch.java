package org.evgrid.icc.infra.diagnosis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.axonframework.queryhandling.QueryHandler;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.diagnosis.DebugSwitchView;
import org.evgrid.icc.coreapi.diagnosis.FindDebugSwitchQuery;
import org.evgrid.icc.coreapi.diagnosis.SwitchDebugQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.stereotype.Component;

/**
 * The runtime debug switch (R-6.2b): DEBUG for the {@value #ROOT} loggers and every MongoDB command logged
 * ({@link MongoCommandLog}) for a limited time, then back to the configured level automatically. Turning it on or off is
 * logged at WARN with who did it.
 */
@Component
public class DebugSwitch {

    /** The loggers set to DEBUG. */
    public static final String ROOT = "org.evgrid.icc";
    /** The longest time the switch stays on. */
    public static final int MAX_MINUTES = 240;

    private static final Logger LOG = LoggerFactory.getLogger(DebugSwitch.class);

    private final LoggingSystem logging;
    private final MongoCommandLog mongoLog;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "icc-debug-switch");
        t.setDaemon(true);
        return t;
    });
    private Instant until;
    private String by;
    private LogLevel before;
    private ScheduledFuture<?> expiry;

    public DebugSwitch(LoggingSystem logging, MongoCommandLog mongoLog, Clock clock) {
        this.logging = logging;
        this.mongoLog = mongoLog;
        this.clock = clock;
    }

    @QueryHandler
    public DebugSwitchView handle(SwitchDebugQuery query) {
        if (!query.enabled()) {
            return off(query.by());
        }
        if (query.minutes() < 1 || query.minutes() > MAX_MINUTES) {
            throw IccException.invalid("ICC-DIAG-DEBUG-MINUTES", "minutes", "调试时长应在 1 到 " + MAX_MINUTES + " 分钟之间",
                    "The debug time must be between 1 and " + MAX_MINUTES + " minutes", "Send minutes from 1 to " + MAX_MINUTES);
        }
        return on(Duration.ofMinutes(query.minutes()), query.by());
    }

    @QueryHandler
    public DebugSwitchView handle(FindDebugSwitchQuery query) {
        return view();
    }

    /** Turns DEBUG on for {@code duration} (again: extends or shortens it). */
    public synchronized DebugSwitchView on(Duration duration, String who) {
        if (until == null) {
            LoggerConfiguration config = logging.getLoggerConfiguration(ROOT);
            before = config == null ? null : config.getConfiguredLevel();
        }
        until = clock.instant().plus(duration);
        by = who;
        logging.setLogLevel(ROOT, LogLevel.DEBUG);
        mongoLog.enabled(true);
        if (expiry != null) {
            expiry.cancel(false);
        }
        expiry = timer.schedule(this::expireIfDue, Math.max(1, duration.toMillis()), TimeUnit.MILLISECONDS);
        LOG.warn("DEBUG SWITCH ON by {} until {}: DEBUG for {} and every MongoDB command logged", who, until, ROOT);
        return view();
    }

    /** Turns DEBUG off now; the loggers return to their configured level. */
    public synchronized DebugSwitchView off(String who) {
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
        if (until != null) {
            mongoLog.enabled(false);
            logging.setLogLevel(ROOT, before);
            until = null;
            by = who;
            LOG.warn("DEBUG SWITCH OFF by {}", who);
        }
        return view();
    }

    /** Turns the switch off if its time is up (the timer calls it; so may anyone). */
    public synchronized void expireIfDue() {
        if (until != null && !clock.instant().isBefore(until)) {
            off("expiry");
        } else if (until != null) {
            expiry = timer.schedule(this::expireIfDue, Math.max(1, Duration.between(clock.instant(), until).toMillis()),
                    TimeUnit.MILLISECONDS);
        }
    }

    public synchronized DebugSwitchView view() {
        return new DebugSwitchView(until != null, until, by);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
