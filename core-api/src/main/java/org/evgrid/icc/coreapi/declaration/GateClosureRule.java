package org.evgrid.icc.coreapi.declaration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * When declarations for a period close: a local time (Asia/Shanghai, no daylight saving) on a day counted from the
 * period's first day. Plain computation, no clock.
 *
 * @param anchor what {@code offset} counts from
 * @param offset the day of the previous month (1–28) or the number of days before the period (0–60)
 * @param localTime the local time of the gate closure
 */
public record GateClosureRule(GateAnchor anchor, int offset, LocalTime localTime) {

    /** The market's time zone: China Standard Time, UTC+8 all year. */
    public static final ZoneId MARKET_ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public GateClosureRule {
        if (anchor == null || localTime == null) {
            throw new IllegalArgumentException("gate closure rule needs an anchor and a local time");
        }
        if (anchor == GateAnchor.DAY_OF_PREVIOUS_MONTH && (offset < 1 || offset > 28)) {
            throw new IllegalArgumentException("day of the previous month must be 1-28, was " + offset);
        }
        if (anchor == GateAnchor.DAYS_BEFORE_PERIOD && (offset < 0 || offset > 60)) {
            throw new IllegalArgumentException("days before the period must be 0-60, was " + offset);
        }
    }

    /** The instant declarations for the period starting on {@code periodStart} close. */
    public Instant closesAt(LocalDate periodStart) {
        LocalDate day = switch (anchor) {
            case DAY_OF_PREVIOUS_MONTH -> periodStart.withDayOfMonth(1).minusMonths(1).withDayOfMonth(offset);
            case DAYS_BEFORE_PERIOD -> periodStart.minusDays(offset);
            default -> throw new IllegalStateException("unknown anchor " + anchor);
        };
        return day.atTime(localTime).atZone(MARKET_ZONE).toInstant();
    }

    /** An instant as shown to people: {@code yyyy-MM-dd HH:mm} in Asia/Shanghai. */
    public static String shown(Instant instant) {
        return SHOWN.format(instant.atZone(MARKET_ZONE));
    }
}
