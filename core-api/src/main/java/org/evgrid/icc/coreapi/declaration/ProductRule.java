package org.evgrid.icc.coreapi.declaration;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * A trading product that takes demand declarations: its code, what is declared, its period and its gate closure.
 *
 * @param code the product code, e.g. {@code DAY_AHEAD} (2–32 capital letters, digits or {@code _})
 * @param nameZh the product's Chinese name
 * @param nameEn the product's English name
 * @param kind energy for the period or a 96-point curve for one day
 * @param periodType month, week or day
 * @param gate when declarations close
 */
public record ProductRule(String code, String nameZh, String nameEn, DeclarationKind kind, PeriodType periodType,
                          GateClosureRule gate) {

    /** Quarter hours in one trading day (no daylight saving in Asia/Shanghai). */
    public static final int POINTS_PER_DAY = 96;

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    public ProductRule {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("product code must be 2-32 capital letters, digits or _: " + code);
        }
        if (kind == null || periodType == null || gate == null) {
            throw new IllegalArgumentException("product " + code + " needs a kind, a period type and a gate");
        }
        if (kind == DeclarationKind.CURVE && periodType != PeriodType.DAY) {
            throw new IllegalArgumentException("a curve product has a daily period: " + code);
        }
    }

    /** Whether a date is the first day of one of the product's periods (first of month, Monday, any day). */
    public boolean startsPeriod(LocalDate date) {
        return switch (periodType) {
            case MONTH -> date.getDayOfMonth() == 1;
            case WEEK -> date.getDayOfWeek() == DayOfWeek.MONDAY;
            case DAY -> true;
            default -> false;
        };
    }

    /** The last day of the period starting on {@code periodStart}. */
    public LocalDate periodEnd(LocalDate periodStart) {
        return switch (periodType) {
            case MONTH -> periodStart.plusMonths(1).minusDays(1);
            case WEEK -> periodStart.plusDays(6);
            case DAY -> periodStart;
            default -> throw new IllegalStateException("unknown period type " + periodType);
        };
    }

    /** The hours of the period starting on {@code periodStart} (24 per day; no daylight saving). */
    public long hours(LocalDate periodStart) {
        return 24 * (ChronoUnit.DAYS.between(periodStart, periodEnd(periodStart)) + 1);
    }

    /** What the period's first day must be, in words (for refusals). */
    public String periodStartRuleZh() {
        return switch (periodType) {
            case MONTH -> "月份的第一天";
            case WEEK -> "星期一";
            case DAY -> "交易日";
            default -> "";
        };
    }

    /** What the period's first day must be, in English. */
    public String periodStartRuleEn() {
        return switch (periodType) {
            case MONTH -> "the first day of a month";
            case WEEK -> "a Monday";
            case DAY -> "a trading day";
            default -> "";
        };
    }
}
