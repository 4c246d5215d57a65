package org.evgrid.icc.command.dispatch.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.dispatch.AllocationReason;
import org.evgrid.icc.coreapi.dispatch.PileDispatchInput;
import org.evgrid.icc.coreapi.dispatch.SessionNeed;

/**
 * Allocates a unit's target curve to its piles (R-4.3: fair, just and open). Plain domain code: deterministic for
 * the same inputs, no clock, no store. The rule is {@link #RULE}.
 *
 * <p>Two passes. Interval by interval, the bounds of the piles with a session are gathered into flat int arrays and the
 * common level is found by integer bisection over them (about 18 passes). Then pile by pile, in pile-id order, every
 * cell's power and reason is derived from its interval's level and written sequentially (pile-major). No object is
 * created per pile and interval.
 */
public final class FairAllocator {

    /** The published allocation rule, in words (shown with every plan). */
    public static final String RULE = "分配规则（公平、公正、公开）：按充电桩编号顺序逐台处理，结果只取决于输入，与输入顺序无关。"
            + "离线或无响应的充电桩全天 0 kW（OFFLINE_EXCLUDED）；某时段没有预计充电会话的桩该时段 0 kW（NO_SESSION_EXPECTED）。"
            + "其余每台桩每个时段有上下限：上限为额定功率；下限为充电安全最低功率，即每个会话在离开前以恒定功率充满剩余电量所需的功率"
            + "（⌈电量 Wh × 4 ÷ 会话时段数⌉ W），同时在桩上的会话相加，最多为额定功率（额定功率也充不满时另行说明），任何情况下都不低于它；"
            + "安全最低功率大于 0 但低于桩的最低运行功率时取最低运行功率；有会话但无安全需求的 V2G 桩下限为负的最大放电功率。"
            + "离开越紧、裕度越小的会话安全最低功率越高，因此自动优先。每个时段按最大最小公平（注水）分配：求共同水平 λ，"
            + "使各桩取 λ 并限制在自身上下限之内后的总和等于目标；除被自身上下限卡住的桩外，各桩功率相同。以整瓦计：各桩先取 ⌊λ⌋，"
            + "剩余瓦数按桩编号顺序给处于共同水平且未达上限的桩每台 1 W；因此只要目标介于下限总和与上限总和之间，计划总和恰好等于目标，"
            + "条件相同的桩相差不超过 1 W。目标低于下限总和时各桩保持下限（充电安全优先，TARGET_BELOW_SAFETY），"
            + "高于上限总和时各桩取额定功率（TARGET_ABOVE_CAPACITY），并写入说明。没有目标的时段各桩只取充电安全最低功率"
            + "（有安全需求为 SAFETY_MINIMUM，否则 NO_TARGET，不放电）。"
            + " Allocation rule (fair, just and open): piles are processed in pile-id order; the result depends only on the"
            + " inputs, never on their order. Offline or unresponsive piles get 0 kW all day (OFFLINE_EXCLUDED); a pile with"
            + " no charging session expected in an interval gets 0 kW in it (NO_SESSION_EXPECTED). Every other pile has, per"
            + " interval, an upper bound, its rated power, and a lower bound, its charging-safety minimum: for each session the"
            + " constant power that delivers its remaining energy before departure (ceil(energy Wh × 4 / session intervals) W),"
            + " summed over the sessions present, at most the rated power (if even rated power cannot deliver the energy, a note"
            + " says so); it is never undercut. A safety minimum above 0 but below the pile's minimum running power is raised to"
            + " that minimum; a V2G pile with a session but no safety need may discharge down to its maximum discharge power."
            + " A session with less slack before departure has a higher safety minimum, so it is served first. Each interval is"
            + " shared max-min fairly (water-filling): the common level λ is the one at which the piles, each at λ held within its"
            + " own bounds, add up to the target; every pile gets the same power unless one of its bounds holds it. In whole"
            + " watts: every pile first gets floor(λ), then the remaining watts go one each, in pile-id order, to the piles at the"
            + " common level below their upper bound; so whenever the target lies between the sums of the lower and upper bounds"
            + " the plan adds up to the target exactly, and piles in the same situation differ by at most 1 W. A target below the"
            + " sum of the lower bounds keeps every pile at its lower bound (safety first, TARGET_BELOW_SAFETY); a target above"
            + " the sum of the rated powers puts every pile at rated power (TARGET_ABOVE_CAPACITY); both are noted. In an interval"
            + " without a target every pile gets only its charging-safety minimum (SAFETY_MINIMUM where there is a need,"
            + " otherwise NO_TARGET, no discharge).";

