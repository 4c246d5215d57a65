package org.evgrid.icc.coreapi.telemetry;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.security.OperatorScoped;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** An operator platform reports the metered energy of up to 5,000 of its piles for one local day; idempotent by batch id. */
@SignedBy({Role.OPERATOR_PLATFORM})
public record ReportDailyEnergyCommand(
        @TargetAggregateIdentifier TelemetryBatchId batchId,
        OperatorId operatorId,
        LocalDate day,
        List<EnergyReading> readings) implements OperatorScoped {
}
