package org.evgrid.icc.coreapi.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * The exchange's clearing result for a bid (signed with the exchange's key): the cleared energy (ENERGY) or 96-point
 * curve in kW (CURVE), and the clearing price per interval in CNY/MWh (one price for ENERGY, 96 for CURVE).
 */
@SignedBy({Role.EXCHANGE_GATEWAY})
public record RecordClearingCommand(
        @TargetAggregateIdentifier BidId bidId,
        String requestId,
        String exchangeReference,
        BigDecimal clearedEnergyKwh,
        List<BigDecimal> clearedCurveKw,
        List<BigDecimal> clearingPricesCnyPerMwh,
        Instant clearedAt) {
}
