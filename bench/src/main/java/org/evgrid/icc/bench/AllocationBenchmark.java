package org.evgrid.icc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.evgrid.icc.command.dispatch.allocation.Allocation;
import org.evgrid.icc.command.dispatch.allocation.FairAllocator;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.dispatch.AllocationReason;
import org.evgrid.icc.coreapi.dispatch.PileDispatchInput;
import org.evgrid.icc.coreapi.dispatch.SessionNeed;

/**
 * P5 (docs/benchmarks.md): the fair allocation ({@link FairAllocator}) of a 96-point target curve to a synthetic unit
 * of {@code --piles} piles (default 300,000), in this JVM, no store. The unit: AC 7 kW (~70 %), DC 60/120 kW (~25 %),
 * V2G 11 kW with 11 kW discharge (~5 %), ~3 % offline, 0–2 sessions per pile (workplace and evening AC sessions,
 * short DC sessions, long V2G sessions, 30 % of them parked full) with energies drawn so that a few sessions cannot be served even at rated
 * power. The target follows the unit's room between its safety minimum and its capacity with a day shape; four
 * intervals have no target, one asks for less than the safety minimum and one for more than the capacity.
 *
 * <p>Measured: wall time of {@code allocate} (best and median of 5 after 2 warm-ups), heap used after GC before the
 * run and while holding the result, the result's array bytes; in the same run a naive proportional split
 * ({@code target × rated_i / Σ rated} over the online piles), its time and how many (pile, interval) cells it gets
 * wrong (above rated power, below the charging-safety power, power on a pile with no session expected). The fair
 * result is checked by the same count (must be 0). Arguments: {@code --piles N --seed N}. Run:
 * {@code java -Xmx2g -jar icc-bench.jar allocation --piles 300000}.
 */
public final class AllocationBenchmark {

    private static final int K = FairAllocator.INTERVALS;
    private static final int WARM_UPS = 2;
    private static final int RUNS = 5;

    private final Map<String, Object> results = new LinkedHashMap<>();
    private int piles = 300_000;
    private long seed = 42;

    public static void main(String[] args) {
        new AllocationBenchmark().run(args);
    }

    private void run(String[] args) {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--piles" -> piles = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, " + System.getProperty("java.version"));
        List<PileDispatchInput> unit = unit(new Random(seed));
        long[] target = target(unit);
        long sessions = unit.stream().mapToLong(p -> p.sessions().size()).sum();
        long offline = unit.stream().filter(p -> !p.online()).count();
        results.put("piles, offline, sessions", String.format("%,d, %,d, %,d", unit.size(), offline, sessions));

        FairAllocator allocator = new FairAllocator();
        long heapBefore = usedAfterGc();
        Allocation fair = allocator.allocate(unit, target);
        long heapHolding = usedAfterGc();
        long[] fairCpu = new long[RUNS];
        long[] naiveCpu = new long[RUNS];
        long[] fairTimes = time(() -> allocator.allocate(unit, target), fairCpu);
        long[] naiveTimes = time(() -> naive(unit, target), naiveCpu);
        int[] naive = naive(unit, target);

        results.put("fair allocation, s: best / median of 5 (after 2 warm-ups)", seconds(fairTimes));
        results.put("naive proportional split, s: best / median of 5", seconds(naiveTimes));
        results.put("fair allocation, CPU s of the allocating thread: best / median", seconds(fairCpu));
        results.put("naive proportional split, CPU s: best / median", seconds(naiveCpu));
        results.put("fair / naive time (median)", String.format("%.1f×", (double) median(fairTimes) / median(naiveTimes)));
        results.put("heap used after GC before allocating, MiB", mib(heapBefore));
        results.put("heap used after GC holding the result, MiB (+ retained)", mib(heapHolding) + " (+" + mib(heapHolding - heapBefore) + ")");
        long cells = (long) fair.scheduleW().length;
        long arrays = 16 + 4 * cells + 16 + 4L * fair.reasons().length + 16 + 8L * K;
        results.put("result arrays (scheduleW int[], reasons refs 4 B with compressed oops, plannedW), MiB", mib(arrays));
        results.put("notes", fair.notes().size());

