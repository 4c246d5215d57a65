package org.evgrid.icc.coreapi.declaration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.security.OperatorScoped;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * Declares an operator's demand for one trading product, period and aggregation unit: energy (kWh) for an
 * energy product, or 96 quarter-hour points (kW) for a curve product; the other field stays empty. Refused once the
 * product's gate has closed, and when a live declaration exists (amend it instead).
 */
@SignedBy({Role.OPERATOR_PLATFORM, Role.TRADER})
public record DeclareDemandCommand(
        OperatorId operatorId,
        String product,
        LocalDate periodStart,
        AggregationUnitId unitId,
        BigDecimal energyKwh,
        List<BigDecimal> curveKw) implements OperatorScoped {

    /** The declaration addressed: the operator's slot for the product, period and unit. */
    @TargetAggregateIdentifier
    public DeclarationId declarationId() {
        return DeclarationId.of(operatorId, product, periodStart, unitId);
    }
}
