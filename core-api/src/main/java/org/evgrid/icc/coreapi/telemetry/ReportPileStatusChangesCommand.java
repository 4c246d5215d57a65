package org.evgrid.icc.coreapi.telemetry;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.security.OperatorScoped;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** An operator platform reports up to 5,000 connector status changes of its piles; idempotent by batch id. */
@SignedBy({Role.OPERATOR_PLATFORM})
public record ReportPileStatusChangesCommand(
        @TargetAggregateIdentifier TelemetryBatchId batchId,
        OperatorId operatorId,
        List<PileStatusChange> changes) implements OperatorScoped {
}
