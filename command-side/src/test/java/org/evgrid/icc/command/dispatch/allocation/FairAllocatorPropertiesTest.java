package org.evgrid.icc.command.dispatch.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.dispatch.AllocationReason;
import org.evgrid.icc.coreapi.dispatch.PileDispatchInput;
import org.evgrid.icc.coreapi.dispatch.SessionNeed;

/** Properties of the fair allocation over random units and target curves; bounds recomputed here from the inputs. */
class FairAllocatorPropertiesTest {

    private final FairAllocator allocator = new FairAllocator();

    @Property(tries = 300)
    void noPileEverGoesAboveItsRatedPowerOrBelowItsSafetyPower(@ForAll("units") List<PileDispatchInput> piles,
                                                                @ForAll("targets") long[] target) {
        Allocation a = allocator.allocate(piles, target);

        for (int p = 0; p < a.piles().size(); p++) {
            PileDispatchInput pile = a.piles().get(p);
            for (int k = 0; k < 96; k++) {
                int w = a.powerW(p, k);
                assertThat(w).isLessThanOrEqualTo((int) pile.ratedW());
                if (pile.online()) {
                    assertThat(w).as("pile %s interval %d", pile.pileId(), k).isGreaterThanOrEqualTo(safetyW(pile, k) > 0
                            ? safetyW(pile, k) : (int) -pile.maxDischargeW());
                }
                if (!present(pile, k)) {
                    assertThat(w).isZero();
                }
                if (w < 0) {
                    assertThat(safetyW(pile, k)).isZero();
                    assertThat(pile.maxDischargeW()).isPositive();
                }
            }
        }
    }

    @Property(tries = 300)
    void theScheduleAddsUpToTheTargetWheneverThatIsPossibleElseEveryPileIsAtTheViolatedBound(
            @ForAll("units") List<PileDispatchInput> piles, @ForAll("targets") long[] target) {
        Allocation a = allocator.allocate(piles, target);

        for (int k = 0; k < 96; k++) {
            long sumLo = 0;
            long sumHi = 0;
            long sum = 0;
            for (int p = 0; p < a.piles().size(); p++) {
                sumLo += lower(a.piles().get(p), k);
                sumHi += upper(a.piles().get(p), k);
                sum += a.powerW(p, k);
            }
            assertThat(a.plannedW()[k]).isEqualTo(sum);
            if (target[k] == FairAllocator.NO_TARGET) {
                continue;
            }
            if (target[k] < sumLo) {
                assertThat(sum).isEqualTo(sumLo);
                for (int p = 0; p < a.piles().size(); p++) {
                    assertThat(a.powerW(p, k)).isEqualTo(lower(a.piles().get(p), k));
                }
            } else if (target[k] > sumHi) {
                assertThat(sum).isEqualTo(sumHi);
                for (int p = 0; p < a.piles().size(); p++) {
                    assertThat(a.powerW(p, k)).isEqualTo(upper(a.piles().get(p), k));
                }
            } else {
                assertThat(sum).isEqualTo(target[k]);
            }
        }
        assertThat(a.notes().size()).isLessThanOrEqualTo(96);
    }

    @Property(tries = 200)
    void theScheduleOfEachPileDoesNotDependOnTheOrderOfTheInput(@ForAll("units") List<PileDispatchInput> piles,
                                                                @ForAll("targets") long[] target, @ForAll long seed) {
        List<PileDispatchInput> shuffled = new ArrayList<>(piles);
        Collections.shuffle(shuffled, new Random(seed));

        Allocation a = allocator.allocate(piles, target);
        Allocation b = allocator.allocate(shuffled, target);

        assertThat(b.piles()).isEqualTo(a.piles());
        assertThat(b.scheduleW()).isEqualTo(a.scheduleW());
        assertThat(b.reasons()).isEqualTo(a.reasons());
        assertThat(b.notes()).isEqualTo(a.notes());
    }

    @Property(tries = 200)
    void identicalPilesInIdenticalSituationsDifferByAtMostOneWatt(@ForAll("units") List<PileDispatchInput> piles,
                                                                  @ForAll("targets") long[] target) {
        List<PileDispatchInput> twins = new ArrayList<>(piles);
        for (PileDispatchInput p : piles) {
            twins.add(new PileDispatchInput(new PileId(p.pileId().value() + "-TWIN"), p.operatorId(), p.type(), p.ratedW(), p.minW(),
                    p.maxDischargeW(), p.online(), p.sessions()));
        }

        Allocation a = allocator.allocate(twins, target);

        Map<String, Integer> index = new HashMap<>();
        for (int p = 0; p < a.piles().size(); p++) {
            index.put(a.piles().get(p).pileId().value(), p);
        }
        for (PileDispatchInput p : piles) {
            int i = index.get(p.pileId().value());
            int j = index.get(p.pileId().value() + "-TWIN");
            for (int k = 0; k < 96; k++) {
                assertThat(Math.abs(a.powerW(i, k) - a.powerW(j, k))).isLessThanOrEqualTo(1);
            }
        }
    }

