package org.evgrid.icc.command.dispatch.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.dispatch.AllocationReason;
import org.evgrid.icc.coreapi.dispatch.PileDispatchInput;
import org.evgrid.icc.coreapi.dispatch.SessionNeed;
import org.junit.jupiter.api.Test;

class FairAllocatorTest {

    private final FairAllocator allocator = new FairAllocator();

    @Test
    void anOfflinePileGetsNothingAllDayAndCountsAsExcluded() {
        PileDispatchInput offline = ac("P-1", 7_000, false, allDay(1_000));
        PileDispatchInput online = ac("P-2", 7_000, true, allDay(1_000));

        Allocation a = allocator.allocate(List.of(offline, online), flat(5_000));

        assertThat(a.excludedPiles()).isEqualTo(1);
        for (int k = 0; k < 96; k++) {
            assertThat(a.powerW(0, k)).isZero();
            assertThat(a.reason(0, k)).isEqualTo(AllocationReason.OFFLINE_EXCLUDED);
            assertThat(a.powerW(1, k)).isEqualTo(5_000);
        }
    }

    @Test
    void aPileGetsNothingOutsideItsSessionAndTheOthersShareTheTarget() {
        PileDispatchInput morning = ac("P-1", 7_000, true, List.of(new SessionNeed("S-1", 0, 48, 0)));
        PileDispatchInput allDay = ac("P-2", 7_000, true, allDay(0));

        Allocation a = allocator.allocate(List.of(morning, allDay), flat(6_000));

        assertThat(a.powerW(0, 10)).isEqualTo(3_000);
        assertThat(a.powerW(1, 10)).isEqualTo(3_000);
        assertThat(a.powerW(0, 60)).isZero();
        assertThat(a.reason(0, 60)).isEqualTo(AllocationReason.NO_SESSION_EXPECTED);
        assertThat(a.powerW(1, 60)).isEqualTo(6_000);
        assertThat(a.reason(1, 60)).isEqualTo(AllocationReason.FAIR_SHARE);
    }

    @Test
    void equalPilesShareEquallyAndTheLeftoverWattsGoOneEachInPileIdOrder() {
        List<PileDispatchInput> piles = List.of(ac("P-3", 7_000, true, allDay(0)), ac("P-1", 7_000, true, allDay(0)),
                ac("P-2", 7_000, true, allDay(0)));

        Allocation a = allocator.allocate(piles, flat(10_000));

        assertThat(a.piles()).extracting(p -> p.pileId().value()).containsExactly("P-1", "P-2", "P-3");
        assertThat(new int[] {a.powerW(0, 0), a.powerW(1, 0), a.powerW(2, 0)}).containsExactly(3_334, 3_333, 3_333);
        assertThat(a.plannedW()[0]).isEqualTo(10_000);
        assertThat(a.reason(2, 0)).isEqualTo(AllocationReason.FAIR_SHARE);
    }

    @Test
    void leftoverWattsGoOnlyToPilesAtTheCommonLevelNotToAPileHeldAboveIt() {
        // P-1 needs 5 kW (held above the level) and comes first in pile-id order; the leftover watt still goes to P-2.
        PileDispatchInput held = dc("P-1", 60_000, true, List.of(new SessionNeed("S-1", 0, 4, 5_000)));
        PileDispatchInput free1 = dc("P-2", 60_000, true, allDay(0));
        PileDispatchInput free2 = dc("P-3", 60_000, true, allDay(0));

        Allocation a = allocator.allocate(List.of(free2, held, free1), flat(5_003));

        assertThat(new int[] {a.powerW(0, 0), a.powerW(1, 0), a.powerW(2, 0)}).containsExactly(5_000, 2, 1);
        assertThat(a.reason(0, 0)).isEqualTo(AllocationReason.SAFETY_MINIMUM);
    }

    @Test
    void aSessionThatArrivedBeforeTheDayNeedsItsEnergyWithinTheDaysPartOfItsStay() {
        // Arrived 4 quarter hours before midnight, leaves at 01:00: 4 kWh over the 4 quarter hours of this day.
        PileDispatchInput pile = ac("P-1", 7_000, true, List.of(new SessionNeed("S-1", -4, 4, 4_000)));

        Allocation a = allocator.allocate(List.of(pile), flat(0));

        assertThat(a.powerW(0, 0)).isEqualTo(4_000);
        assertThat(a.powerW(0, 4)).isZero();
        assertThat(a.reason(0, 4)).isEqualTo(AllocationReason.NO_SESSION_EXPECTED);
    }

