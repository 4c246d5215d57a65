package org.evgrid.icc.coreapi.archive;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.OperatorScoped;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Changes a pile's technical data. */
@SignedBy({Role.OPERATOR_PLATFORM, Role.ARCHIVE_MANAGER})
public record UpdatePileCommand(
        @TargetAggregateIdentifier PileId pileId,
        OperatorId operatorId,
        BigDecimal ratedPowerKw,
        BigDecimal minPowerKw,
        BigDecimal maxDischargeKw,
        int connectorCount) implements OperatorScoped {
}
