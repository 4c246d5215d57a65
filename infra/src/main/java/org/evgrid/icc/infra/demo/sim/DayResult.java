package org.evgrid.icc.infra.demo.sim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.telemetry.ChargingOrder;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.coreapi.telemetry.EnergyReading;
import org.evgrid.icc.coreapi.telemetry.PileStatusChange;

/**
 * One simulated local day: each pile's metered energy by time-of-use period (index = the pile's position in the
 * simulator's list), the charging sessions that ended that day, and the connector status changes the platforms saw.
 */
public final class DayResult {

    private final LocalDate day;
    private final List<SimPile> piles;
    private final long[][] periodWh;
    private final List<ChargingOrder> orders;
    private final List<PileStatusChange> changes;

    DayResult(LocalDate day, List<SimPile> piles, long[][] periodWh, List<ChargingOrder> orders, List<PileStatusChange> changes) {
        this.day = day;
        this.piles = piles;
        this.periodWh = periodWh;
        this.orders = orders;
        this.changes = changes;
    }

    public LocalDate day() {
        return day;
    }

    /** Energy of pile {@code i} in a time-of-use period, Wh. */
    public long periodWh(int i, TouTariff.Period period) {
        return periodWh[i][period.ordinal()];
    }

    /** Total energy of pile {@code i} over the day, Wh: the sum of its four periods. */
    public long totalWh(int i) {
        long[] p = periodWh[i];
        return p[0] + p[1] + p[2] + p[3];
    }

    /** The daily energy reading of pile {@code i} as its platform reports it (kWh, 3 decimals, split by period). */
    public EnergyReading energyReading(int i) {
        long[] p = periodWh[i];
        return new EnergyReading(piles.get(i).pileId(), kwh(totalWh(i)), kwh(p[0]), kwh(p[1]), kwh(p[2]), kwh(p[3]), DataQuality.OK);
    }

    private static BigDecimal kwh(long wh) {
        return BigDecimal.valueOf(wh, 3);
    }

    /** The sessions that ended on the day, in pile order then end time. */
    public List<ChargingOrder> orders() {
        return orders;
    }

    /** The status changes of the day, by time then pile. */
    public List<PileStatusChange> statusChanges() {
        return changes;
    }
}
