package org.evgrid.icc.saga.lifecycle.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.evgrid.icc.coreapi.declaration.GateClosureRule;
import org.evgrid.icc.coreapi.dr.DrInterval;
import org.evgrid.icc.coreapi.dr.DrProgramType;
import org.evgrid.icc.coreapi.dr.DrTargetType;
import org.evgrid.icc.coreapi.market.BidDirection;

/**
 * The lifecycle saga's arithmetic: target curves from a cleared bid or a demand response event, a demand response
 * performance report, and quarter-hour times of a trading day (Asia/Shanghai). Power in kW with 3 decimals.
 */
public final class LifecycleArithmetic {

    /** Quarter hours of a trading day. */
    public static final int INTERVALS = 96;

    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);
    private static final BigDecimal HOURS_PER_INTERVAL = new BigDecimal("0.25");
    private static final int KW_SCALE = 3;

    private LifecycleArithmetic() {
    }

    /** When quarter hour {@code interval} (0–95) of the trading day ends. */
    public static Instant intervalEnd(LocalDate tradingDay, int interval) {
        return tradingDay.atStartOfDay(GateClosureRule.MARKET_ZONE).toInstant().plus(QUARTER_HOUR.multipliedBy(interval + 1L));
    }

    /**
     * The target of a plan from a cleared curve: as cleared for a purchase (charging load), negated for a sale
     * (reduction or discharge); null where the curve has no point; always 96 points.
     */
    public static List<BigDecimal> marketTarget(List<BigDecimal> clearedCurveKw, BidDirection direction) {
        List<BigDecimal> target = new ArrayList<>(INTERVALS);
        for (int k = 0; k < INTERVALS; k++) {
            BigDecimal kw = clearedCurveKw != null && k < clearedCurveKw.size() ? clearedCurveKw.get(k) : null;
            if (kw == null) {
                target.add(null);
            } else {
                target.add(kw(direction == BidDirection.SELL ? kw.negate() : kw));
            }
        }
        return Collections.unmodifiableList(target);
    }

    /** The event interval covering each quarter hour (null outside the event); a later stretch wins an overlap. */
    public static List<DrInterval> eventIntervals(List<DrInterval> intervals) {
        List<DrInterval> byQuarter = new ArrayList<>(Collections.nCopies(INTERVALS, null));
        if (intervals != null) {
            for (DrInterval i : intervals) {
                for (int k = Math.max(0, i.startInterval()); k < Math.min(INTERVALS, i.endInterval()); k++) {
                    byQuarter.set(k, i);
                }
            }
        }
        return byQuarter;
    }

    /** The first quarter hour of the event (0 when it has none). */
    public static int firstEventInterval(List<DrInterval> intervals) {
        List<DrInterval> byQuarter = eventIntervals(intervals);
        for (int k = 0; k < INTERVALS; k++) {
            if (byQuarter.get(k) != null) {
                return k;
            }
        }
        return 0;
    }

    /**
     * The target of a demand response plan per quarter hour: peak shaving {@code max(0, baseline − committed)}, capped
     * by the interval's value when it is an import capacity limit; valley filling {@code baseline + committed}; null
     * outside the event's intervals (and where the baseline is unknown and no limit applies).
     */
    public static List<BigDecimal> drTarget(DrProgramType type, BigDecimal committedKw, List<DrInterval> intervals,
                                            List<BigDecimal> baselineKw) {
        List<DrInterval> byQuarter = eventIntervals(intervals);
        List<BigDecimal> target = new ArrayList<>(INTERVALS);
        for (int k = 0; k < INTERVALS; k++) {
            DrInterval interval = byQuarter.get(k);
            if (interval == null) {
                target.add(null);
                continue;
            }
            BigDecimal baseline = at(baselineKw, k);
            BigDecimal t;
            if (type == DrProgramType.VALLEY_FILLING) {
                t = baseline == null ? null : baseline.add(committedKw);
            } else {
                t = baseline == null ? null : baseline.subtract(committedKw).max(BigDecimal.ZERO);
                if (interval.targetType() == DrTargetType.IMPORT_CAPACITY_LIMIT && interval.value() != null) {
                    t = t == null ? interval.value() : t.min(interval.value());
                }
            }
            target.add(t == null ? null : kw(t));
        }
        return Collections.unmodifiableList(target);
    }

    /**
     * A unit's performance in a demand response event: baseline, actual and performance (baseline − actual for peak
     * shaving, actual − baseline for valley filling) per event quarter hour, null elsewhere or where a value is missing;
     * delivered kWh = Σ performance × 0.25 h; committed kWh = committed × 0.25 h × event quarter hours.
     */
    public static DrPerformance drPerformance(DrProgramType type, BigDecimal committedKw, List<DrInterval> intervals,
                                              List<BigDecimal> baselineKw, List<BigDecimal> actualKw) {
        List<DrInterval> byQuarter = eventIntervals(intervals);
        List<BigDecimal> baseline = new ArrayList<>(INTERVALS);
        List<BigDecimal> actual = new ArrayList<>(INTERVALS);
        List<BigDecimal> performance = new ArrayList<>(INTERVALS);
        BigDecimal delivered = BigDecimal.ZERO;
        int eventQuarters = 0;
        for (int k = 0; k < INTERVALS; k++) {
            if (byQuarter.get(k) == null) {
                baseline.add(null);
                actual.add(null);
                performance.add(null);
                continue;
            }
            eventQuarters++;
            BigDecimal b = at(baselineKw, k);
            BigDecimal a = at(actualKw, k);
            baseline.add(b == null ? null : kw(b));
            actual.add(a == null ? null : kw(a));
            BigDecimal p = null;
            if (a != null && b != null) {
                p = kw(type == DrProgramType.VALLEY_FILLING ? a.subtract(b) : b.subtract(a));
                delivered = delivered.add(p.multiply(HOURS_PER_INTERVAL));
            }
            performance.add(p);
        }
        BigDecimal committed = committedKw.multiply(HOURS_PER_INTERVAL).multiply(BigDecimal.valueOf(eventQuarters));
        return new DrPerformance(Collections.unmodifiableList(baseline), Collections.unmodifiableList(actual),
                Collections.unmodifiableList(performance), kw(delivered), kw(committed));
    }

    private static BigDecimal at(List<BigDecimal> values, int k) {
        return values != null && k < values.size() ? values.get(k) : null;
    }

    private static BigDecimal kw(BigDecimal value) {
        return value.setScale(KW_SCALE, RoundingMode.HALF_EVEN);
    }
}
