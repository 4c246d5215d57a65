package org.evgrid.icc.saga.lifecycle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.evgrid.icc.coreapi.dr.DrInterval;
import org.evgrid.icc.coreapi.dr.DrProgramType;
import org.evgrid.icc.coreapi.dr.DrTargetType;
import org.evgrid.icc.coreapi.market.BidDirection;
import org.junit.jupiter.api.Test;

class LifecycleArithmeticTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void quarterHoursEndOnTheMarketClockOfAsiaShanghai() {
        assertThat(LifecycleArithmetic.intervalEnd(DAY, 0)).isEqualTo(Instant.parse("2026-11-30T16:15:00Z"));
        assertThat(LifecycleArithmetic.intervalEnd(DAY, 95)).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
    }

    @Test
    void aShortClearedCurveIsPaddedWithNoTargetAndKeptToThreeDecimals() {
        List<BigDecimal> target = LifecycleArithmetic.marketTarget(List.of(new BigDecimal("1.23456"), new BigDecimal("-2")),
                BidDirection.SELL);

        assertThat(target).hasSize(96);
        assertThat(target.get(0)).isEqualTo(new BigDecimal("-1.235"));
        assertThat(target.get(1)).isEqualTo(new BigDecimal("2.000"));
        assertThat(target.subList(2, 96)).containsOnlyNulls();
    }

    @Test
    void aLaterStretchOfAnEventWinsWhereStretchesOverlap() {
        DrInterval first = new DrInterval(10, 20, DrTargetType.LOAD_REDUCTION, BigDecimal.TEN);
        DrInterval second = new DrInterval(15, 18, DrTargetType.IMPORT_CAPACITY_LIMIT, BigDecimal.ONE);

        List<DrInterval> byQuarter = LifecycleArithmetic.eventIntervals(List.of(first, second));

        assertThat(byQuarter.get(9)).isNull();
        assertThat(byQuarter.get(14)).isEqualTo(first);
        assertThat(byQuarter.get(15)).isEqualTo(second);
        assertThat(byQuarter.get(18)).isEqualTo(first);
        assertThat(byQuarter.get(20)).isNull();
        assertThat(LifecycleArithmetic.firstEventInterval(List.of(second, first))).isEqualTo(10);
    }

    @Test
    void valleyFillingPerformanceIsActualAboveTheBaselineAndCanBeNegative() {
        List<DrInterval> event = List.of(new DrInterval(0, 2, DrTargetType.LOAD_REDUCTION, BigDecimal.TEN));
        List<BigDecimal> baseline = Collections.nCopies(96, new BigDecimal("50"));
        List<BigDecimal> actual = List.of(new BigDecimal("70"), new BigDecimal("45"));

        DrPerformance p = LifecycleArithmetic.drPerformance(DrProgramType.VALLEY_FILLING, new BigDecimal("20"), event, baseline, actual);

        assertThat(p.performanceKw().subList(0, 3)).containsExactly(new BigDecimal("20.000"), new BigDecimal("-5.000"), null);
        assertThat(p.deliveredKwh()).isEqualByComparingTo("3.75");
        assertThat(p.committedKwh()).isEqualByComparingTo("10");
    }

    @Test
    void anImportLimitAloneSetsTheTargetWhereTheBaselineIsUnknown() {
        List<DrInterval> event = List.of(new DrInterval(3, 4, DrTargetType.IMPORT_CAPACITY_LIMIT, new BigDecimal("80")));

        List<BigDecimal> target = LifecycleArithmetic.drTarget(DrProgramType.PEAK_SHAVING, BigDecimal.TEN, event, List.of());

        assertThat(target.get(3)).isEqualByComparingTo("80");
        assertThat(target.get(2)).isNull();
    }
}
