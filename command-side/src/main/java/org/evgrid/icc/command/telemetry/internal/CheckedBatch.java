package org.evgrid.icc.command.telemetry.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.common.ItemError;
import org.evgrid.icc.coreapi.telemetry.TelemetryKind;

/**
 * A batch after its checks: the accepted items column-wise (readings store layout), the rejected ones, the totals.
 *
 * @param kind what the batch carries
 * @param periodStart interval start (POWER), the local day's start (ENERGY, ORDERS), the earliest change (STATUS)
 * @param day the local day
 * @param documentPeriod the interval or day start stored as the document's {@code period}
 * @param submitted how many items were sent
 * @param rejected the refused items
 * @param columns the accepted items, column-wise
 * @param totalKw sum of average power of accepted OK/ESTIMATED readings (POWER), else null
 * @param totalKwh sum of accepted energy (ENERGY: OK/ESTIMATED; ORDERS), else null
 * @param totalFeeYuan sum of accepted total fees (ORDERS), else null
 */
public record CheckedBatch(TelemetryKind kind, Instant periodStart, LocalDate day, Instant documentPeriod, int submitted,
                           List<ItemError> rejected, List<List<Object>> columns, BigDecimal totalKw, BigDecimal totalKwh,
                           BigDecimal totalFeeYuan) {

    /** How many items were accepted. */
    public int accepted() {
        return columns.get(0).size();
    }
}