    /** Quarter hours in a trading day. */
    public static final int INTERVALS = 96;

    /** Marks an interval without a target in {@code targetW}. */
    public static final long NO_TARGET = Long.MIN_VALUE;

    /** Most notes an allocation carries. */
    static final int MAX_NOTES = 96;

    private static final int MAX_PILES = Integer.MAX_VALUE / INTERVALS;

    /** How an interval is settled: by the common level, without a target, below the lower or above the upper bounds. */
    private static final byte FILL = 0;
    private static final byte UNSET = 1;
    private static final byte BELOW = 2;
    private static final byte ABOVE = 3;

    private static final Comparator<PileDispatchInput> BY_PILE_ID = Comparator.comparing(p -> p.pileId().value());

    /**
     * Allocates the target to the piles.
     *
     * @param piles the unit's piles (any order; the result is ordered by pile id)
     * @param targetW 96 targets in W; {@link #NO_TARGET} where the source sets none
     * @return the schedule of every pile and the reasons
     */
    public Allocation allocate(List<PileDispatchInput> piles, long[] targetW) {
        List<PileDispatchInput> sorted = sortedAndChecked(piles);
        checkTargets(targetW);
        PileTable table = PileTable.of(sorted);
        IntervalNotes notes = new IntervalNotes();
        Levels levels = new Levels();
        Interval interval = new Interval(table);
        for (int k = 0; k < INTERVALS; k++) {
            interval.gather(k);
            interval.level(k, targetW[k], levels, notes);
        }
        int n = table.size();
        int[] schedule = new int[n * INTERVALS];
        AllocationReason[] reasons = new AllocationReason[n * INTERVALS];
        long[] planned = new long[INTERVALS];
        writeOut(table, levels, schedule, reasons, planned);
        return new Allocation(List.copyOf(sorted), schedule, reasons, planned, table.excluded, notes.render(table));
    }

    /** Per interval how it is settled: the common level and how many piles at it get one watt more. */
    private static final class Levels {
        final byte[] kind = new byte[INTERVALS];
        final int[] level = new int[INTERVALS];
        final long[] extra = new long[INTERVALS];
    }

    /** Pile by pile (sequential writes), the power and reason of every interval from the intervals' levels. */
    private static void writeOut(PileTable t, Levels levels, int[] schedule, AllocationReason[] reasons, long[] planned) {
        long[] need = new long[INTERVALS];
        boolean[] present = new boolean[INTERVALS];
        long[] extra = levels.extra.clone();
        for (int p = 0, n = t.size(); p < n; p++) {
            int base = p * INTERVALS;
            if (!t.online[p]) {
                Arrays.fill(reasons, base, base + INTERVALS, AllocationReason.OFFLINE_EXCLUDED);
                continue;
            }
            Arrays.fill(need, 0);
            Arrays.fill(present, false);
            for (int s = t.sessionStart[p], end = t.sessionStart[p + 1]; s < end; s++) {
                for (int k = t.arrival[s]; k < t.departure[s]; k++) {
                    present[k] = true;
                    need[k] += t.rate[s];
                }
            }
            int rated = t.rated[p];
            for (int k = 0; k < INTERVALS; k++) {
                if (!present[k]) {
                    reasons[base + k] = AllocationReason.NO_SESSION_EXPECTED;
                    continue;
                }
                int f = (int) Math.min(need[k], rated);
                int l = lower(f, t.minW[p], rated, t.discharge[p]);
                int v;
                AllocationReason r;
                switch (levels.kind[k]) {
                    case UNSET -> {
                        v = Math.max(l, 0);
                        r = f > 0 ? AllocationReason.SAFETY_MINIMUM : AllocationReason.NO_TARGET;
                    }
                    case BELOW -> {
                        v = l;
                        r = v > 0 ? AllocationReason.TARGET_BELOW_SAFETY
                                : v < 0 ? AllocationReason.V2G_DISCHARGE : AllocationReason.AT_MINIMUM_POWER;
                    }
                    case ABOVE -> {
                        v = rated;
                        r = AllocationReason.TARGET_ABOVE_CAPACITY;
                    }
                    default -> {
                        int level = levels.level[k];
                        v = level < l ? l : (level > rated ? rated : level);
                        if (v == level && level < rated && extra[k] > 0) {
                            v++;
                            extra[k]--;
                        }
                        r = reason(v, l, rated, f, level);
                    }
                }
                schedule[base + k] = v;
                reasons[base + k] = r;
                planned[k] += v;
            }
        }
    }

