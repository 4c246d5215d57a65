package org.evgrid.icc.command.common;

import java.util.Optional;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.evgrid.icc.coreapi.common.Identifier;

/**
 * Looking up aggregates from command-handling components, where an unknown id is an answer rather than an error.
 * Existence is asked of the event store (the last sequence number of the {@link StreamIds stream}), which takes no
 * lock and, unlike a failed repository load, logs nothing; create new aggregates with {@code Repository.newInstance}.
 */
public final class Aggregates {

    private Aggregates() {
    }

    /** Whether an aggregate with this id exists. */
    public static boolean exists(EventStore events, Identifier id) {
        return events.lastSequenceNumberFor(StreamIds.of(id)).isPresent();
    }

    /** Loads an aggregate if it exists; a loaded aggregate stays locked until the unit of work ends. */
    public static <T> Optional<Aggregate<T>> find(Repository<T> repository, EventStore events, Identifier id) {
        if (!exists(events, id)) {
            return Optional.empty();
        }
        return Optional.of(repository.load(StreamIds.of(id)));
    }
}
