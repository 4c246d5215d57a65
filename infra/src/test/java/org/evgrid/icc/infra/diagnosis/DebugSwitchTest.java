package org.evgrid.icc.infra.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.diagnosis.DebugSwitchView;
import org.evgrid.icc.coreapi.diagnosis.SwitchDebugQuery;
import org.evgrid.icc.infra.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

class DebugSwitchTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
    private final TestClock clock = new TestClock(T0);
    private final MongoCommandLog mongoLog = new MongoCommandLog();
    private final DebugSwitch debug = new DebugSwitch(logging, mongoLog, clock);

    @AfterEach
    void restore() {
        debug.off("test");
        debug.stop();
    }

    @Test
    void switchedOnForFifteenMinutesItLogsDebugAndMongoCommandsUntilItsTimeIsUp() {
        LogLevel configured = logging.getLoggerConfiguration(DebugSwitch.ROOT).getConfiguredLevel();
        assertThat(LoggerFactory.getLogger("org.evgrid.icc.query.archive").isDebugEnabled()).isFalse();

        DebugSwitchView on = debug.handle(new SwitchDebugQuery(true, 15, "sec-op"));

        assertThat(on.enabled()).isTrue();
        assertThat(on.until()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(on.by()).isEqualTo("sec-op");
        assertThat(LoggerFactory.getLogger("org.evgrid.icc.query.archive").isDebugEnabled()).isTrue();
        assertThat(mongoLog.enabled()).isTrue();

        clock.set(T0.plus(Duration.ofMinutes(14)));
        debug.expireIfDue();
        assertThat(debug.view().enabled()).as("still on one minute before its end").isTrue();

        clock.set(T0.plus(Duration.ofMinutes(15)));
        debug.expireIfDue();
        assertThat(debug.view().enabled()).isFalse();
        assertThat(debug.view().by()).isEqualTo("expiry");
        assertThat(mongoLog.enabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.evgrid.icc.query.archive").isDebugEnabled()).isFalse();
        assertThat(logging.getLoggerConfiguration(DebugSwitch.ROOT).getConfiguredLevel()).isEqualTo(configured);
    }

    @Test
    void switchingOnAgainExtendsAndSwitchingOffEndsAtOnce() {
        debug.on(Duration.ofMinutes(5), "a");
        clock.set(T0.plus(Duration.ofMinutes(4)));
        debug.on(Duration.ofMinutes(5), "b");
        clock.set(T0.plus(Duration.ofMinutes(6)));
        debug.expireIfDue();
        assertThat(debug.view().enabled()).isTrue();
        assertThat(debug.view().until()).isEqualTo(T0.plus(Duration.ofMinutes(9)));

        DebugSwitchView off = debug.handle(new SwitchDebugQuery(false, 0, "c"));
        assertThat(off.enabled()).isFalse();
        assertThat(off.by()).isEqualTo("c");
        assertThat(mongoLog.enabled()).isFalse();
    }

    @Test
    void minutesOutsideOneToFourHoursAreRefused() {
        assertThatThrownBy(() -> debug.handle(new SwitchDebugQuery(true, 0, "x"))).isInstanceOf(IccException.class)
                .hasFieldOrPropertyWithValue("code", "ICC-DIAG-DEBUG-MINUTES");
        assertThatThrownBy(() -> debug.handle(new SwitchDebugQuery(true, 241, "x"))).isInstanceOf(IccException.class);
        assertThat(debug.view().enabled()).isFalse();
    }
}
