package org.evgrid.icc.coreapi.telemetry;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.security.OperatorScoped;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * An operator platform reports the 5-minute power of up to 5,000 of its piles for one interval (start aligned to 5
 * minutes, Asia/Shanghai); idempotent by batch id.
 */
@SignedBy({Role.OPERATOR_PLATFORM})
public record ReportPowerReadingsCommand(
        @TargetAggregateIdentifier TelemetryBatchId batchId,
        OperatorId operatorId,
        Instant intervalStart,
        List<PowerReading> readings) implements OperatorScoped {
}
