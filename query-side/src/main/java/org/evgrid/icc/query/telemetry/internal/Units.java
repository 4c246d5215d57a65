package org.evgrid.icc.query.telemetry.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Conversions from the documents' integer units (W, Wh, fen) to the views' decimals (kW, kWh, CNY). */
public final class Units {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal WATT_SLOTS_PER_KWH = BigDecimal.valueOf(12_000);

    private Units() {
    }

    /** W → kW, 3 decimals. */
    public static BigDecimal kw(long watts) {
        return BigDecimal.valueOf(watts, 3);
    }

    /** Mean W over n values → kW, 3 decimals (half-up). */
    public static BigDecimal kwMean(long wattSum, long count) {
        return BigDecimal.valueOf(wattSum).divide(BigDecimal.valueOf(count).multiply(THOUSAND), 3, RoundingMode.HALF_UP);
    }

    /** Wh → kWh, 3 decimals. */
    public static BigDecimal kwh(long wattHours) {
        return BigDecimal.valueOf(wattHours, 3);
    }

    /** Σ of 5-minute average W → kWh (Σ W × 5/60 / 1000), 3 decimals (half-up). */
    public static BigDecimal kwhFromSlots(long wattSlotSum) {
        return BigDecimal.valueOf(wattSlotSum).divide(WATT_SLOTS_PER_KWH, 3, RoundingMode.HALF_UP);
    }

    /** fen → CNY, 2 decimals. */
    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    /** kW → W (exact for 3 decimals). */
    public static long watts(BigDecimal kw) {
        return kw.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** A ratio a / b with 4 decimals, null when b is zero. */
    public static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        if (a == null || b == null || b.signum() == 0) {
            return null;
        }
        return a.divide(b, 4, RoundingMode.HALF_UP);
    }

    /** (current − earlier) / earlier × 100 with 2 decimals, null when earlier is zero or missing. */
    public static BigDecimal percentChange(BigDecimal current, BigDecimal earlier) {
        if (current == null || earlier == null || earlier.signum() == 0) {
            return null;
        }
        return current.subtract(earlier).multiply(BigDecimal.valueOf(100)).divide(earlier.abs(), 2, RoundingMode.HALF_UP);
    }

    /** A long from a stored number (int or long), 0 when absent. */
    public static long asLong(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
