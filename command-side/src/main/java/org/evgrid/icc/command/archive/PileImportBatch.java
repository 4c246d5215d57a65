package org.evgrid.icc.command.archive;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.StreamIds;
import org.evgrid.icc.coreapi.archive.ImportBatchId;
import org.evgrid.icc.coreapi.archive.PilesImportedEvent;

/** A completed bulk import of piles; it exists so that a batch id is accepted once (created by {@link PileCommandHandler}). */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class PileImportBatch {

    @AggregateIdentifier
    private String streamId;
    private ImportBatchId batchId;

    /** For Axon. */
    public PileImportBatch() {
    }

    PileImportBatch(PilesImportedEvent imported) {
        apply(imported);
    }

    @EventSourcingHandler
    void on(PilesImportedEvent event) {
        streamId = StreamIds.of(event.batchId());
        batchId = event.batchId();
    }
}
