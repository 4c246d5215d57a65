package org.evgrid.icc.command.common;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.eventsourcing.EventSourcingRepository;
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

    /** Non-locking repositories per event store (one application context may not be the only one in a JVM) and type. */
    private static final Map<EventStore, Map<Class<?>, Repository<?>>> READERS = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Loads an aggregate to read it, without taking its lock: for checks another aggregate's command makes (is the
     * operator active? does the station belong to it?). Commands of one operator then run in parallel instead of queueing
     * on the operator's lock. Never change an aggregate loaded this way.
     */
    @SuppressWarnings("unchecked")
    public static <T> Optional<Aggregate<T>> read(Class<T> type, EventStore events, Identifier id) {
        if (!exists(events, id)) {
            return Optional.empty();
        }
        Repository<T> reader = (Repository<T>) READERS.computeIfAbsent(events, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(type, t -> EventSourcingRepository.builder(type).eventStore(events).lockFactory(NullLockFactory.INSTANCE).build());
        return Optional.of(reader.load(StreamIds.of(id)));
    }

    /** Loads an aggregate if it exists; a loaded aggregate stays locked until the unit of work ends. */
    public static <T> Optional<Aggregate<T>> find(Repository<T> repository, EventStore events, Identifier id) {
        if (!exists(events, id)) {
            return Optional.empty();
        }
        return Optional.of(repository.load(StreamIds.of(id)));
    }
}
