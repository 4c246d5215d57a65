package org.evgrid.icc.coreapi.audit;

import java.time.Instant;

/**
 * Stored events of every aggregate with a timestamp in [{@code from}, {@code to}), in global order, at most
 * {@code limit}; {@code afterPosition} (nullable) continues a previous page after that global position.
 */
public record FindEventsInRangeQuery(
        Instant from,
        Instant to,
        int limit,
        Long afterPosition) {
}
