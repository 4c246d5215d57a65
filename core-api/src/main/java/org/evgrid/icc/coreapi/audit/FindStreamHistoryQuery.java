package org.evgrid.icc.coreapi.audit;

import java.time.Instant;

/** Every event of one aggregate's stream (e.g. {@code pile:P-0001}) stored up to {@code upTo} (inclusive; null: all). */
public record FindStreamHistoryQuery(
        String streamId,
        Instant upTo) {
}
