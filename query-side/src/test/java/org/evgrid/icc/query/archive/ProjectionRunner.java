package org.evgrid.icc.query.archive;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

/**
 * Delivers events to the archive projections the way a tracking processor does: a batch of messages in one
 * {@link BatchingUnitOfWork}, each message to every projection's annotated handlers, one commit at the end.
 */
final class ProjectionRunner {

    private final List<AnnotationEventHandlerAdapter> adapters = new ArrayList<>();

    ProjectionRunner(MongoDatabase database) {
        adapters.add(new AnnotationEventHandlerAdapter(new OperatorArchiveProjection(database)));
        adapters.add(new AnnotationEventHandlerAdapter(new StationArchiveProjection(database)));
        adapters.add(new AnnotationEventHandlerAdapter(new PileArchiveProjection(database)));
        adapters.add(new AnnotationEventHandlerAdapter(new AggregationUnitProjection(database)));
    }

    /** Handles the events as one batch. */
    void batch(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> uow = new BatchingUnitOfWork<>(new ArrayList<EventMessage<?>>(events));
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

    /** Handles the events in batches of {@code size}, in order. */
    void batches(List<? extends EventMessage<?>> events, int size) {
        for (int from = 0; from < events.size(); from += size) {
            batch(events.subList(from, Math.min(events.size(), from + size)));
        }
    }

    /** Handles each event in a batch of its own. */
    void oneByOne(List<? extends EventMessage<?>> events) {
        batches(events, 1);
    }

    /** Resets the projections as a token reset would. */
    void reset() throws Exception {
        for (AnnotationEventHandlerAdapter adapter : adapters) {
            adapter.prepareReset();
        }
    }
}
