package org.evgrid.icc.command.dispatch;

import java.time.Instant;
import java.time.ZoneId;

/** Test support: quarter-hour starts of the test trading day (2026-12-01, Asia/Shanghai), computed independently. */
final class PlanTestDataTimes {

    private PlanTestDataTimes() {
    }

    static Instant start(int interval) {
        return PlanTestData.DAY.atTime(interval / 4, interval % 4 * 15).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }
}
