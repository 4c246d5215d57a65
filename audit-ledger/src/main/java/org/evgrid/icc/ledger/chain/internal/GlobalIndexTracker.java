package org.evgrid.icc.ledger.chain.internal;

import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * Tells the global index of each delivered event from its tracking token.
 *
 * <p>For a {@link GapAwareTrackingToken} (JDBC store) {@code position()} is the highest index seen, which is not the
 * index of an event that fills an earlier gap (a transaction that committed late). Such an event leaves the token's
 * index unchanged and removes its own index from the gaps; the tracker therefore compares each token with the
 * previous one: a raised index is the event's index, otherwise the event's index is the highest gap that disappeared
 * (the store only ever drops timed-out gaps below the ones it still reads). Tokens must be fed in delivery order.
 */
public final class GlobalIndexTracker {

    private GapAwareTrackingToken previous;

    /**
     * @param previous the token of the event delivered before the next one, or null if unknown
     */
    public GlobalIndexTracker(GapAwareTrackingToken previous) {
        this.previous = previous;
    }

    /** The global index of the event carrying the given token. */
    public long resolve(TrackingToken token) {
        if (token == null) {
            throw new IllegalArgumentException("the ledger needs tracked events (a tracking processor)");
        }
        Optional<GlobalSequenceTrackingToken> sequence = WrappedToken.unwrap(token, GlobalSequenceTrackingToken.class);
        if (sequence.isPresent()) {
            return sequence.get().getGlobalIndex();
        }
        Optional<GapAwareTrackingToken> gapAware = WrappedToken.unwrap(token, GapAwareTrackingToken.class);
        if (gapAware.isPresent()) {
            return resolveGapAware(gapAware.get());
        }
        TrackingToken plain = WrappedToken.unwrapLowerBound(token);
        return plain.position().orElseThrow(
                () -> new IllegalArgumentException("tracking token " + token + " has no position"));
    }

    /** The gap-aware token of the last event resolved (or the initial one). */
    public GapAwareTrackingToken last() {
        return previous;
    }

    private long resolveGapAware(GapAwareTrackingToken current) {
        GapAwareTrackingToken before = previous;
        previous = current;
        if (before == null || current.getIndex() != before.getIndex()) {
            return current.getIndex();
        }
        SortedSet<Long> removed = new TreeSet<>(before.getGaps());
        removed.removeAll(current.getGaps());
        return removed.isEmpty() ? current.getIndex() : removed.last();
    }
}
