package org.evgrid.icc.query.telemetry.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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

    /** Hours of a day: power slots of one pile are kept per hour ({@value #PER_HOUR} slots per document). */
    public static final int HOURS = 24;
    /** 5-minute slots per hour. */
    public static final int PER_HOUR = 12;

    /**
     * {@code tpd|<pileId>|<yyyyMMdd>|<HH>}: the hour document holding a pile's power slot. Kept per hour, not per day,
     * because every update rewrites the whole document in the store; a day of 288 versioned slots would be rewritten
     * 288 times (tens of MB per batch of 5,000 piles).
     */
    public static String pileHourId(String pileId, LocalDate day, int slot) {
        return pileDayId(pileId, day) + "|" + String.format("%02d", slot / PER_HOUR);
    }

    /** The ids of a pile-day's 24 hour documents. */
    public static List<String> pileHourIds(String pileId, LocalDate day) {
        List<String> ids = new ArrayList<>(HOURS);
        for (int h = 0; h < HOURS; h++) {
            ids.add(pileHourId(pileId, day, h * PER_HOUR));
        }
        return ids;
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
