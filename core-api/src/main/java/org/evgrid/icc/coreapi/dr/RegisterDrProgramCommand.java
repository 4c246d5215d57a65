package org.evgrid.icc.coreapi.dr;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * Registers a demand response program of the dispatch center (OpenADR 3 program): type, the baseline rule its
 * performance is measured against, compensation price and settlement rule reference.
 */
@SignedBy({Role.EXCHANGE_GATEWAY})
public record RegisterDrProgramCommand(
        @TargetAggregateIdentifier DrProgramId programId,
        String name,
        DrProgramType type,
        BaselineRule baselineRule,
        BigDecimal priceCnyPerMwh,
        String settlementRuleRef) {
}
