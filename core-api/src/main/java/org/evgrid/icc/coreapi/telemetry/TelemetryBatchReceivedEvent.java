package org.evgrid.icc.coreapi.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.common.ItemError;

/**
 * A telemetry batch was received: its accepted items are stored in the readings store under readingsDocId (claim
 * check) and fixed by the SM3 Merkle root of their canonical forms; rejected items are listed with their reasons.
 * Totals cover accepted items only (null where the kind has none). periodStart is the interval start (POWER) or
 * the local day's start (ENERGY, ORDERS) or the earliest change (STATUS).
 */
@Revision("1")
public record TelemetryBatchReceivedEvent(
        TelemetryBatchId batchId,
        OperatorId operatorId,
        TelemetryKind kind,
        Instant periodStart,
        LocalDate day,
        int submitted,
        int accepted,
        List<ItemError> rejected,
        BigDecimal totalKw,
        BigDecimal totalKwh,
        BigDecimal totalFeeYuan,
        String readingsDocId,
        String merkleRoot,
        Instant receivedAt) {
}