    @Test
    void aSmallPileStopsAtItsRatedPowerAndTheRestGoesToTheOthers() {
        PileDispatchInput small = ac("P-1", 3_000, true, allDay(0));
        PileDispatchInput big1 = dc("P-2", 60_000, true, allDay(0));
        PileDispatchInput big2 = dc("P-3", 60_000, true, allDay(0));

        Allocation a = allocator.allocate(List.of(small, big1, big2), flat(33_000));

        assertThat(a.powerW(0, 0)).isEqualTo(3_000);
        assertThat(a.reason(0, 0)).isEqualTo(AllocationReason.AT_RATED_LIMIT);
        assertThat(a.powerW(1, 0)).isEqualTo(15_000);
        assertThat(a.powerW(2, 0)).isEqualTo(15_000);
        assertThat(a.reason(1, 0)).isEqualTo(AllocationReason.FAIR_SHARE);
    }

    @Test
    void aSessionThatMustLeaveSoonKeepsItsSafetyPowerAboveTheFairLevel() {
        // 10 kWh over 4 quarter hours needs 10 kW all through.
        PileDispatchInput urgent = dc("P-1", 60_000, true, List.of(new SessionNeed("S-1", 8, 12, 10_000)));
        PileDispatchInput relaxed = dc("P-2", 60_000, true, List.of(new SessionNeed("S-2", 0, 96, 1_000)));

        Allocation a = allocator.allocate(List.of(urgent, relaxed), flat(12_000));

        assertThat(a.powerW(0, 9)).isEqualTo(10_000);
        assertThat(a.reason(0, 9)).isEqualTo(AllocationReason.SAFETY_MINIMUM);
        assertThat(a.powerW(1, 9)).isEqualTo(2_000);
        assertThat(a.reason(1, 9)).isEqualTo(AllocationReason.FAIR_SHARE);
        assertThat(a.powerW(1, 20)).isEqualTo(12_000);
    }

    @Test
    void theSafetyPowerRoundsUpAndAddsUpOverConcurrentSessions() {
        assertThat(FairAllocator.safetyPowerW(1_001, 4)).isEqualTo(1_001);
        assertThat(FairAllocator.safetyPowerW(1_000, 3)).isEqualTo(1_334);
        assertThat(FairAllocator.safetyPowerW(-5, 3)).isZero();
        PileDispatchInput twoCars = dc("P-1", 60_000, true,
                List.of(new SessionNeed("S-1", 0, 4, 5_000), new SessionNeed("S-2", 2, 6, 2_500)));

        Allocation a = allocator.allocate(List.of(twoCars), flat(0));

        assertThat(a.powerW(0, 1)).isEqualTo(5_000);
        assertThat(a.powerW(0, 3)).isEqualTo(7_500);
        assertThat(a.powerW(0, 5)).isEqualTo(2_500);
        assertThat(a.reason(0, 3)).isEqualTo(AllocationReason.TARGET_BELOW_SAFETY);
    }

    @Test
    void aSafetyNeedBelowTheMinimumRunningPowerIsRaisedToIt() {
        PileDispatchInput pile = new PileDispatchInput(new PileId("P-1"), new OperatorId("OP-1"), PileType.DC, 60_000, 10_000, 0, true,
                List.of(new SessionNeed("S-1", 0, 96, 24_000)));
        PileDispatchInput other = dc("P-2", 60_000, true, allDay(0));

        Allocation a = allocator.allocate(List.of(pile, other), flat(12_000));

        assertThat(a.powerW(0, 0)).isEqualTo(10_000);
        assertThat(a.reason(0, 0)).isEqualTo(AllocationReason.AT_MINIMUM_POWER);
        assertThat(a.powerW(1, 0)).isEqualTo(2_000);
    }

    @Test
    void aV2gPileWithoutSafetyNeedDischargesToMeetANegativeTarget() {
        PileDispatchInput v2g = v2g("P-1", 11_000, 11_000, allDay(0));
        PileDispatchInput ac = ac("P-2", 7_000, true, allDay(0));

        Allocation a = allocator.allocate(List.of(v2g, ac), flat(-5_000));

        assertThat(a.powerW(0, 0)).isEqualTo(-5_000);
        assertThat(a.reason(0, 0)).isEqualTo(AllocationReason.V2G_DISCHARGE);
        assertThat(a.powerW(1, 0)).isZero();
        assertThat(a.reason(1, 0)).isEqualTo(AllocationReason.AT_MINIMUM_POWER);
        assertThat(a.plannedW()[0]).isEqualTo(-5_000);
    }

