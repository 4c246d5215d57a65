package org.evgrid.icc.coreapi.audit;

import java.time.Instant;

/** The state of one aggregate rebuilt from its events stored up to {@code asOf} (inclusive; null: all). */
public record FindAggregateStateQuery(
        String streamId,
        Instant asOf) {
}
