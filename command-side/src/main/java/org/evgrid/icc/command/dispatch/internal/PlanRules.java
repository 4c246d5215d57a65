package org.evgrid.icc.command.dispatch.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.command.dispatch.allocation.Allocation;
import org.evgrid.icc.command.dispatch.allocation.FairAllocator;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.declaration.GateClosureRule;
import org.evgrid.icc.coreapi.dispatch.AllocationReason;
import org.evgrid.icc.coreapi.dispatch.DeviationKind;
import org.evgrid.icc.coreapi.dispatch.OperatorShare;
import org.evgrid.icc.coreapi.dispatch.ProposeDispatchPlanCommand;

/** Field rules and figures of dispatch plans: target curves, operator shares, interval times and deviations. */
public final class PlanRules {

    /** Quarter hours in a trading day. */
    public static final int INTERVALS = FairAllocator.INTERVALS;
    /** Most decimals of a power value in kW. */
    public static final int KW_SCALE = 3;
    /** Longest free text (reasons, notes, handling). */
    public static final int MAX_TEXT = 500;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal QUARTER_HOUR = new BigDecimal("0.25");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private PlanRules() {
    }

    /** Checks the fields of a proposal: unit, day, source, target curve and tolerance. */
    public static void proposal(ProposeDispatchPlanCommand command) {
        if (command.unitId() == null) {
            throw Texts.missing("unitId", "聚合单元", "aggregation unit").exception();
        }
        if (command.tradingDay() == null) {
            throw Texts.missing("tradingDay", "交易日", "trading day").exception();
        }
        if (command.sourceKind() == null) {
            throw Texts.missing("sourceKind", "计划来源类型", "source kind").exception();
        }
        Texts.required(command.sourceRef(), "sourceRef", "计划来源", "source reference", 200);
        target(command.targetKw());
        tolerance(command.tolerancePercent());
    }

    /** Checks a target curve: 96 points in kW, at most 3 decimals, nulls allowed but not all. */
    public static void target(List<BigDecimal> targetKw) {
        int size = targetKw == null ? 0 : targetKw.size();
        if (size != INTERVALS) {
            throw Refusal.invalid("ICC-PLAN-TARGET-POINTS", "targetKw",
                    "目标功率曲线应有 96 个 15 分钟点，现为 " + size + " 个",
                    "The target curve needs 96 quarter-hour points; " + size + " given",
                    "Send one value per quarter hour from 00:00 to 23:45 (null where there is no target)").exception();
        }
        boolean any = false;
        for (int i = 0; i < size; i++) {
            BigDecimal point = targetKw.get(i);
            if (point == null) {
                continue;
            }
            any = true;
            if (point.stripTrailingZeros().scale() > KW_SCALE) {
                throw Refusal.invalid("ICC-PLAN-PRECISION", "targetKw[" + i + "]",
                        "第 " + (i + 1) + " 个目标功率点最多保留 3 位小数，现为 " + point.toPlainString(),
                        "Target point " + (i + 1) + " may have at most 3 decimals; it is " + point.toPlainString(),
                        "Round the value to 3 decimals (kW)").exception();
            }
        }
        if (!any) {
            throw Refusal.invalid("ICC-PLAN-TARGET-EMPTY", "targetKw",
                    "目标功率曲线没有任何目标值", "The target curve has no target in any interval",
                    "Give the target of at least one quarter hour").exception();
        }
    }

    /** Checks a tolerance in (0, 100] percent. */
    public static void tolerance(BigDecimal tolerancePercent) {
        if (tolerancePercent == null) {
            throw Texts.missing("tolerancePercent", "允许偏差（%）", "tolerance (%)").exception();
        }
        if (tolerancePercent.signum() <= 0 || tolerancePercent.compareTo(HUNDRED) > 0) {
            throw Refusal.invalid("ICC-PLAN-TOLERANCE-INVALID", "tolerancePercent",
                    "允许偏差应大于 0% 且不超过 100%，现为 " + tolerancePercent.toPlainString() + "%",
                    "The tolerance must be above 0% and at most 100%; it is " + tolerancePercent.toPlainString() + "%",
                    "Give a tolerance such as 5 (percent)").exception();
        }
    }

    /** A target curve at 3 decimals, unmodifiable, nulls kept. */
    public static List<BigDecimal> scaled(List<BigDecimal> curve) {
        List<BigDecimal> scaled = new ArrayList<>(curve.size());
        for (BigDecimal v : curve) {
            scaled.add(v == null ? null : v.setScale(KW_SCALE, RoundingMode.UNNECESSARY));
        }
        return Collections.unmodifiableList(scaled);
    }

