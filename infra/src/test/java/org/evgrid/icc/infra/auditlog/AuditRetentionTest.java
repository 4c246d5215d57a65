package org.evgrid.icc.infra.auditlog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class AuditRetentionTest {

    @Test
    void a_retention_shorter_than_six_months_stops_the_start() {
        assertThatThrownBy(() -> new MongoAuditTrail(null, null, null, Clock.systemUTC(), 1000, Duration.ofMinutes(5), Duration.ofDays(179), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("icc.audit-log.retention")
                .hasMessageContaining("180 days");
    }

    @Test
    void sealing_settings_must_make_sense() {
        assertThatThrownBy(() -> new MongoAuditTrail(null, null, null, Clock.systemUTC(), 0, Duration.ofMinutes(5), Duration.ofDays(180), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("icc.audit-log.seal-every");
    }
}
