package org.evgrid.icc.coreapi.diagnosis;

/** One store: whether it answers, and for the event store its event count and head global index (null if unknown). */
public record StoreStatus(
        String name,
        boolean reachable,
        Long eventCount,
        Long headGlobalIndex,
        String detail) {
}
