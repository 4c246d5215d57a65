package org.evgrid.icc.coreapi.archive;

import org.axonframework.serialization.Revision;

/** A bulk import completed; one PileRegisteredEvent per pile precedes it. */
@Revision("1")
public record PilesImportedEvent(
        ImportBatchId batchId,
        OperatorId operatorId,
        int count) {
}
