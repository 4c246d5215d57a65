package org.evgrid.icc.command.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.evgrid.icc.coreapi.dispatch.DeviationKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanRulesTest {

    @ParameterizedTest(name = "target {0} kW, actual {1} kW, tolerance {2}% -> {3} kW, {4}%, {5}")
    @CsvSource({
        // within tolerance, at its edge, beyond it
        "100.000, 104.000, 5, 4.000, 4.00, WITHIN",
        "100.000, 105.000, 5, 5.000, 5.00, WITHIN",
        "100.000, 105.001, 5, 5.001, 5.00, WITHIN",
        "100.000, 105.006, 5, 5.006, 5.01, OVER",
        "100.000, 94.000, 5, -6.000, -6.00, UNDER",
        // 2 decimals HALF_EVEN: 1/3 of a percent
        "3.000, 3.010, 5, 0.010, 0.33, WITHIN",
        // a target below 1 kW is measured against 1 kW
        "0.200, 0.250, 10, 0.050, 5.00, WITHIN",
        "0.000, 0.500, 10, 0.500, 50.00, OVER",
        // V2G: a discharge target, compared by its magnitude
        "-50.000, -40.000, 10, 10.000, 20.00, OVER",
        "-50.000, -60.000, 10, -10.000, -20.00, UNDER",
        // a 100% tolerance takes any deviation up to the target itself
        "10.000, 0.000, 100, -10.000, -100.00, WITHIN"
    })
    void deviationsAreClassifiedByTheirPercentOfTheTarget(String target, String actual, String tolerance, String expectedKw,
                                                          String expectedPercent, String expected) {
        BigDecimal deviation = PlanRules.deviationKw(new BigDecimal(actual), new BigDecimal(target));
        BigDecimal percent = PlanRules.deviationPercent(deviation, new BigDecimal(target));
        DeviationKind kind = PlanRules.classify(true, deviation, percent, new BigDecimal(tolerance));

        assertThat(deviation).isEqualTo(new BigDecimal(expectedKw));
        assertThat(percent).isEqualTo(new BigDecimal(expectedPercent));
        assertThat(kind == null ? "WITHIN" : kind.name()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "incomplete telemetry with a deviation of {0} kW is MISSING_TELEMETRY")
    @CsvSource({"0.000, 0.00", "-90.000, -90.00", "1.000, 1.00"})
    void incompleteTelemetryIsAlwaysMissingTelemetry(String deviationKw, String percent) {
        assertThat(PlanRules.classify(false, new BigDecimal(deviationKw), new BigDecimal(percent), BigDecimal.TEN))
                .isEqualTo(DeviationKind.MISSING_TELEMETRY);
    }

    @ParameterizedTest(name = "interval {0} starts at {1}")
    @CsvSource({"0, 2026-11-30T16:00:00Z", "1, 2026-11-30T16:15:00Z", "32, 2026-12-01T00:00:00Z", "95, 2026-12-01T15:45:00Z"})
    void intervalsStartAtShanghaiQuarterHours(int interval, String start) {
        assertThat(PlanRules.intervalStart(LocalDate.of(2026, 12, 1), interval)).isEqualTo(Instant.parse(start));
    }
}
