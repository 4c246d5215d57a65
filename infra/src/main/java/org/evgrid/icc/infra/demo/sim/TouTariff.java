package org.evgrid.icc.infra.demo.sim;

import org.evgrid.icc.coreapi.telemetry.ChargingUserType;

/**
 * A simple time-of-use tariff in the style of Jiangsu and Zhejiang (local time): valley 0–8 h; peak 8–11 h and
 * 17–22 h, of which 19–21 h is the sharp peak in January, July, August and December; flat 11–17 h and 22–24 h.
 * Energy prices and the service fee are in fen per kWh. Period boundaries fall on whole hours, so each 5-minute
 * interval lies in exactly one period.
 */
public final class TouTariff {

    /** A time-of-use period. */
    public enum Period {
        SHARP, PEAK, FLAT, VALLEY
    }

    /** The default prices: sharp 1.36, peak 1.13, flat 0.67, valley 0.31 yuan/kWh. */
    public static final TouTariff DEFAULT = new TouTariff(new long[] {136, 113, 67, 31});

    private final long[] fenPerKwh;

    /** Prices in fen per kWh, in the order of {@link Period}. */
    public TouTariff(long[] fenPerKwh) {
        if (fenPerKwh.length != Period.values().length) {
            throw new IllegalArgumentException("one price per period");
        }
        this.fenPerKwh = fenPerKwh.clone();
    }

    /** The period of a local minute of the day (0–1439) in a month (1–12). */
    public static Period period(int month, int minuteOfDay) {
        int hour = minuteOfDay / 60;
        if (hour < 8) {
            return Period.VALLEY;
        }
        if (hour >= 19 && hour < 21 && (month == 1 || month == 7 || month == 8 || month == 12)) {
            return Period.SHARP;
        }
        if (hour < 11 || (hour >= 17 && hour < 22)) {
            return Period.PEAK;
        }
        return Period.FLAT;
    }

    /** The energy price of a period, fen per kWh. */
    public long fenPerKwh(Period period) {
        return fenPerKwh[period.ordinal()];
    }

    /** The service fee per kWh charged to a kind of user, in fen. */
    public static long serviceFenPerKwh(ChargingUserType userType) {
        return switch (userType) {
            case PRIVATE -> 20;
            case BUS, FLEET, TAXI -> 40;
            default -> 60;
        };
    }
}
