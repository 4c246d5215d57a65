package org.evgrid.icc.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chains 6,000 events in batches of 200 (as the tracking processor does) and logs the rate: a measurement for the
 * record (the Merkle node writes' cost), not an assertion on time.
 */
class LedgerThroughputIT {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerThroughputIT.class);
    private static final int EVENTS = 6000;
    private static final int WARM_UP = 1000;

    @Test
    void sixThousandEventsInBatchesOfTwoHundredAreChainedAndTheRateIsLogged() {
        try (LedgerFixture fx = new LedgerFixture(LedgerProjection.DEFAULT_CHECKPOINT_INTERVAL)) {
            fx.publish(EVENTS);
            List<TrackedEventMessage<?>> events = fx.tracked(-1);
            LedgerFixture.deliverInBatches(fx.projection, events.subList(0, WARM_UP), 200);
            long start = System.nanoTime();
            LedgerFixture.deliverInBatches(fx.projection, events.subList(WARM_UP, EVENTS), 200);
            long nanos = System.nanoTime() - start;

            assertThat(fx.head().get("seq")).isEqualTo((long) EVENTS - 1);
            LOG.info("LEDGER-THROUGHPUT {} entries in {} ms: {} entries/s ({} Merkle node documents)", EVENTS - WARM_UP,
                    nanos / 1_000_000, (EVENTS - WARM_UP) * 1_000_000_000L / nanos,
                    fx.collection("ledger_merkle_nodes").countDocuments());
        }
    }
}
