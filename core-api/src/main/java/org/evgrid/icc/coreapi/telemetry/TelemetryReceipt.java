package org.evgrid.icc.coreapi.telemetry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.common.ItemError;

/**
 * The center's receipt for a telemetry batch: how many items were submitted and accepted, why the others were
 * rejected, where the accepted ones are stored (readingsDocId) and their SM3 Merkle root. Batch ids are the
 * platform's idempotency keys: sending a batch id again changes nothing and returns the original receipt with
 * {@code duplicate} set, even if the content differs.
 */
public record TelemetryReceipt(
        TelemetryBatchId batchId,
        OperatorId operatorId,
        TelemetryKind kind,
        Instant periodStart,
        LocalDate day,
        int submitted,
        int accepted,
        List<ItemError> rejected,
        String merkleRoot,
        String readingsDocId,
        Instant receivedAt,
        boolean duplicate) {
}