    @Test
    void aV2gPileWithASafetyNeedDoesNotDischarge() {
        PileDispatchInput v2g = v2g("P-1", 11_000, 11_000, List.of(new SessionNeed("S-1", 0, 96, 24_000)));

        Allocation a = allocator.allocate(List.of(v2g), flat(-5_000));

        assertThat(a.powerW(0, 0)).isEqualTo(1_000);
        assertThat(a.reason(0, 0)).isEqualTo(AllocationReason.TARGET_BELOW_SAFETY);
    }

    @Test
    void aTargetBelowTheSafetyMinimumKeepsSafetyAndSaysSo() {
        PileDispatchInput pile = dc("P-1", 60_000, true, List.of(new SessionNeed("S-1", 0, 96, 48_000)));
        long[] target = flat(5_000);
        target[4] = 1_000;
        target[5] = 500;

        Allocation a = allocator.allocate(List.of(pile), target);

        assertThat(a.powerW(0, 4)).isEqualTo(2_000);
        assertThat(a.reason(0, 4)).isEqualTo(AllocationReason.TARGET_BELOW_SAFETY);
        assertThat(a.plannedW()[5]).isEqualTo(2_000);
        assertThat(a.notes()).hasSize(1);
        assertThat(a.notes().get(0)).contains("intervals 4–5 (01:00–01:30)", "target 0.500 kW below the safety minimum 2.000 kW",
                "safety kept", "保持充电安全");
    }

    @Test
    void aTargetAboveCapacityPutsEveryPileAtRatedPowerAndSaysSo() {
        List<PileDispatchInput> piles = List.of(ac("P-1", 7_000, true, allDay(0)), ac("P-2", 7_000, true, allDay(0)));
        long[] target = flat(1_000);
        target[95] = 20_000;

        Allocation a = allocator.allocate(piles, target);

        assertThat(a.powerW(0, 95)).isEqualTo(7_000);
        assertThat(a.reason(1, 95)).isEqualTo(AllocationReason.TARGET_ABOVE_CAPACITY);
        assertThat(a.plannedW()[95]).isEqualTo(14_000);
        assertThat(a.notes()).containsExactly("时段 95 (23:45–24:00)：目标 20.000 kW 高于可用充电桩额定功率之和 14.000 kW，各桩按额定功率。"
                + " interval 95 (23:45–24:00): target 20.000 kW above the piles' capacity 14.000 kW; all at rated power.");
    }

    @Test
    void withoutATargetPilesGetOnlyTheirSafetyPowerAndNeverDischarge() {
        PileDispatchInput needy = dc("P-1", 60_000, true, List.of(new SessionNeed("S-1", 0, 96, 24_000)));
        PileDispatchInput free = dc("P-2", 60_000, true, allDay(0));
        PileDispatchInput v2g = v2g("P-3", 11_000, 11_000, allDay(0));
        PileDispatchInput idle = ac("P-4", 7_000, true, List.of());
        long[] target = flat(FairAllocator.NO_TARGET);

        Allocation a = allocator.allocate(List.of(needy, free, v2g, idle), target);

        assertThat(a.powerW(0, 0)).isEqualTo(1_000);
        assertThat(a.reason(0, 0)).isEqualTo(AllocationReason.SAFETY_MINIMUM);
        assertThat(a.powerW(1, 0)).isZero();
        assertThat(a.reason(1, 0)).isEqualTo(AllocationReason.NO_TARGET);
        assertThat(a.powerW(2, 0)).isZero();
        assertThat(a.reason(2, 0)).isEqualTo(AllocationReason.NO_TARGET);
        assertThat(a.reason(3, 0)).isEqualTo(AllocationReason.NO_SESSION_EXPECTED);
        assertThat(a.plannedW()[0]).isEqualTo(1_000);
        assertThat(a.notes()).isEmpty();
    }

    @Test
    void aSessionThatRatedPowerCannotServeGetsRatedPowerAndANote() {
        PileDispatchInput pile = ac("P-1", 7_000, true, List.of(new SessionNeed("S-1", 0, 4, 50_000)));
        PileDispatchInput other = ac("P-2", 7_000, true, allDay(0));
        long[] target = flat(5_000);
        Arrays.fill(target, 0, 4, 8_000);

        Allocation a = allocator.allocate(List.of(pile, other), target);

        assertThat(a.powerW(0, 0)).isEqualTo(7_000);
        assertThat(a.reason(0, 0)).isEqualTo(AllocationReason.SAFETY_MINIMUM);
        assertThat(a.powerW(1, 0)).isEqualTo(1_000);
        assertThat(a.notes()).containsExactly("1 台充电桩即使按额定功率也无法在车辆离开前充满所需电量（P-1），按额定功率充电。"
                + " 1 pile(s) cannot deliver the energy their sessions need before departure even at rated power (P-1);"
                + " they charge at rated power.");
    }

