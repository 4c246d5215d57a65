package org.evgrid.icc.ledger.chain;

import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.evgrid.icc.ledger.chain.internal.GlobalIndexTracker;

/**
 * Reads events for verification from an Axon event store ({@code EventStore} or any streamable source) whose tokens
 * are {@link GapAwareTrackingToken}s (JDBC engine) or {@link GlobalSequenceTrackingToken}s (in-memory engine). The
 * stream ends at the store's head as it was when the stream was opened.
 */
public final class StreamableLedgerEventSource implements LedgerEventSource {

    private static final int WAIT_SECONDS = 10;

    private final StreamableMessageSource<TrackedEventMessage<?>> source;

    public StreamableLedgerEventSource(StreamableMessageSource<TrackedEventMessage<?>> source) {
        this.source = source;
    }

    @Override
    public Stream<TrackedEventMessage<?>> readAfter(long globalIndexExclusive) {
        TrackingToken headToken = source.createHeadToken();
        if (headToken == null) {
            return Stream.empty();
        }
        long headIndex = position(headToken);
        if (headIndex < 0 || headIndex <= globalIndexExclusive) {
            return Stream.empty();
        }
        TrackingToken start = globalIndexExclusive < 0 ? null : tokenAfter(headToken, globalIndexExclusive);
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(start);
        GlobalIndexTracker tracker = new GlobalIndexTracker(start instanceof GapAwareTrackingToken gapAware ? gapAware : null);
        return StreamSupport.stream(new UpToHead(stream, headIndex), false).onClose(stream::close)
                .map(event -> withOwnIndex(event, tracker));
    }

    /**
     * The event with a token that names its own global index. A gap-aware token's position is the highest index seen
     * so far, which is not the index of an event that fills an earlier gap (a transaction that committed late); read
     * in that order, two events would claim the same position.
     */
    private static TrackedEventMessage<?> withOwnIndex(TrackedEventMessage<?> event, GlobalIndexTracker tracker) {
        TrackingToken own = new GlobalSequenceTrackingToken(tracker.resolve(event.trackingToken()));
        if (event instanceof DomainEventMessage<?> domain) {
            return new GenericTrackedDomainEventMessage<>(own, domain);
        }
        return new GenericTrackedEventMessage<>(own, event);
    }

    private static long position(TrackingToken token) {
        return WrappedToken.unwrapLowerBound(token).position().orElse(-1);
    }

    private static TrackingToken tokenAfter(TrackingToken headToken, long globalIndex) {
        TrackingToken head = WrappedToken.unwrapLowerBound(headToken);
        if (head instanceof GapAwareTrackingToken) {
            return GapAwareTrackingToken.newInstance(globalIndex, List.of());
        }
        if (head instanceof GlobalSequenceTrackingToken) {
            return new GlobalSequenceTrackingToken(globalIndex);
        }
        throw new IllegalStateException("unsupported tracking token type " + head.getClass().getName()
                + ": supply a LedgerEventSource for this event store");
    }

    /** Reads until the event at the head index (or until nothing arrives for a while). */
    private static final class UpToHead extends Spliterators.AbstractSpliterator<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final long headIndex;
        private boolean done;

        UpToHead(BlockingStream<TrackedEventMessage<?>> stream, long headIndex) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.stream = stream;
            this.headIndex = headIndex;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
            if (done) {
                return false;
            }
            try {
                if (!stream.hasNextAvailable(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    done = true;
                    return false;
                }
                TrackedEventMessage<?> next = stream.nextAvailable();
                if (position(next.trackingToken()) >= headIndex) {
                    done = true;
                }
                action.accept(next);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done = true;
                return false;
            }
        }
    }
}
