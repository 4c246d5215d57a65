package org.evgrid.icc.coreapi.archive;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.OperatorScoped;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Registers up to 1,000 piles of one operator at once, all or nothing; a refusal lists every faulty item. */
@SignedBy({Role.OPERATOR_PLATFORM, Role.ARCHIVE_MANAGER})
public record ImportPilesCommand(
        @TargetAggregateIdentifier ImportBatchId batchId,
        OperatorId operatorId,
        List<PileSpec> piles) implements OperatorScoped {
}
