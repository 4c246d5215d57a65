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
 * Replaces the values of a live declaration before the product's gate closes.
 */
@SignedBy({Role.OPERATOR_PLATFORM, Role.TRADER})
public record AmendDemandCommand(
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
