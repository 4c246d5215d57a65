package org.evgrid.icc.coreapi.audit;

import java.time.Instant;
import java.util.Map;

/**
 * An aggregate's state rebuilt in a fresh instance from its events up to {@code asOf}: its fields (without injected or
 * transient ones), the sequence and time of the last event applied and how many events were applied.
 */
public record AggregateStateView(
        String streamId,
        String aggregateType,
        Instant asOf,
        long lastSequence,
        Instant lastEventTime,
        int eventsApplied,
        Map<String, Object> state) {
}
