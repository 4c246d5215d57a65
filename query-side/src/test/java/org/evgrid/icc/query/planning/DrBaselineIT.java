package org.evgrid.icc.query.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.dr.BaselineRule;
import org.evgrid.icc.coreapi.dr.DrBaselineView;
import org.evgrid.icc.coreapi.dr.FindDrBaselineQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Demand response baselines from unit day documents written in the documented layout of {@code tel_agg_days}. */
class DrBaselineIT {

    /** A Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final AggregationUnitId UNIT = new AggregationUnitId("AU-1");

    private PlanningWorld world;
    private DrBaselineQueries queries;

    @BeforeEach
    void start() {
        world = new PlanningWorld();
        queries = new DrBaselineQueries(world.database());
    }

    @AfterEach
    void stop() {
        world.close();
    }

    /** Every slot of the day at {@code watts} from one pile, for the first {@code slots} slots. */
    private static Map<Integer, long[]> flat(long watts, int slots) {
        Map<Integer, long[]> m = new HashMap<>();
        for (int s = 0; s < slots; s++) {
            m.put(s, new long[] {watts, 1});
        }
        return m;
    }

    private DrBaselineView baseline(LocalDate day, BaselineRule rule, int firstInterval) {
        return queries.find(new FindDrBaselineQuery(UNIT, day, rule, firstInterval));
    }

    @Test
    void averagesTheLastFiveNormalWorkdaysSkippingWeekendsAndDaysWithTooLittleData() {
        Map<Integer, long[]> friday = flat(10_000, 288);
        // quarter hour 0 of Friday: two slots reported, mean 10,002.5 W
        friday.put(0, new long[] {10_002, 1});
        friday.put(1, new long[] {10_003, 1});
        friday.remove(2);
        world.unitDay("AU-1", LocalDate.of(2026, 11, 27), friday);
        world.unitDay("AU-1", LocalDate.of(2026, 11, 26), flat(99_000, 200));
        world.unitDay("AU-1", LocalDate.of(2026, 11, 25), flat(20_000, 288));
        world.unitDay("AU-1", LocalDate.of(2026, 11, 24), flat(30_000, 260));
        world.unitDay("AU-1", LocalDate.of(2026, 11, 22), flat(500_000, 288));
        world.unitDay("AU-1", LocalDate.of(2026, 11, 21), flat(500_000, 288));
        world.unitDay("AU-1", LocalDate.of(2026, 11, 20), flat(40_000, 288));
        world.unitDay("AU-1", LocalDate.of(2026, 11, 19), flat(50_000, 288));
        world.unitDay("AU-1", LocalDate.of(2026, 11, 18), flat(60_000, 288));

        DrBaselineView view = baseline(MONDAY, BaselineRule.AVERAGE_OF_LAST_5_WORKDAYS, 0);

        assertThat(view.baselineDays()).as("Thu 26 has 200 of 288 slots, Mon 23 nothing, 21/22 are a weekend").containsExactly(
                LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 24),
                LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 19));
        assertThat(view.baselineKw()).hasSize(96);
        // (10,002.5 + 20,000 + 30,000 + 40,000 + 50,000) / 5 = 30,000.5 W = 30.0005 kW, half-even
        assertThat(view.baselineKw().get(0)).isEqualTo(new BigDecimal("30.000"));
        assertThat(view.baselineKw().get(1)).isEqualTo(new BigDecimal("30.000"));
        // quarter hour 90 (slots 270–272): Tue 24 has no data there; the other four days count
        assertThat(view.baselineKw().get(90)).isEqualTo(new BigDecimal("30.000"));
        assertThat(view.baselineKw().get(95)).isEqualTo(new BigDecimal("30.000"));
        assertThat(view.rule()).isEqualTo(BaselineRule.AVERAGE_OF_LAST_5_WORKDAYS);
    }

    @Test
    void aDayIsNormalFromNinetyPercentOfItsSlots() {
        world.unitDay("AU-1", LocalDate.of(2026, 11, 27), flat(10_000, 260));
        world.unitDay("AU-1", LocalDate.of(2026, 11, 26), flat(20_000, 259));

        assertThat(baseline(MONDAY, BaselineRule.AVERAGE_OF_LAST_5_WORKDAYS, 0).baselineDays())
                .containsExactly(LocalDate.of(2026, 11, 27));
    }

    @Test
    void normalDaysMoreThanTwentyDaysBackAreNotUsed() {
        world.unitDay("AU-1", MONDAY.minusDays(21), flat(10_000, 288));

        assertThatThrownBy(() -> baseline(MONDAY, BaselineRule.AVERAGE_OF_LAST_5_WORKDAYS, 0))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-PLAN-BASELINE-NO-DATA"));

        world.unitDay("AU-1", MONDAY.minusDays(18), flat(10_000, 288));
        assertThat(baseline(MONDAY, BaselineRule.AVERAGE_OF_LAST_5_WORKDAYS, 0).baselineDays()).containsExactly(MONDAY.minusDays(18));
    }

    @Test
    void priorFifteenMinutesRepeatsTheQuarterHourBeforeTheEvent() {
        Map<Integer, long[]> today = new HashMap<>();
        today.put(117, new long[] {3_000, 2});
        today.put(118, new long[] {6_000, 2});
        today.put(119, new long[] {9_001, 3});
        today.put(120, new long[] {90_000, 3});
        world.unitDay("AU-1", MONDAY, today);

        DrBaselineView view = baseline(MONDAY, BaselineRule.PRIOR_15_MINUTES, 40);

        assertThat(view.baselineKw()).hasSize(96).containsOnly(new BigDecimal("6.000"));
        assertThat(view.baselineDays()).containsExactly(MONDAY);
    }

    @Test
    void priorFifteenMinutesOfTheFirstIntervalIsThePreviousDaysLastQuarterHour() {
        Map<Integer, long[]> sunday = new HashMap<>();
        sunday.put(286, new long[] {1_000, 1});
        sunday.put(287, new long[] {2_001, 1});
        world.unitDay("AU-1", MONDAY.minusDays(1), sunday);

        DrBaselineView view = baseline(MONDAY, BaselineRule.PRIOR_15_MINUTES, 0);

        assertThat(view.baselineKw()).hasSize(96).containsOnly(new BigDecimal("1.500"));
        assertThat(view.baselineDays()).containsExactly(MONDAY.minusDays(1));
    }

    @Test
    void priorFifteenMinutesWithoutDataIsRefusedRatherThanZero() {
        assertThatThrownBy(() -> baseline(MONDAY, BaselineRule.PRIOR_15_MINUTES, 10))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-PLAN-BASELINE-NO-DATA"));
    }
}
