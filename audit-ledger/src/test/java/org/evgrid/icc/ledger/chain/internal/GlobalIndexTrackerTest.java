package org.evgrid.icc.ledger.chain.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

class GlobalIndexTrackerTest {

    @Test
    void aGlobalSequenceTokenCarriesTheIndexItself() {
        GlobalIndexTracker tracker = new GlobalIndexTracker(null);
        assertThat(tracker.resolve(new GlobalSequenceTrackingToken(7))).isEqualTo(7);
    }

    @Test
    void anEventThatRaisesTheGapAwareIndexIsAtThatIndex() {
        GlobalIndexTracker tracker = new GlobalIndexTracker(null);
        assertThat(tracker.resolve(GapAwareTrackingToken.newInstance(1, List.of()))).isEqualTo(1);
        assertThat(tracker.resolve(GapAwareTrackingToken.newInstance(2, List.of()))).isEqualTo(2);
        assertThat(tracker.resolve(GapAwareTrackingToken.newInstance(5, List.of(3L, 4L)))).isEqualTo(5);
    }

    @Test
    void aLateEventThatFillsAGapIsAtTheGapNotAtTheTokenPosition() {
        GlobalIndexTracker tracker = new GlobalIndexTracker(GapAwareTrackingToken.newInstance(5, List.of(3L, 4L)));
        GapAwareTrackingToken late = GapAwareTrackingToken.newInstance(5, List.of(3L));

        assertThat(late.position()).hasValue(5);
        assertThat(tracker.resolve(late)).isEqualTo(4);
        assertThat(tracker.last()).isEqualTo(late);
    }

    @Test
    void whenTimedOutGapsAreDroppedTogetherTheLateEventIsTheHighestGapThatDisappeared() {
        GlobalIndexTracker tracker = new GlobalIndexTracker(GapAwareTrackingToken.newInstance(20, List.of(2L, 3L, 11L, 15L)));
        assertThat(tracker.resolve(GapAwareTrackingToken.newInstance(20, List.of(15L)))).isEqualTo(11);
    }

    @Test
    void aReplayTokenIsUnwrappedToTheCurrentPosition() {
        GlobalIndexTracker tracker = new GlobalIndexTracker(null);
        ReplayToken replay = (ReplayToken) ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(9, List.of()),
                GapAwareTrackingToken.newInstance(3, List.of()));
        assertThat(tracker.resolve(replay)).isEqualTo(3);
    }
}