        List<PileDispatchInput> sorted = new ArrayList<>(unit);
        sorted.sort((a, b) -> a.pileId().value().compareTo(b.pileId().value()));
        long[] fairBad = violations(sorted, fair.scheduleW(), target);
        long[] naiveBad = violations(sorted, naive, target);
        results.put("cells checked (piles × intervals with a target)", String.format("%,d", fairBad[3]));
        results.put("fair: cells above rated / below safety / power without session", fmt(fairBad));
        results.put("naive: cells above rated / below safety / power without session", fmt(naiveBad));
        long exact = 0;
        long withTarget = 0;
        for (int k = 0; k < K; k++) {
            if (target[k] != FairAllocator.NO_TARGET) {
                withTarget++;
                exact += fair.plannedW()[k] == target[k] ? 1 : 0;
            }
        }
        results.put("fair: intervals planned exactly on target / with a target", exact + " / " + withTarget);
        Map<AllocationReason, Long> reasons = new LinkedHashMap<>();
        for (AllocationReason r : fair.reasons()) {
            reasons.merge(r, 1L, Long::sum);
        }
        results.put("fair: reasons over all cells", reasons);

        StringBuilder out = new StringBuilder("\n=== ICC allocation benchmark results (P5) ===\n");
        results.forEach((k, v) -> out.append(String.format("%-90s %s%n", k, v)));
        fair.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        System.out.println(out);
    }

    /** The synthetic unit, in a shuffled order (the allocator sorts by pile id). */
    private List<PileDispatchInput> unit(Random rnd) {
        List<PileDispatchInput> unit = new ArrayList<>(piles);
        OperatorId[] operators = new OperatorId[10];
        for (int o = 0; o < operators.length; o++) {
            operators[o] = new OperatorId("OP-" + o);
        }
        for (int i = 0; i < piles; i++) {
            double u = rnd.nextDouble();
            PileType type;
            long rated;
            long min;
            long discharge = 0;
            if (u < 0.70) {
                type = PileType.AC;
                rated = 7_000;
                min = 1_400;
            } else if (u < 0.95) {
                type = PileType.DC;
                rated = rnd.nextBoolean() ? 60_000 : 120_000;
                min = 5_000;
            } else {
                type = PileType.V2G;
                rated = 11_000;
                min = 1_400;
                discharge = 11_000;
            }
            boolean online = rnd.nextDouble() >= 0.03;
            double s = rnd.nextDouble();
            int count = s < 0.3 ? 0 : s < 0.8 ? 1 : 2;
            List<SessionNeed> sessions = new ArrayList<>(count);
            int from = 0;
            for (int n = 0; n < count && from < K - 1; n++) {
                SessionNeed need = session(type, rated, from, rnd, "S-" + i + "-" + n);
                sessions.add(need);
                from = need.departureInterval() + 1;
            }
            unit.add(new PileDispatchInput(new PileId(String.format("P-%07d", i)), operators[i % operators.length], type, rated, min,
                    discharge, online, List.copyOf(sessions)));
        }
        Collections.shuffle(unit, rnd);
        return unit;
    }

    private static SessionNeed session(PileType type, long rated, int earliest, Random rnd, String ref) {
        int arrival;
        int length;
        long energy;
        if (type == PileType.DC) {
            arrival = Math.max(earliest, 24 + rnd.nextInt(68));
            length = 2 + rnd.nextInt(5);
            // 60–100 % of what rated power delivers in the stay; 2 % of sessions ask for more than that.
            double share = rnd.nextDouble() < 0.02 ? 1.2 : 0.3 + 0.5 * rnd.nextDouble();
            energy = (long) (rated * length / 4.0 * share);
        } else if (type == PileType.V2G) {
            arrival = Math.max(earliest, rnd.nextInt(48));
            length = 32 + rnd.nextInt(17);
            // 30 % are parked full, for grid service only: no safety need, so they may discharge.
            energy = rnd.nextDouble() < 0.3 ? 0 : 5_000 + rnd.nextInt(25_000);
        } else if (earliest < 30 && rnd.nextBoolean()) {
            arrival = Math.max(earliest, 30 + rnd.nextInt(10));
            length = 24 + rnd.nextInt(17);
            energy = 8_000 + rnd.nextInt(22_000);
        } else {
            arrival = Math.max(earliest, 70 + rnd.nextInt(18));
            length = K - arrival;
            energy = 5_000 + rnd.nextInt(15_000);
        }
        arrival = Math.min(arrival, K - 1);
        int departure = Math.min(K, arrival + Math.max(1, length));
        return new SessionNeed(ref, arrival, departure, energy);
    }

    /** Between the unit's safety minimum and its capacity with a day shape; no target in 0–3, 40 infeasible low, 80 high. */
    private static long[] target(List<PileDispatchInput> unit) {
        long[] lo = new long[K];
        long[] hi = new long[K];
        for (PileDispatchInput p : unit) {
            if (!p.online()) {
                continue;
            }
            for (int k = 0; k < K; k++) {
                if (present(p, k)) {
                    long f = safetyW(p, k);
                    lo[k] += f > 0 ? Math.max(f, Math.min(p.minW(), p.ratedW())) : -p.maxDischargeW();
                    hi[k] += p.ratedW();
                }
            }
        }
        long[] target = new long[K];
        for (int k = 0; k < K; k++) {
            double shape = 0.45 + 0.35 * Math.cos(2 * Math.PI * (k - 8) / K);
            target[k] = lo[k] + (long) (shape * (hi[k] - lo[k]));
        }
        Arrays.fill(target, 0, 4, FairAllocator.NO_TARGET);
        target[40] = lo[40] * 9 / 10 - 1_000_000;
        target[80] = hi[80] * 11 / 10;
        return target;
    }

    /** Naive split: target × rated_i / Σ rated over the online piles, pile-major in pile-id order like the fair one. */
    private static int[] naive(List<PileDispatchInput> unit, long[] target) {
        List<PileDispatchInput> sorted = new ArrayList<>(unit);
        sorted.sort((a, b) -> a.pileId().value().compareTo(b.pileId().value()));
        long ratedSum = 0;
        for (PileDispatchInput p : sorted) {
            ratedSum += p.online() ? p.ratedW() : 0;
        }
        int[] w = new int[sorted.size() * K];
        for (int i = 0; i < sorted.size(); i++) {
            PileDispatchInput p = sorted.get(i);
            if (!p.online()) {
                continue;
            }
            for (int k = 0; k < K; k++) {
                if (target[k] != FairAllocator.NO_TARGET) {
                    w[i * K + k] = (int) (target[k] * p.ratedW() / ratedSum);
                }
            }
        }
        return w;
    }

    /** Cells (in intervals with a target) above rated, below the safety power, with power but no session; and the count checked. */
    private static long[] violations(List<PileDispatchInput> sorted, int[] w, long[] target) {
        long above = 0;
        long below = 0;
        long noSession = 0;
        long checked = 0;
        for (int i = 0; i < sorted.size(); i++) {
            PileDispatchInput p = sorted.get(i);
            for (int k = 0; k < K; k++) {
                if (target[k] == FairAllocator.NO_TARGET) {
                    continue;
                }
                checked++;
                int v = w[i * K + k];
                if (v > p.ratedW()) {
                    above++;
                }
                long safety = p.online() ? safetyW(p, k) : 0;
                if (safety > 0 && v < safety) {
                    below++;
                }
                if (v != 0 && !(p.online() && present(p, k))) {
                    noSession++;
                }
            }
        }
        return new long[] {above, below, noSession, checked};
    }

    private static boolean present(PileDispatchInput p, int k) {
        for (SessionNeed s : p.sessions()) {
            if (s.arrivalInterval() <= k && k < s.departureInterval()) {
                return true;
            }
        }
        return false;
    }

    private static long safetyW(PileDispatchInput p, int k) {
        long need = 0;
        for (SessionNeed s : p.sessions()) {
            if (s.arrivalInterval() <= k && k < s.departureInterval() && s.energyWh() > 0) {
                int window = s.departureInterval() - s.arrivalInterval();
                need += (s.energyWh() * 4 + window - 1) / window;
            }
        }
        return Math.min(need, p.ratedW());
    }

    /** Wall nanoseconds of each run, sorted; the thread's CPU nanoseconds go to {@code cpu}, sorted. */
    private static long[] time(Supplier<?> work, long[] cpu) {
        for (int i = 0; i < WARM_UPS; i++) {
            work.get();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Object r = work.get();
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            if (r == null) {
                throw new IllegalStateException("no result");
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        return nanos;
    }

    private static long median(long[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static String seconds(long[] sorted) {
        return String.format("%.3f / %.3f", sorted[0] / 1e9, median(sorted) / 1e9);
    }

    private static String fmt(long[] bad) {
        return String.format("%,d / %,d / %,d", bad[0], bad[1], bad[2]);
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String mib(long bytes) {
        return String.format("%.1f", bytes / (double) (1 << 20));
    }
}
