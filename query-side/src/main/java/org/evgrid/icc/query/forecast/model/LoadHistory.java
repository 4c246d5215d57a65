package org.evgrid.icc.query.forecast.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Daily load curves of consecutive days: 96 quarter-hour average powers (kW) per day, {@code NaN} where nothing was
 * reported. Immutable; {@link #upTo} gives the part a model may use.
 */
public final class LoadHistory {

    /** Quarter-hour points of a day. */
    public static final int SLOTS = 96;

    private final LocalDate firstDay;
    private final double[][] days;

    /**
     * @param firstDay the day of {@code days[0]}
     * @param days one array of 96 values per consecutive day ({@code NaN} = missing); copied
     */
    public LoadHistory(LocalDate firstDay, double[][] days) {
        this.firstDay = firstDay;
        this.days = new double[days.length][];
        for (int i = 0; i < days.length; i++) {
            if (days[i].length != SLOTS) {
                throw new IllegalArgumentException("day " + i + " has " + days[i].length + " points, not " + SLOTS);
            }
            this.days[i] = days[i].clone();
        }
    }

    /** The first day held. */
    public LocalDate firstDay() {
        return firstDay;
    }

    /** The last day held (the day before {@link #firstDay} when empty). */
    public LocalDate lastDay() {
        return firstDay.plusDays(days.length - 1L);
    }

    /** How many days are held. */
    public int size() {
        return days.length;
    }

    /** Whether the day is held. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay());
    }

    /** The 96 values of a held day (a copy), or null if the day is not held. */
    public double[] day(LocalDate day) {
        if (!contains(day)) {
            return null;
        }
        return days[(int) ChronoUnit.DAYS.between(firstDay, day)].clone();
    }

    /** One value: {@code NaN} if missing or not held. */
    public double value(LocalDate day, int slot) {
        if (!contains(day)) {
            return Double.NaN;
        }
        return days[(int) ChronoUnit.DAYS.between(firstDay, day)][slot];
    }

    /** The days up to and including {@code lastDay} (what was known then). */
    public LoadHistory upTo(LocalDate lastDay) {
        int keep = (int) Math.max(0, Math.min(days.length, ChronoUnit.DAYS.between(firstDay, lastDay) + 1));
        return new LoadHistory(firstDay, Arrays.copyOf(days, keep));
    }

    /** Whether any value is present. */
    public boolean hasData() {
        for (double[] day : days) {
            for (double v : day) {
                if (!Double.isNaN(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether any present value is negative (V2G discharge). */
    public boolean hasDischarge() {
        for (double[] day : days) {
            for (double v : day) {
                if (v < 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
