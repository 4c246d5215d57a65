package org.evgrid.icc.query.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.Decimal128;

/** How read models store values: decimals as Decimal128, times as dates, days as ISO strings; null stays null. */
public final class StoredValues {

    private StoredValues() {
    }

    public static Decimal128 decimal(BigDecimal value) {
        return value == null ? null : new Decimal128(value);
    }

    public static List<Decimal128> curve(List<BigDecimal> values) {
        if (values == null) {
            return null;
        }
        List<Decimal128> stored = new ArrayList<>(values.size());
        values.forEach(v -> stored.add(decimal(v)));
        return stored;
    }

    public static BigDecimal readDecimal(Object value) {
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

    public static BigDecimal readDecimal(Document d, String field) {
        return readDecimal(d.get(field));
    }

    public static List<BigDecimal> readCurve(Document d, String field) {
        List<?> values = d.get(field, List.class);
        if (values == null) {
            return null;
        }
        List<BigDecimal> curve = new ArrayList<>(values.size());
        values.forEach(v -> curve.add(readDecimal(v)));
        return curve;
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    public static String day(LocalDate day) {
        return day == null ? null : day.toString();
    }

    public static LocalDate readDay(Document d, String field) {
        String value = d.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }

    public static long readLong(Document d, String field, long otherwise) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : otherwise;
    }

    public static int readInt(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.intValue() : 0;
    }

    public static <E extends Enum<E>> E readEnum(Document d, String field, Class<E> type) {
        String value = d.getString(field);
        return value == null ? null : Enum.valueOf(type, value);
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
