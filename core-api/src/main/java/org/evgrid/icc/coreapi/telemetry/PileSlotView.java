package org.evgrid.icc.coreapi.telemetry;

import java.math.BigDecimal;
import java.time.Instant;

/** One version of a pile's 5-minute reading: interval start, average and maximum kW, status, quality, the batch that sent it. */
public record PileSlotView(
        Instant start,
        BigDecimal avgKw,
        BigDecimal maxKw,
        ConnectorStatus status,
        DataQuality quality,
        String batchId) {
}
