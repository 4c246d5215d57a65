package org.evgrid.icc.coreapi.archive;

import java.math.BigDecimal;

import org.axonframework.serialization.Revision;

/** A pile's technical data changed. */
@Revision("1")
public record PileUpdatedEvent(
        PileId pileId,
        OperatorId operatorId,
        BigDecimal ratedPowerKw,
        BigDecimal minPowerKw,
        BigDecimal maxDischargeKw,
        int connectorCount) {
}
