package org.evgrid.icc.command.dr.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.coreapi.declaration.GateClosureRule;
import org.evgrid.icc.coreapi.declaration.ProductRule;
import org.evgrid.icc.coreapi.dr.DrEventId;
import org.evgrid.icc.coreapi.dr.DrInterval;

/** Field rules of demand response programs and events and their refusals, one wording each. */
public final class DrRules {

    /** Most decimals of a power (kW) or energy (kWh) value. */
    public static final int QUANTITY_SCALE = 3;
    /** Most decimals of a price (CNY/MWh). */
    public static final int PRICE_SCALE = 2;
    /** Minutes per interval. */
    public static final int MINUTES_PER_INTERVAL = 15;

    private DrRules() {
    }

    /** When interval {@code index} of the trading day starts: 00:00 Asia/Shanghai + 15 min × index. */
    public static Instant intervalStart(LocalDate tradingDay, int index) {
        return tradingDay.atStartOfDay(GateClosureRule.MARKET_ZONE).toInstant().plusSeconds(60L * MINUTES_PER_INTERVAL * index);
    }

    /**
     * Checks the intervals (not empty; each {@code 0 ≤ start < end ≤ 96}, sorted, not overlapping, with a target type and a
     * value ≥ 0 with at most 3 decimals) and answers them with values at 3 decimals.
     */
    public static List<DrInterval> intervals(List<DrInterval> intervals) {
        if (intervals == null || intervals.isEmpty()) {
            throw Texts.missing("intervals", "响应时段", "event intervals").exception();
        }
        List<DrInterval> checked = new ArrayList<>();
        int previousEnd = 0;
        for (int i = 0; i < intervals.size(); i++) {
            DrInterval interval = intervals.get(i);
            String field = "intervals[" + i + "]";
            if (interval == null) {
                throw Texts.missing(field, "第 " + (i + 1) + " 个响应时段", "interval " + (i + 1)).exception();
            }
            int start = interval.startInterval();
            int end = interval.endInterval();
            if (start < 0 || end > ProductRule.POINTS_PER_DAY || start >= end) {
                throw Refusal.invalid("ICC-DR-INTERVAL-INVALID", field,
                        "第 " + (i + 1) + " 个响应时段 [" + start + ", " + end + ") 无效：应满足 0 ≤ 起点 < 终点 ≤ 96",
                        "Interval " + (i + 1) + " [" + start + ", " + end + ") is invalid: it needs 0 <= start < end <= 96",
                        "Give quarter-hour indexes of the trading day, the end excluded").exception();
            }
            if (i > 0 && start < previousEnd) {
                throw Refusal.invalid("ICC-DR-INTERVAL-OVERLAP", field,
                        "第 " + (i + 1) + " 个响应时段从 " + start + " 开始，早于前一时段的终点 " + previousEnd,
                        "Interval " + (i + 1) + " starts at " + start + ", before the previous one ends at " + previousEnd,
                        "List the intervals in time order without overlaps").exception();
            }
            if (interval.targetType() == null) {
                throw Texts.missing(field + ".targetType", "第 " + (i + 1) + " 个响应时段的目标类型", "target type of interval " + (i + 1))
                        .exception();
            }
            if (interval.value() == null) {
                throw Texts.missing(field + ".value", "第 " + (i + 1) + " 个响应时段的目标值", "target value of interval " + (i + 1))
                        .exception();
            }
            amount(interval.value(), field + ".value", "第 " + (i + 1) + " 个响应时段的目标值", "The target value of interval " + (i + 1),
                    QUANTITY_SCALE);
            checked.add(new DrInterval(start, end, interval.targetType(), scaled(interval.value(), QUANTITY_SCALE)));
            previousEnd = end;
        }
        return List.copyOf(checked);
    }

    /** Checks a value: not negative, at most {@code scale} decimals. */
    public static void amount(BigDecimal value, String field, String labelZh, String labelEn, int scale) {
        if (value.signum() < 0) {
            throw Refusal.invalid("ICC-DR-NEGATIVE", field, labelZh + "不能为负数，现为 " + value.toPlainString(),
                    labelEn + " may not be negative; it is " + value.toPlainString(), "Give zero or a positive value").exception();
        }
        precision(value, field, labelZh, labelEn, scale);
    }

    /** Checks a value has at most {@code scale} decimals. */
    public static void precision(BigDecimal value, String field, String labelZh, String labelEn, int scale) {
        if (value.stripTrailingZeros().scale() > scale) {
            throw Refusal.invalid("ICC-DR-PRECISION", field, labelZh + "最多保留 " + scale + " 位小数，现为 " + value.toPlainString(),
                    labelEn + " may have at most " + scale + " decimals; it is " + value.toPlainString(),
                    "Round the value to " + scale + " decimals").exception();
        }
    }

    /** Checks a list of 96 quarter-hour values (null allowed for quarter hours outside the event), at most 3 decimals each. */
    public static List<BigDecimal> points(List<BigDecimal> values, String field, String labelZh) {
        int size = values == null ? 0 : values.size();
        if (size != ProductRule.POINTS_PER_DAY) {
            throw Refusal.invalid("ICC-DR-POINTS", field, labelZh + "应有 96 个 15 分钟点（时段外为空），现为 " + size + " 个",
                    "The list " + field + " needs 96 quarter-hour points (empty outside the event); " + size + " given",
                    "Send one value per quarter hour from 00:00 to 23:45, null where there is none").exception();
        }
        List<BigDecimal> scaled = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            BigDecimal value = values.get(i);
            if (value != null) {
                precision(value, field + "[" + i + "]", labelZh + "第 " + (i + 1) + " 个点", "Point " + (i + 1) + " of " + field,
                        QUANTITY_SCALE);
            }
            scaled.add(scaled(value, QUANTITY_SCALE));
        }
        return Collections.unmodifiableList(scaled);
    }

    /** A value at the given scale (exact); null stays null. */
    public static BigDecimal scaled(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** The refusal of a command to an event never published. */
    public static Refusal unknownEvent(DrEventId id) {
        return Refusal.notFound("ICC-DR-EVENT-UNKNOWN", "eventId", "需求响应事件 " + id + " 不存在",
                "Demand response event " + id + " does not exist", "Check the event id; the dispatch center publishes events");
    }
}
