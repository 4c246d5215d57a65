package org.evgrid.icc.coreapi.telemetry;

/** One pile with missing 5-minute readings: how many elapsed intervals of the day have none. */
public record PileGapView(
        String pileId,
        int missingIntervals,
        int elapsedIntervals) {
}
