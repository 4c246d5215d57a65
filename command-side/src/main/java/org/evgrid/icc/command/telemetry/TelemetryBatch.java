package org.evgrid.icc.command.telemetry;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.StreamIds;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchReceivedEvent;
import org.evgrid.icc.coreapi.telemetry.TelemetryReceipt;

/**
 * One received telemetry batch (stream {@code tbatch:<batchId>}): it exists so that a batch id is recorded once, and
 * it keeps the receipt. Created by {@link TelemetryCommandHandler}, which checks the batch and writes its readings.
 */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class TelemetryBatch {

    @AggregateIdentifier
    private String streamId;
    private TelemetryBatchReceivedEvent received;

    /** For Axon, and as the empty batch that {@link TelemetryCommandHandler} records into. */
    public TelemetryBatch() {
    }

    /** Whether the batch has been recorded. */
    boolean recorded() {
        return received != null;
    }

    /** Records the batch (once: the handler asks {@link #recorded()} first). */
    void record(TelemetryBatchReceivedEvent event) {
        if (received != null) {
            throw new IllegalStateException("batch " + received.batchId() + " is already recorded");
        }
        apply(event);
    }

    /** The receipt of the recorded batch. */
    TelemetryReceipt receipt(boolean duplicate) {
        return receiptOf(received, duplicate);
    }

    /** The receipt of a batch event. */
    static TelemetryReceipt receiptOf(TelemetryBatchReceivedEvent e, boolean duplicate) {
        return new TelemetryReceipt(e.batchId(), e.operatorId(), e.kind(), e.periodStart(), e.day(), e.submitted(), e.accepted(),
                e.rejected(), e.merkleRoot(), e.readingsDocId(), e.receivedAt(), duplicate);
    }

    @EventSourcingHandler
    void on(TelemetryBatchReceivedEvent event) {
        streamId = StreamIds.of(event.batchId());
        received = event;
    }
}
