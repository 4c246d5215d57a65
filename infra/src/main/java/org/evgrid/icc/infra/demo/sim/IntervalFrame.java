package org.evgrid.icc.infra.demo.sim;

import java.math.BigDecimal;
import java.time.Instant;

import org.evgrid.icc.coreapi.telemetry.ConnectorStatus;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.coreapi.telemetry.PowerReading;

/**
 * One 5-minute interval of every simulated pile, column-wise (index = the pile's position in the simulator's list):
 * average and maximum power in W as metered, connector status, state of charge and the quality of what the platform
 * reports. Reusable: the simulator refills the arrays on each call, so one frame serves a whole run.
 */
public final class IntervalFrame {

    /** Quality value meaning: the platform sends no reading for this pile and interval (a gap). */
    public static final byte ABSENT = -1;

    private static final ConnectorStatus[] STATUSES = ConnectorStatus.values();
    private static final DataQuality[] QUALITIES = DataQuality.values();
    private static final Integer CONNECTOR = 1;

    Instant start;
    final long[] avgW;
    final long[] maxW;
    final byte[] status;
    final byte[] soc;
    final byte[] quality;

    /** A frame for {@code size} piles. */
    public IntervalFrame(int size) {
        avgW = new long[size];
        maxW = new long[size];
        status = new byte[size];
        soc = new byte[size];
        quality = new byte[size];
    }

    public int size() {
        return avgW.length;
    }

    /** The interval's start. */
    public Instant start() {
        return start;
    }

    /** Metered average power in W (what the daily energy adds up, even when the platform does not report it). */
    public long avgW(int i) {
        return avgW[i];
    }

    /** Metered maximum power in W. */
    public long maxW(int i) {
        return maxW[i];
    }

    /** The connector status at the end of the interval (CHARGING if it charged at all in the interval). */
    public ConnectorStatus status(int i) {
        return STATUSES[status[i]];
    }

    /** State of charge in %, or null when no vehicle is connected. */
    public Integer soc(int i) {
        return soc[i] < 0 ? null : (int) soc[i];
    }

    /** Whether the platform reports this pile for the interval. */
    public boolean reported(int i) {
        return quality[i] != ABSENT;
    }

    /** The quality the platform reports, or null when it sends nothing. */
    public DataQuality quality(int i) {
        return quality[i] == ABSENT ? null : QUALITIES[quality[i]];
    }

    /**
     * The reading as the platform reports it, or null when it sends none. A MISSING reading carries no power (0 kW),
     * status OFFLINE and no state of charge.
     */
    public PowerReading reading(int i, SimPile pile) {
        if (quality[i] == ABSENT) {
            return null;
        }
        if (quality[i] == DataQuality.MISSING.ordinal()) {
            return new PowerReading(pile.pileId(), BigDecimal.ZERO.setScale(3), BigDecimal.ZERO.setScale(3), ConnectorStatus.OFFLINE, null,
                    CONNECTOR, DataQuality.MISSING);
        }
        return new PowerReading(pile.pileId(), BigDecimal.valueOf(avgW[i], 3), BigDecimal.valueOf(maxW[i], 3), STATUSES[status[i]], soc(i),
                CONNECTOR, QUALITIES[quality[i]]);
    }
}
