package org.evgrid.icc.query.forecast.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.telemetry.LoadCurveView;
import org.evgrid.icc.coreapi.telemetry.LoadPoint;
import org.evgrid.icc.query.forecast.model.LoadHistory;
import org.junit.jupiter.api.Test;

class LoadCurvesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

    @Test
    void pointsArePlacedByTheirLocalStartTimeAndMissingPointsStayMissing() {
        LoadCurveView view = new LoadCurveView(PileDimension.UNIT, "U-1", DAY, DAY.plusDays(1), 15, List.of(
                // 00:00 local on the 1st is 16:00 UTC on 31 October
                new LoadPoint(Instant.parse("2026-10-31T16:00:00Z"), new BigDecimal("12.500"), 3, 3),
                new LoadPoint(Instant.parse("2026-11-01T15:45:00Z"), new BigDecimal("7.250"), 3, 3),
                new LoadPoint(Instant.parse("2026-11-01T16:15:00Z"), null, 0, 0)), null, null, null, null);

        LoadHistory history = LoadCurves.toHistory(view, DAY, DAY.plusDays(1), SHANGHAI);

        assertThat(history.size()).isEqualTo(2);
        assertThat(history.value(DAY, 0)).isEqualTo(12.5);
        assertThat(history.value(DAY, 95)).isEqualTo(7.25);
        assertThat(history.value(DAY.plusDays(1), 1)).isNaN();
        assertThat(history.value(DAY.plusDays(1), 0)).isNaN();
    }

    @Test
    void anHourlyCurveIsRefused() {
        LoadCurveView view = new LoadCurveView(PileDimension.UNIT, "U-1", DAY, DAY, 60, List.of(), null, null, null, null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LoadCurves.toHistory(view, DAY, DAY, SHANGHAI))
                .hasMessageContaining("ICC-FC-CURVE");
    }
}