    /** The lower bound: the safety power raised to the minimum running power, or the discharge limit of a V2G pile. */
    private static int lower(int safety, int minW, int rated, int discharge) {
        return safety > 0 ? Math.max(safety, Math.min(minW, rated)) : -discharge;
    }

    private static AllocationReason reason(int v, int l, int h, int f, int level) {
        if (v < 0) {
            return AllocationReason.V2G_DISCHARGE;
        }
        if (l > level || (l == h && l > 0)) {
            return l == f && f > 0 ? AllocationReason.SAFETY_MINIMUM : AllocationReason.AT_MINIMUM_POWER;
        }
        if (v == h && h <= level) {
            return AllocationReason.AT_RATED_LIMIT;
        }
        return AllocationReason.FAIR_SHARE;
    }

    private static List<PileDispatchInput> sortedAndChecked(List<PileDispatchInput> piles) {
        if (piles == null) {
            throw IccException.invalid("ICC-ALLOC-PILES", "piles", "没有提供充电桩清单。", "The list of piles is missing.",
                    "请提供聚合单元的充电桩清单（可以为空清单）。 Provide the unit's piles (an empty list is allowed).");
        }
        if (piles.size() > MAX_PILES) {
            throw IccException.invalid("ICC-ALLOC-PILES", "piles", "充电桩数量超过单次分配上限。", "Too many piles for one allocation.",
                    "请把聚合单元拆分后再分配。 Split the unit and allocate each part.");
        }
        List<PileDispatchInput> sorted = new ArrayList<>(piles);
        for (PileDispatchInput p : sorted) {
            if (p == null || p.pileId() == null) {
                throw IccException.invalid("ICC-ALLOC-PILES", "piles", "充电桩清单中有空项。", "The list of piles has an empty entry.",
                        "请删除空项或补全充电桩编号。 Remove the empty entry or give its pile id.");
            }
        }
        sorted.sort(BY_PILE_ID);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).pileId().equals(sorted.get(i - 1).pileId())) {
                String id = sorted.get(i).pileId().value();
                throw IccException.invalid("ICC-ALLOC-DUPLICATE", "piles", "充电桩 " + id + " 在清单中出现了两次。",
                        "Pile " + id + " appears twice in the list.", "每台充电桩只列一次。 List each pile once.");
            }
        }
        return sorted;
    }

    private static void checkTargets(long[] targetW) {
        if (targetW == null || targetW.length != INTERVALS) {
            throw IccException.invalid("ICC-ALLOC-TARGET", "targetW", "目标曲线必须正好有 96 个时段。",
                    "The target curve must have exactly 96 intervals.",
                    "请为每个 15 分钟时段给出一个目标值，没有目标的时段标记为无目标。"
                            + " Give one target per quarter hour; mark intervals without a target as having none.");
        }
    }

    /** One interval's bounds for the piles with a session, in flat arrays reused from interval to interval. */
    private static final class Interval {

        private final PileTable table;
        private final int[] lo;
        private final int[] hi;
        private int m;
        private long sumLo;
        private long sumHi;
        private int minLo;
        private int maxHi;

        Interval(PileTable table) {
            this.table = table;
            lo = new int[table.size()];
            hi = new int[table.size()];
        }

        /** Collects the bounds of every online pile with a session in interval {@code k}, in pile order. */
        void gather(int k) {
            PileTable t = table;
            m = 0;
            sumLo = 0;
            sumHi = 0;
            minLo = Integer.MAX_VALUE;
            maxHi = Integer.MIN_VALUE;
            for (int p = 0, n = t.size(); p < n; p++) {
                int end = t.sessionStart[p + 1];
                int s = t.sessionStart[p];
                if (s == end || !t.online[p]) {
                    continue;
                }
                long need = 0;
                boolean present = false;
                for (; s < end; s++) {
                    if (t.arrival[s] <= k && k < t.departure[s]) {
                        present = true;
                        need += t.rate[s];
                    }
                }
                if (!present) {
                    continue;
                }
                int rated = t.rated[p];
                if (need > rated) {
                    need = rated;
                    t.shortOfEnergy[p] = true;
                }
                int l = lower((int) need, t.minW[p], rated, t.discharge[p]);
                lo[m] = l;
                hi[m] = rated;
                m++;
                sumLo += l;
                sumHi += rated;
                minLo = Math.min(minLo, l);
                maxHi = Math.max(maxHi, rated);
            }
        }

        /** Settles interval {@code k}: no target, infeasible (noted) or the common level and the watts left over. */
        void level(int k, long target, Levels levels, IntervalNotes notes) {
            if (target == NO_TARGET) {
                levels.kind[k] = UNSET;
            } else if (target < sumLo) {
                levels.kind[k] = BELOW;
                notes.below(k, target, sumLo);
            } else if (target > sumHi) {
                levels.kind[k] = ABOVE;
                notes.above(k, target, sumHi);
            } else {
                // The largest whole level whose clamped sum does not exceed the target; sum(minLo) = sumLo <= target.
                int a = minLo;
                int b = maxHi;
                while (a < b) {
                    int mid = (int) (((long) a + b + 1) >> 1);
                    if (clampedSum(mid) <= target) {
                        a = mid;
                    } else {
                        b = mid - 1;
                    }
                }
                levels.kind[k] = FILL;
                levels.level[k] = a;
                // Fewer watts remain than piles at the level below their upper bound (else level + 1 would fit).
                levels.extra[k] = m == 0 ? 0 : target - clampedSum(a);
            }
        }

        private long clampedSum(int level) {
            long s = 0;
            int[] l = lo;
            int[] h = hi;
            for (int i = 0, n = m; i < n; i++) {
                s += Math.min(Math.max(level, l[i]), h[i]);
            }
            return s;
        }
    }

    /** The piles' limits and sessions in flat arrays (sessions of pile p at {@code sessionStart[p]..sessionStart[p+1]}). */
    static final class PileTable {

        final PileDispatchInput[] inputs;
        final boolean[] online;
        final int[] rated;
        final int[] minW;
        final int[] discharge;
        final int[] sessionStart;
        final int[] arrival;
        final int[] departure;
        final long[] rate;
        /** Piles whose sessions need more than rated power in some interval. */
        final boolean[] shortOfEnergy;
        int excluded;

        private PileTable(int n, int sessions) {
            inputs = new PileDispatchInput[n];
            online = new boolean[n];
            rated = new int[n];
            minW = new int[n];
            discharge = new int[n];
            sessionStart = new int[n + 1];
            arrival = new int[sessions];
            departure = new int[sessions];
            rate = new long[sessions];
            shortOfEnergy = new boolean[n];
        }

        int size() {
            return inputs.length;
        }

        static PileTable of(List<PileDispatchInput> sorted) {
            int sessions = 0;
            for (PileDispatchInput p : sorted) {
                sessions += p.sessions() == null ? 0 : p.sessions().size();
            }
            PileTable t = new PileTable(sorted.size(), sessions);
            int s = 0;
            for (int i = 0; i < sorted.size(); i++) {
                PileDispatchInput p = sorted.get(i);
                t.inputs[i] = p;
                t.online[i] = p.online();
                if (!p.online()) {
                    t.excluded++;
                }
                t.rated[i] = watts(p.ratedW(), p, "ratedW");
                t.minW[i] = watts(p.minW(), p, "minW");
                t.discharge[i] = watts(p.maxDischargeW(), p, "maxDischargeW");
                t.sessionStart[i] = s;
                if (p.sessions() != null) {
                    for (SessionNeed need : p.sessions()) {
                        if (need == null) {
                            continue;
                        }
                        int from = Math.max(0, need.arrivalInterval());
                        int to = Math.min(INTERVALS, need.departureInterval());
                        t.arrival[s] = from;
                        t.departure[s] = to;
                        t.rate[s] = to > from ? safetyPowerW(need.energyWh(), to - from) : 0;
                        s++;
                    }
                }
            }
            t.sessionStart[sorted.size()] = s;
            return t;
        }

        private static int watts(long w, PileDispatchInput p, String field) {
            if (w < 0 || w > Integer.MAX_VALUE) {
                throw IccException.invalid("ICC-ALLOC-LIMITS", field, "充电桩 " + p.pileId() + " 的功率限值不合理：" + w + " W。",
                        "Pile " + p.pileId() + " has an impossible power limit: " + w + " W.",
                        "请在档案中更正该桩的额定、最低或放电功率（0 至 2,147,483,647 W）。"
                                + " Correct the pile's rated, minimum or discharge power in the archive (0 to 2,147,483,647 W).");
            }
            return (int) w;
        }
    }

    /**
     * The constant power in W that delivers {@code energyWh} over {@code intervals} quarter hours, rounded up.
     *
     * @param energyWh the energy still needed (negative counts as none)
     * @param intervals the quarter hours left, at least 1
     * @return the power in W
     */
    static long safetyPowerW(long energyWh, int intervals) {
        if (energyWh <= 0) {
            return 0;
        }
        long quarterWh = energyWh > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : energyWh * 4;
        return -Math.floorDiv(-quarterWh, intervals);
    }
}
