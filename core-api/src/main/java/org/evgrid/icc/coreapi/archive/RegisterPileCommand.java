package org.evgrid.icc.coreapi.archive;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.OperatorScoped;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Registers one charging pile at a station of the operator. */
@SignedBy({Role.OPERATOR_PLATFORM, Role.ARCHIVE_MANAGER})
public record RegisterPileCommand(
        OperatorId operatorId,
        @TargetAggregateIdentifier PileId pileId,
        StationId stationId,
        PileType type,
        BigDecimal ratedPowerKw,
        BigDecimal minPowerKw,
        BigDecimal maxDischargeKw,
        int connectorCount) implements OperatorScoped {
    /** The pile's master data. */
    public PileSpec spec() {
        return new PileSpec(pileId, stationId, type, ratedPowerKw, minPowerKw, maxDischargeKw, connectorCount);
    }
}
