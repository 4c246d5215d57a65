package org.evgrid.icc.coreapi.telemetry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One pile's day: the latest value per 5-minute interval (time order), the superseded versions (in the order they
 * were replaced), and the intervals without any reading (missing, as interval starts).
 */
public record PileHistoryView(
        String pileId,
        LocalDate day,
        List<PileSlotView> latest,
        List<PileSlotView> superseded,
        List<Instant> missing) {
}
