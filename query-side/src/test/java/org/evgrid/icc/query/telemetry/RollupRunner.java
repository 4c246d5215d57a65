package org.evgrid.icc.query.telemetry;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.evgrid.icc.coreapi.archive.PileAssignedToUnitEvent;
import org.evgrid.icc.coreapi.archive.PileRegisteredEvent;
import org.evgrid.icc.coreapi.archive.PileRemovedFromUnitEvent;
import org.evgrid.icc.query.archive.PileArchiveProjection;

/**
 * Delivers events the way a tracking processor does: a batch of messages in one {@link BatchingUnitOfWork}, to the
 * roll-up projection (and the pile archive projection, whose memberships the completeness figures read).
 */
final class RollupRunner {

    private static final AtomicLong SEQ = new AtomicLong();

    private final List<AnnotationEventHandlerAdapter> adapters = new ArrayList<>();
    private final TelemetryRollupProjection projection;

    RollupRunner(MongoDatabase database, LiveTelemetryHub hub, TelemetrySettings settings) {
        projection = new TelemetryRollupProjection(database, hub, settings);
        adapters.add(new AnnotationEventHandlerAdapter(projection));
        adapters.add(new AnnotationEventHandlerAdapter(new PileArchiveProjection(database)));
    }

    RollupRunner(MongoDatabase database) {
        this(database, new LiveTelemetryHub(), TelemetrySettings.defaults());
    }

    TelemetryRollupProjection projection() {
        return projection;
    }

    /** Handles the payloads as one batch. */
    void batch(List<?> payloads) {
        if (payloads.isEmpty()) {
            return;
        }
        List<EventMessage<?>> events = new ArrayList<>();
        payloads.forEach(p -> events.add(message(p)));
        BatchingUnitOfWork<EventMessage<?>> uow = new BatchingUnitOfWork<>(events);
        ResultMessage<?> outcome = uow.executeWithResult(() -> {
            EventMessage<?> message = uow.getMessage();
            for (AnnotationEventHandlerAdapter adapter : adapters) {
                if (adapter.canHandle(message)) {
                    adapter.handle(message);
                }
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (outcome.isExceptional()) {
            throw new IllegalStateException("the batch failed", outcome.exceptionResult());
        }
        for (ExecutionResult result : uow.getExecutionResults().values()) {
            if (result.isExceptionResult()) {
                throw new IllegalStateException("a handler failed", result.getExceptionResult());
            }
        }
    }

    /** Archive events as domain events of their pile (sequence numbers do not matter to the roll-ups). */
    private static EventMessage<?> message(Object payload) {
        if (payload instanceof EventMessage<?> m) {
            return m;
        }
        String pile = payload instanceof PileRegisteredEvent e ? e.pileId().value()
                : payload instanceof PileAssignedToUnitEvent e ? e.pileId().value()
                : payload instanceof PileRemovedFromUnitEvent e ? e.pileId().value() : null;
        if (pile == null) {
            return GenericEventMessage.asEventMessage(payload);
        }
        return new GenericDomainEventMessage<>(payload.getClass().getSimpleName(), pile, SEQ.incrementAndGet(), payload,
                MetaData.emptyInstance());
    }

    /** Handles the payloads in batches of {@code size}, in order. */
    void batches(List<?> payloads, int size) {
        for (int from = 0; from < payloads.size(); from += size) {
            batch(payloads.subList(from, Math.min(payloads.size(), from + size)));
        }
    }
}
