package org.evgrid.icc.query.planning.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.bson.Document;
import org.evgrid.icc.query.telemetry.internal.Slots;
import org.evgrid.icc.query.telemetry.internal.Units;

/**
 * The load of a unit day document ({@code tel_agg_days}, {@code tad|UNIT|<unit>|<yyyyMMdd>}): {@code w.<slot>} is the
 * sum of the reporting piles' average power in W, {@code r.<slot>} the number of piles that reported. A quarter hour's
 * load is the mean of its reported 5-minute slots (slots nobody reported in are left out, as in the load statistics).
 */
public final class UnitLoad {

    /** Quarter hours per trading day. */
    public static final int QUARTERS = 96;
    /** 5-minute slots per quarter hour. */
    public static final int SLOTS_PER_QUARTER = 3;
    private static final MathContext EXACT = MathContext.DECIMAL64;

    private final long[] watts = new long[Slots.PER_DAY];
    private final long[] reporting = new long[Slots.PER_DAY];

    private UnitLoad(Document day) {
        if (day != null) {
            fill(watts, day.get("w", Document.class));
            fill(reporting, day.get("r", Document.class));
        }
    }

    /** The load of a day document (null: no data). */
    public static UnitLoad of(Document day) {
        return new UnitLoad(day);
    }

    private static void fill(long[] target, Document map) {
        if (map != null) {
            map.forEach((slot, value) -> {
                int i = Integer.parseInt(slot);
                if (i >= 0 && i < target.length) {
                    target[i] = Units.asLong(value);
                }
            });
        }
    }

    /** How many slots of the day have at least one reporting pile. */
    public int slotsWithData() {
        int n = 0;
        for (long r : reporting) {
            if (r > 0) {
                n++;
            }
        }
        return n;
    }

    /** The mean W of a quarter hour's reported slots, unrounded; null when none of its slots was reported. */
    public BigDecimal quarterWatts(int quarter) {
        long sum = 0;
        int n = 0;
        for (int s = quarter * SLOTS_PER_QUARTER; s < (quarter + 1) * SLOTS_PER_QUARTER; s++) {
            if (reporting[s] > 0) {
                sum += watts[s];
                n++;
            }
        }
        return n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), EXACT);
    }

    /** A quarter hour's load in kW (3 decimals, half-up as the load statistics); null when none of its slots was reported. */
    public BigDecimal quarterKw(int quarter) {
        long sum = 0;
        int n = 0;
        for (int s = quarter * SLOTS_PER_QUARTER; s < (quarter + 1) * SLOTS_PER_QUARTER; s++) {
            if (reporting[s] > 0) {
                sum += watts[s];
                n++;
            }
        }
        return n == 0 ? null : Units.kwMean(sum, n);
    }

    /** The most piles that reported in one of a quarter hour's slots. */
    public int quarterReporting(int quarter) {
        long max = 0;
        for (int s = quarter * SLOTS_PER_QUARTER; s < (quarter + 1) * SLOTS_PER_QUARTER; s++) {
            max = Math.max(max, reporting[s]);
        }
        return (int) max;
    }

    /** W → kW with 3 decimals, half-even. */
    public static BigDecimal kwHalfEven(BigDecimal watts) {
        return watts.movePointLeft(3).setScale(3, RoundingMode.HALF_EVEN);
    }
}