    /** The same curves (value by value, nulls alike). */
    public static boolean sameCurve(List<BigDecimal> a, List<BigDecimal> b) {
        if (a == null || b == null || a.size() != b.size()) {
            return Objects.equals(a, b);
        }
        for (int i = 0; i < a.size(); i++) {
            BigDecimal x = a.get(i);
            BigDecimal y = b.get(i);
            if (x == null ? y != null : y == null || x.compareTo(y) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The target in W per interval, {@link FairAllocator#NO_TARGET} where there is none. */
    public static long[] targetW(List<BigDecimal> targetKw) {
        long[] w = new long[INTERVALS];
        for (int k = 0; k < INTERVALS; k++) {
            BigDecimal v = targetKw.get(k);
            w[k] = v == null ? FairAllocator.NO_TARGET : v.movePointRight(KW_SCALE).longValueExact();
        }
        return w;
    }

    /** W as kW at 3 decimals. */
    public static BigDecimal kw(long w) {
        return BigDecimal.valueOf(w, KW_SCALE);
    }

    /** A curve in W as kW. */
    public static List<BigDecimal> kw(long[] w) {
        List<BigDecimal> kw = new ArrayList<>(w.length);
        for (long v : w) {
            kw.add(kw(v));
        }
        return Collections.unmodifiableList(kw);
    }

    /** Energy of quarter-hour powers in kW (Σ kW × 0.25), 3 decimals HALF_EVEN; null values are skipped. */
    public static BigDecimal kwh(List<BigDecimal> kw) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : kw) {
            if (v != null) {
                sum = sum.add(v);
            }
        }
        return sum.multiply(QUARTER_HOUR).setScale(KW_SCALE, RoundingMode.HALF_EVEN);
    }

    /** Whether a pile is excluded from the plan: it cannot be dispatched (offline or not responding), or got no interval. */
    public static boolean excluded(Allocation allocation, int pile) {
        if (!allocation.piles().get(pile).online()) {
            return true;
        }
        for (int k = 0; k < INTERVALS; k++) {
            if (allocation.reasons()[pile * INTERVALS + k] != AllocationReason.OFFLINE_EXCLUDED) {
                return false;
            }
        }
        return true;
    }

    /** Each operator's share, operators in id order: piles used (not excluded), planned curve and energy. */
    public static List<OperatorShare> shares(Allocation allocation, Map<String, List<Integer>> byOperator) {
        List<OperatorShare> shares = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byOperator.entrySet()) {
            long[] w = new long[INTERVALS];
            int used = 0;
            for (int p : e.getValue()) {
                if (!excluded(allocation, p)) {
                    used++;
                }
                for (int k = 0; k < INTERVALS; k++) {
                    w[k] += allocation.scheduleW()[p * INTERVALS + k];
                }
            }
            List<BigDecimal> kw = kw(w);
            shares.add(new OperatorShare(new OperatorId(e.getKey()), used, kw, kwh(kw)));
        }
        return Collections.unmodifiableList(shares);
    }

    /** The start of a quarter hour of a trading day: 00:00 Asia/Shanghai + 15 min × interval. */
    public static Instant intervalStart(LocalDate tradingDay, int interval) {
        return tradingDay.atStartOfDay(GateClosureRule.MARKET_ZONE).toInstant().plus(Duration.ofMinutes(15L * interval));
    }

    /** Actual − target in kW (3 decimals). */
    public static BigDecimal deviationKw(BigDecimal actualKw, BigDecimal targetKw) {
        return actualKw.subtract(targetKw).setScale(KW_SCALE, RoundingMode.HALF_EVEN);
    }

    /** The deviation in percent of the target (at least 1 kW), 2 decimals HALF_EVEN. */
    public static BigDecimal deviationPercent(BigDecimal deviationKw, BigDecimal targetKw) {
        BigDecimal base = targetKw.abs().max(BigDecimal.ONE);
        return deviationKw.multiply(HUNDRED).divide(base, 2, RoundingMode.HALF_EVEN);
    }

    /**
     * The kind of deviation of an interval with a target, or null when it is within tolerance: missing telemetry is a
     * deviation of its own (never read as zero), otherwise OVER/UNDER when |percent| exceeds the tolerance.
     */
    public static DeviationKind classify(boolean telemetryComplete, BigDecimal deviationKw, BigDecimal deviationPercent,
                                         BigDecimal tolerancePercent) {
        if (!telemetryComplete) {
            return DeviationKind.MISSING_TELEMETRY;
        }
        if (deviationPercent.abs().compareTo(tolerancePercent) <= 0) {
            return null;
        }
        return deviationKw.signum() > 0 ? DeviationKind.OVER : DeviationKind.UNDER;
    }
}
