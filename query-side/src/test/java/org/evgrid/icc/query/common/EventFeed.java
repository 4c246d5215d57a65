package org.evgrid.icc.query.common;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.evgrid.icc.coreapi.security.SignatureMetadata;

/**
 * Builds domain event messages as the event store numbers them (sequence per aggregate, signer in the metadata) and
 * delivers them to projections the way a tracking processor does: a batch in one {@link BatchingUnitOfWork}.
 */
public final class EventFeed {

    private final List<AnnotationEventHandlerAdapter> adapters = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private Instant clock;

    public EventFeed(Instant start, Object... projections) {
        this.clock = start;
        for (Object projection : projections) {
            adapters.add(new AnnotationEventHandlerAdapter(projection));
        }
    }

    /** The current time of the feed. */
    public Instant now() {
        return clock;
    }

    /** Moves the feed's time on. */
    public void advanceSeconds(long seconds) {
        clock = clock.plusSeconds(seconds);
    }

    /** The next event of an aggregate, signed by {@code signer}, one minute after the previous one. */
    public EventMessage<?> event(String aggregate, Object payload, String signer) {
        long seq = sequences.merge(aggregate, 0L, (old, zero) -> old + 1);
        clock = clock.plusSeconds(60);
        MetaData metaData = signer == null ? MetaData.emptyInstance() : MetaData.with(SignatureMetadata.SIGNER, signer);
        return new GenericDomainEventMessage<>("Aggregate", aggregate, seq, payload, metaData, aggregate + "-" + seq, clock);
    }

    /** Handles the events as one batch. */
    public void batch(List<? extends EventMessage<?>> events) {
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

    /** Handles the events in batches of {@code size}. */
    public void batches(List<? extends EventMessage<?>> events, int size) {
        for (int from = 0; from < events.size(); from += size) {
            batch(events.subList(from, Math.min(events.size(), from + size)));
        }
    }
}
