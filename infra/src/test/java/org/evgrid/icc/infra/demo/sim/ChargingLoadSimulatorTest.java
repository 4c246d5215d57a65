package org.evgrid.icc.infra.demo.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.telemetry.ChargingOrder;
import org.evgrid.icc.coreapi.telemetry.ConnectorStatus;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.coreapi.telemetry.EnergyReading;
import org.evgrid.icc.coreapi.telemetry.PileStatusChange;
import org.evgrid.icc.coreapi.telemetry.PowerReading;
import org.junit.jupiter.api.Test;

class ChargingLoadSimulatorTest {

    private static final OperatorId OP_A = new OperatorId("OP-A");
    private static final OperatorId OP_B = new OperatorId("OP-B");
    /** A Wednesday and the Saturday after it. */
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 18);
    private static final LocalDate SATURDAY = LocalDate.of(2026, 11, 21);
    private static final Duration STEP = Duration.ofMinutes(5);

    /** Piles of every type and profile, in two operators. */
    static List<SimPile> piles(int n) {
        List<SimPile> piles = new ArrayList<>();
        UsageProfile[] profiles = UsageProfile.values();
        for (int i = 0; i < n; i++) {
            PileType type = PileType.values()[i % 3];
            long rated = switch (type) {
                case AC -> 7_000;
                case DC -> i % 2 == 0 ? 60_000 : 120_000;
                default -> 20_000;
            };
            piles.add(new SimPile(new PileId("P-" + i), i % 5 < 3 ? OP_A : OP_B, type, rated, profiles[(i / 3) % 3]));
        }
        return piles;
    }

    private static Instant at(ChargingLoadSimulator sim, LocalDate day, int interval) {
        return sim.dayStart(day).plus(STEP.multipliedBy(interval));
    }

    @Test
    void theSameSeedGivesTheSameReadingsOrdersAndChangesAndAnotherSeedDoesNot() {
        List<SimPile> piles = piles(300);
        ChargingLoadSimulator one = new ChargingLoadSimulator(piles, 7);
        ChargingLoadSimulator two = new ChargingLoadSimulator(piles, 7);
        ChargingLoadSimulator other = new ChargingLoadSimulator(piles, 8);
        // Asked in another order: the answers do not depend on what was asked before.
        two.day(SATURDAY);
        Instant t = at(one, WEDNESDAY, 228);
        IntervalFrame a = one.interval(t, null);
        IntervalFrame b = two.interval(t, null);
        IntervalFrame c = other.interval(t, null);
        assertThat(b.avgW).containsExactly(a.avgW);
        assertThat(b.status).containsExactly(a.status);
        assertThat(b.quality).containsExactly(a.quality);
        assertThat(c.avgW).isNotEqualTo(a.avgW);
        DayResult dayOne = one.day(WEDNESDAY);
        DayResult dayTwo = two.day(WEDNESDAY);
        assertThat(dayTwo.orders()).isEqualTo(dayOne.orders()).isNotEmpty();
        assertThat(dayTwo.statusChanges()).isEqualTo(dayOne.statusChanges()).isNotEmpty();
        assertThat(other.day(WEDNESDAY).orders()).isNotEqualTo(dayOne.orders());
    }

    @Test
    void powerNeverExceedsRatedPowerAndStatusAndSocFitThePower() {
        List<SimPile> piles = piles(600);
        ChargingLoadSimulator sim = new ChargingLoadSimulator(piles, 1);
        IntervalFrame f = null;
        long charging = 0;
        for (LocalDate day : List.of(WEDNESDAY, SATURDAY)) {
            for (int k = 0; k < ChargingLoadSimulator.INTERVALS_PER_DAY; k++) {
                f = sim.interval(at(sim, day, k), f);
                for (int i = 0; i < piles.size(); i++) {
                    assertThat(f.avgW(i)).isBetween(0L, f.maxW(i));
                    assertThat(f.maxW(i)).isLessThanOrEqualTo(piles.get(i).ratedW());
                    assertThat(f.status(i) == ConnectorStatus.CHARGING).isEqualTo(f.avgW(i) > 0);
                    if (f.soc(i) != null) {
                        assertThat(f.soc(i)).isBetween(0, 100);
                        assertThat(f.status(i)).isIn(ConnectorStatus.CHARGING, ConnectorStatus.SUSPENDED);
                    }
                    charging += f.avgW(i) > 0 ? 1 : 0;
                }
            }
        }
        assertThat(charging).isPositive();
    }

    @Test
    void dailyEnergyIsTheSumOfFiveMinutePowerWithinRoundingAndSplitsByTimeOfUse() {
        List<SimPile> piles = piles(300);
        ChargingLoadSimulator sim = new ChargingLoadSimulator(piles, 3);
        long[] sumW = new long[piles.size()];
        IntervalFrame f = null;
        for (int k = 0; k < ChargingLoadSimulator.INTERVALS_PER_DAY; k++) {
            f = sim.interval(at(sim, WEDNESDAY, k), f);
            for (int i = 0; i < piles.size(); i++) {
                sumW[i] += f.avgW(i);
            }
        }
        DayResult day = sim.day(WEDNESDAY);
        long total = 0;
        for (int i = 0; i < piles.size(); i++) {
            // kWh = Σ kW × 5/60; the four periods are each rounded to the Wh.
            double integralWh = sumW[i] / 12.0;
            assertThat((double) day.totalWh(i)).isCloseTo(integralWh, org.assertj.core.data.Offset.offset(2.0));
            EnergyReading r = day.energyReading(i);
            assertThat(r.sharpKwh().add(r.peakKwh()).add(r.flatKwh()).add(r.valleyKwh())).isEqualByComparingTo(r.totalKwh());
            assertThat(r.quality()).isEqualTo(DataQuality.OK);
            total += day.totalWh(i);
        }
        assertThat(total).isPositive();
        // Overnight home charging lands in the valley; November has no sharp peak.
        long valley = 0;
        long sharp = 0;
        for (int i = 0; i < piles.size(); i++) {
            valley += day.periodWh(i, TouTariff.Period.VALLEY);
            sharp += day.periodWh(i, TouTariff.Period.SHARP);
        }
        assertThat(valley).isPositive();
        assertThat(sharp).isZero();
    }

    @Test
    void ordersMatchThePowerOfTheirSessionsAndAddUpTheirFees() {
        List<SimPile> piles = piles(300);
        ChargingLoadSimulator sim = new ChargingLoadSimulator(piles, 5, ChargingLoadSimulator.CHINA, OutageRates.NONE, TouTariff.DEFAULT);
        // Public piles charge within the day: their orders of the day hold the day's whole energy.
        DayResult day = sim.day(WEDNESDAY);
        Map<PileId, Long> orderWh = new HashMap<>();
        Set<String> sessionIds = new HashSet<>();
        for (ChargingOrder o : day.orders()) {
            orderWh.merge(o.pileId(), o.energyKwh().movePointRight(3).longValueExact(), Long::sum);
            assertThat(o.totalFeeYuan()).isEqualByComparingTo(o.energyFeeYuan().add(o.serviceFeeYuan()));
            assertThat(o.energyFeeYuan().signum()).isPositive();
            assertThat(o.endTime()).isAfter(o.startTime());
            assertThat(sim.localDay(o.endTime())).isEqualTo(WEDNESDAY);
            // No battery takes more than 300 kWh, and no session delivers more than its pile's rated power allows.
            assertThat(o.energyKwh()).isLessThanOrEqualTo(new BigDecimal("300"));
            assertThat(sessionIds.add(o.sessionId())).isTrue();
        }
        int checked = 0;
        for (int i = 0; i < piles.size(); i++) {
            SimPile p = piles.get(i);
            if (p.profile() == UsageProfile.PUBLIC_DAYTIME) {
                long n = day.orders().stream().filter(o -> o.pileId().equals(p.pileId())).count();
                assertThat((double) orderWh.getOrDefault(p.pileId(), 0L))
                        .isCloseTo((double) day.totalWh(i), org.assertj.core.data.Offset.offset(2.0 + n));
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void weekdaysAndWeekendsDiffer() {
        List<SimPile> piles = piles(900);
        ChargingLoadSimulator sim = new ChargingLoadSimulator(piles, 11);
        DayResult weekday = sim.day(WEDNESDAY);
        DayResult weekend = sim.day(SATURDAY);
        long weekdayWh = 0;
        long weekendWh = 0;
        for (int i = 0; i < piles.size(); i++) {
            weekdayWh += weekday.totalWh(i);
            weekendWh += weekend.totalWh(i);
        }
        assertThat(weekendWh).isLessThan(weekdayWh * 9 / 10);
        assertThat(weekend.orders().size()).isLessThan(weekday.orders().size());
        // Public fast charging peaks later at noon on weekends: 13:00 vs 12:30 (lunch) and earlier in the evening.
        IntervalFrame wd = sim.interval(at(sim, WEDNESDAY, 18 * 12 + 6), null);
        IntervalFrame we = sim.interval(at(sim, SATURDAY, 18 * 12 + 6), null);
        assertThat(we.avgW).isNotEqualTo(wd.avgW);
    }

    @Test
    void silentPlatformsLeaveGapsAndSilentPilesReportMissing() {
        List<SimPile> piles = piles(200);
        ChargingLoadSimulator platforms = new ChargingLoadSimulator(piles, 2, ChargingLoadSimulator.CHINA, new OutageRates(0, 0, 1),
                TouTariff.DEFAULT);
        Map<OperatorId, Integer> absentIntervals = new HashMap<>();
        IntervalFrame f = null;
        for (int k = 0; k < ChargingLoadSimulator.INTERVALS_PER_DAY; k++) {
            f = platforms.interval(at(platforms, WEDNESDAY, k), f);
            for (OperatorId op : List.of(OP_A, OP_B)) {
                boolean allAbsent = true;
                boolean anyAbsent = false;
                for (int i = 0; i < piles.size(); i++) {
                    if (piles.get(i).operatorId().equals(op)) {
                        allAbsent &= !f.reported(i);
                        anyAbsent |= !f.reported(i);
                    }
                }
                assertThat(anyAbsent).isEqualTo(allAbsent);
                if (allAbsent) {
                    absentIntervals.merge(op, 1, Integer::sum);
                }
            }
        }
        // 30–90 minutes of silence: 6 to 19 intervals per operator.
        assertThat(absentIntervals.get(OP_A)).isBetween(6, 19);
        assertThat(absentIntervals.get(OP_B)).isBetween(6, 19);

        ChargingLoadSimulator silentPiles = new ChargingLoadSimulator(piles, 2, ChargingLoadSimulator.CHINA, new OutageRates(0, 1, 0),
                TouTariff.DEFAULT);
        int missing = 0;
        int absent = 0;
        f = null;
        for (int k = 0; k < ChargingLoadSimulator.INTERVALS_PER_DAY; k++) {
            f = silentPiles.interval(at(silentPiles, WEDNESDAY, k), f);
            for (int i = 0; i < piles.size(); i++) {
                PowerReading r = f.reading(i, piles.get(i));
                if (r == null) {
                    absent++;
                } else if (r.quality() == DataQuality.MISSING) {
                    missing++;
                    assertThat(r.avgKw()).isEqualByComparingTo(BigDecimal.ZERO);
                    assertThat(r.status()).isEqualTo(ConnectorStatus.OFFLINE);
                }
            }
        }
        assertThat(missing).isPositive();
        assertThat(absent).isPositive();
        // The meter keeps counting: the daily energy is the same with or without silent spells.
        ChargingLoadSimulator noOutages = new ChargingLoadSimulator(piles, 2, ChargingLoadSimulator.CHINA, OutageRates.NONE,
                TouTariff.DEFAULT);
        DayResult a = silentPiles.day(WEDNESDAY);
        DayResult b = noOutages.day(WEDNESDAY);
        for (int i = 0; i < piles.size(); i++) {
            assertThat(a.totalWh(i)).isEqualTo(b.totalWh(i));
        }
        assertThat(a.statusChanges()).extracting(PileStatusChange::status).contains(ConnectorStatus.OFFLINE);
    }

    @Test
    void faultedPilesDoNotChargeWhileFaulted() {
        List<SimPile> piles = piles(200);
        ChargingLoadSimulator sim = new ChargingLoadSimulator(piles, 4, ChargingLoadSimulator.CHINA, new OutageRates(1, 0, 0),
                TouTariff.DEFAULT);
        int faulted = 0;
        IntervalFrame f = null;
        for (int k = 0; k < ChargingLoadSimulator.INTERVALS_PER_DAY; k++) {
            f = sim.interval(at(sim, WEDNESDAY, k), f);
            for (int i = 0; i < piles.size(); i++) {
                if (f.status(i) == ConnectorStatus.FAULTED) {
                    faulted++;
                    assertThat(f.avgW(i)).isZero();
                }
            }
        }
        // Every pile is faulted 1–6 hours: at least 12 intervals each.
        assertThat(faulted).isGreaterThanOrEqualTo(12 * piles.size());
        assertThat(sim.day(WEDNESDAY).statusChanges()).extracting(PileStatusChange::status).contains(ConnectorStatus.FAULTED);
    }

    @Test
    void liveWindowsOfOneDayAddUpToTheDay() {
        List<SimPile> piles = piles(150);
        ChargingLoadSimulator sim = new ChargingLoadSimulator(piles, 9);
        List<ChargingOrder> orders = new ArrayList<>();
        List<PileStatusChange> changes = new ArrayList<>();
        for (int k = 0; k < ChargingLoadSimulator.INTERVALS_PER_DAY; k++) {
            orders.addAll(sim.orders(at(sim, WEDNESDAY, k), at(sim, WEDNESDAY, k + 1)));
            changes.addAll(sim.statusChanges(at(sim, WEDNESDAY, k), at(sim, WEDNESDAY, k + 1)));
        }
        DayResult day = sim.day(WEDNESDAY);
        assertThat(orders).containsExactlyInAnyOrderElementsOf(day.orders());
        assertThat(changes).containsExactlyInAnyOrderElementsOf(day.statusChanges());
    }

    @Test
    void intervalsMustStartOnAFiveMinuteBoundary() {
        ChargingLoadSimulator sim = new ChargingLoadSimulator(piles(3), 1);
        assertThatThrownBy(() -> sim.interval(at(sim, WEDNESDAY, 1).plusSeconds(60), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneIntervalOfThreeHundredThousandPilesIsGeneratedInOneFrame() {
        List<SimPile> piles = piles(300_000);
        ChargingLoadSimulator sim = new ChargingLoadSimulator(piles, 20_261_126L);
        IntervalFrame frame = sim.interval(at(sim, WEDNESDAY, 19 * 12), null);
        long start = System.nanoTime();
        frame = sim.interval(at(sim, WEDNESDAY, 19 * 12 + 1), frame);
        long millis = (System.nanoTime() - start) / 1_000_000;
        int reported = 0;
        int charging = 0;
        for (int i = 0; i < frame.size(); i++) {
            assertThat(frame.maxW(i)).isLessThanOrEqualTo(piles.get(i).ratedW());
            reported += frame.reported(i) ? 1 : 0;
            charging += frame.avgW(i) > 0 ? 1 : 0;
        }
        assertThat(frame.size()).isEqualTo(300_000);
        assertThat(reported).isGreaterThan(250_000);
        assertThat(charging).isGreaterThan(30_000);
        System.out.printf("one interval of 300,000 piles: %d ms, %d charging%n", millis, charging);
    }
}
