package org.evgrid.icc.query.telemetry.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.evgrid.icc.coreapi.archive.PileDimension;

/** Local days (Asia/Shanghai), 5-minute slots 0..287 of a day, and the document ids built from them. */
public final class Slots {

    /** The time zone of days and slots. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Slots per day. */
    public static final int PER_DAY = 288;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    private Slots() {
    }

    /** The local day of an instant. */
    public static LocalDate day(Instant at) {
        return at.atZone(ZONE).toLocalDate();
    }

    /** The 5-minute slot of an instant within its local day. */
    public static int slot(Instant at) {
        ZonedDateTime local = at.atZone(ZONE);
        return (local.getHour() * 60 + local.getMinute()) / 5;
    }

    /** The start of a slot of a local day. */
    public static Instant start(LocalDate day, int slot) {
        return day.atStartOfDay(ZONE).plusMinutes(5L * slot).toInstant();
    }

    /** {@code yyyyMMdd}. */
    public static String dayKey(LocalDate day) {
        return DAY.format(day);
    }

    /** {@code yyyyMMddHHmm} of a slot start (local). */
    public static String minuteKey(LocalDate day, int slot) {
        return MINUTE.format(LocalDateTime.of(day, LocalTime.MIDNIGHT).plusMinutes(5L * slot));
    }

    /** {@code tpd|<pileId>|<yyyyMMdd>}. */
    public static String pileDayId(String pileId, LocalDate day) {
        return "tpd|" + pileId + "|" + dayKey(day);
    }

    /** {@code tad|<DIMENSION>|<key>|<yyyyMMdd>}. */
    public static String aggDayId(PileDimension dimension, String key, LocalDate day) {
        return "tad|" + dimension.name() + "|" + key + "|" + dayKey(day);
    }

    /** {@code tam|<DIMENSION>|<key>|<yyyyMM>}. */
    public static String aggMonthId(PileDimension dimension, String key, LocalDate dayInMonth) {
        return "tam|" + dimension.name() + "|" + key + "|" + MONTH.format(dayInMonth);
    }

    /** The two-digit day-of-month field name of a month document. */
    public static String dayOfMonthField(LocalDate day) {
        return String.format("%02d", day.getDayOfMonth());
    }

    /** The number of slots of a day that have started by {@code now} (all 288 for past days, 0 for future days). */
    public static int elapsed(LocalDate day, Instant now) {
        LocalDate today = day(now);
        if (day.isBefore(today)) {
            return PER_DAY;
        }
        if (day.isAfter(today)) {
            return 0;
        }
        return slot(now) + 1;
    }
}