    @Property(tries = 200)
    void offlinePilesGetNothingAndAreCounted(@ForAll("units") List<PileDispatchInput> piles, @ForAll("targets") long[] target) {
        Allocation a = allocator.allocate(piles, target);

        int offline = 0;
        for (int p = 0; p < a.piles().size(); p++) {
            if (!a.piles().get(p).online()) {
                offline++;
                for (int k = 0; k < 96; k++) {
                    assertThat(a.powerW(p, k)).isZero();
                    assertThat(a.reason(p, k)).isEqualTo(AllocationReason.OFFLINE_EXCLUDED);
                }
            }
        }
        assertThat(a.excludedPiles()).isEqualTo(offline);
    }

    @Provide
    Arbitrary<List<PileDispatchInput>> units() {
        return pile().list().ofMinSize(0).ofMaxSize(25).uniqueElements(p -> p.pileId().value());
    }

    @Provide
    Arbitrary<long[]> targets() {
        Arbitrary<Long> point = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(FairAllocator.NO_TARGET)),
                Tuple.of(8, Arbitraries.longs().between(-50_000, 400_000)),
                Tuple.of(1, Arbitraries.longs().between(-2_000_000, 2_000_000)));
        Arbitrary<Long> base = Arbitraries.longs().between(-20_000, 300_000);
        return Arbitraries.oneOf(
                point.array(long[].class).ofSize(96),
                Combinators.combine(base, point.list().ofSize(4)).as((b, few) -> {
                    long[] t = new long[96];
                    for (int k = 0; k < 96; k++) {
                        t[k] = k % 24 == 0 ? few.get(k / 24) : b;
                    }
                    return t;
                }));
    }

    private Arbitrary<PileDispatchInput> pile() {
        Arbitrary<String> id = Arbitraries.strings().withCharRange('A', 'F').ofMinLength(1).ofMaxLength(3).map(s -> "P-" + s);
        Arbitrary<PileType> type = Arbitraries.of(PileType.AC, PileType.DC, PileType.V2G);
        Arbitrary<Long> rated = Arbitraries.of(3_500L, 7_000L, 11_000L, 60_000L, 120_000L);
        Arbitrary<Integer> minPercent = Arbitraries.of(0, 0, 10, 20);
        Arbitrary<Boolean> online = Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false));
        return Combinators.combine(id, type, rated, minPercent, online, session().list().ofMaxSize(3))
                .as((i, t, r, min, on, sessions) -> new PileDispatchInput(new PileId(i), new OperatorId("OP-1"), t, r, r * min / 100,
                        t == PileType.V2G ? r : 0, on, sessions));
    }

    private Arbitrary<SessionNeed> session() {
        Arbitrary<Integer> arrival = Arbitraries.integers().between(-4, 95);
        Arbitrary<Integer> length = Arbitraries.integers().between(0, 60);
        Arbitrary<Long> energy = Arbitraries.longs().between(-1_000, 150_000);
        return Combinators.combine(arrival, length, energy).as((a, l, e) -> new SessionNeed("S", a, a + l, e));
    }

    /** The charging-safety power, recomputed from the inputs: sum of ceil(E × 4 / window) over present sessions, at most rated. */
    static int safetyW(PileDispatchInput p, int k) {
        long need = 0;
        for (SessionNeed s : p.sessions()) {
            int from = Math.max(0, s.arrivalInterval());
            int to = Math.min(96, s.departureInterval());
            if (from <= k && k < to && s.energyWh() > 0) {
                need += (s.energyWh() * 4 + (to - from) - 1) / (to - from);
            }
        }
        return (int) Math.min(need, p.ratedW());
    }

    static boolean present(PileDispatchInput p, int k) {
        return p.online() && p.sessions().stream()
                .anyMatch(s -> Math.max(0, s.arrivalInterval()) <= k && k < Math.min(96, s.departureInterval()));
    }

    static long lower(PileDispatchInput p, int k) {
        if (!present(p, k)) {
            return 0;
        }
        int f = safetyW(p, k);
        if (f > 0) {
            return Math.max(f, Math.min(p.minW(), p.ratedW()));
        }
        return -p.maxDischargeW();
    }

    static long upper(PileDispatchInput p, int k) {
        return present(p, k) ? p.ratedW() : 0;
    }
}
