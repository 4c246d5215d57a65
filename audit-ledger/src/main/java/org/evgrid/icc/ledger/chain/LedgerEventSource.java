package org.evgrid.icc.ledger.chain;

import java.util.stream.Stream;

import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * Reads stored events back for verification.
 *
 * <p>The stream holds the committed events whose global index is greater than {@code globalIndexExclusive}, in
 * ascending global index order; the {@link org.axonframework.eventhandling.TrackingToken#position() position} of each
 * message's tracking token is that event's global index. The stream may end early; callers close it.
 */
public interface LedgerEventSource {

    /** Events after the given global index; {@code -1} (or any negative value) reads from the first event. */
    Stream<TrackedEventMessage<?>> readAfter(long globalIndexExclusive);
}