    @Test
    void thePlannedCurveIsTheSumOfTheSchedule() {
        List<PileDispatchInput> piles = List.of(ac("P-1", 7_000, true, allDay(3_000)), dc("P-2", 60_000, true, allDay(0)),
                v2g("P-3", 11_000, 11_000, allDay(0)), ac("P-4", 7_000, false, allDay(0)));
        long[] target = new long[96];
        for (int k = 0; k < 96; k++) {
            target[k] = k * 1_000 - 20_000;
        }

        Allocation a = allocator.allocate(piles, target);

        for (int k = 0; k < 96; k++) {
            long sum = 0;
            for (int p = 0; p < 4; p++) {
                sum += a.powerW(p, k);
            }
            assertThat(a.plannedW()[k]).isEqualTo(sum);
        }
        assertThat(a.plannedW()[30]).isEqualTo(10_000);
        assertThat(a.scheduleW()).hasSize(4 * 96);
        assertThat(a.reasons()).doesNotContainNull();
    }

    @Test
    void manyInfeasibleRunsNeverMakeMoreThan96Notes() {
        PileDispatchInput pile = dc("P-1", 60_000, true, List.of(new SessionNeed("S-1", 0, 96, 48_000)));
        PileDispatchInput hungry = ac("P-2", 7_000, true, List.of(new SessionNeed("S-2", 0, 1, 50_000)));
        long[] target = new long[96];
        for (int k = 0; k < 96; k++) {
            target[k] = k % 2 == 0 ? 0 : 1_000_000;
        }

        Allocation a = allocator.allocate(List.of(pile, hungry), target);

        assertThat(a.notes()).hasSize(96);
        assertThat(a.notes().get(94)).contains("2 more interval runs");
        assertThat(a.notes().get(95)).contains("P-2");
    }

    @Test
    void aTargetCurveWithoutNinetySixPointsIsRefused() {
        assertThatThrownBy(() -> allocator.allocate(List.of(), new long[95])).isInstanceOf(IccException.class)
                .extracting(e -> ((IccException) e).code()).isEqualTo("ICC-ALLOC-TARGET");
    }

    @Test
    void aPileListedTwiceIsRefused() {
        List<PileDispatchInput> piles = List.of(ac("P-1", 7_000, true, allDay(0)), ac("P-1", 7_000, true, allDay(0)));

        assertThatThrownBy(() -> allocator.allocate(piles, flat(0))).isInstanceOf(IccException.class)
                .extracting(e -> ((IccException) e).code()).isEqualTo("ICC-ALLOC-DUPLICATE");
    }

    @Test
    void aNegativeRatedPowerIsRefused() {
        List<PileDispatchInput> piles = new ArrayList<>(List.of(ac("P-1", -1, true, allDay(0))));

        assertThatThrownBy(() -> allocator.allocate(piles, flat(0))).isInstanceOf(IccException.class)
                .extracting(e -> ((IccException) e).code()).isEqualTo("ICC-ALLOC-LIMITS");
    }

    @Test
    void theRuleIsPublishedInChineseAndEnglish() {
        assertThat(FairAllocator.RULE).contains("公平、公正、公开", "fair, just and open", "pile-id order", "at most 1 W",
                "less slack");
    }

    static long[] flat(long w) {
        long[] t = new long[96];
        Arrays.fill(t, w);
        return t;
    }

    static List<SessionNeed> allDay(long energyWh) {
        return List.of(new SessionNeed("S-" + energyWh, 0, 96, energyWh));
    }

    static PileDispatchInput ac(String id, long ratedW, boolean online, List<SessionNeed> sessions) {
        return new PileDispatchInput(new PileId(id), new OperatorId("OP-1"), PileType.AC, ratedW, 0, 0, online, sessions);
    }

    static PileDispatchInput dc(String id, long ratedW, boolean online, List<SessionNeed> sessions) {
        return new PileDispatchInput(new PileId(id), new OperatorId("OP-1"), PileType.DC, ratedW, 0, 0, online, sessions);
    }

    static PileDispatchInput v2g(String id, long ratedW, long dischargeW, List<SessionNeed> sessions) {
        return new PileDispatchInput(new PileId(id), new OperatorId("OP-1"), PileType.V2G, ratedW, 0, dischargeW, true, sessions);
    }
}
