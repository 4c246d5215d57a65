package org.evgrid.icc.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.bson.Document;
import org.evgrid.icc.coreapi.ledger.LedgerVerificationView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The projection in a real tracking processor, wired as infra must wire it: processor "ledger", one thread, batch size
 * 200, no transaction manager (tokens stored after processing), errors of the handler propagated so that a failed batch
 * is retried instead of skipped.
 */
class LedgerTrackingProcessorIT {

    private final LedgerFixture fx = new LedgerFixture(100);
    private final List<String> tokenAheadOfLedger = new CopyOnWriteArrayList<>();
    private Configuration configuration;

    @AfterEach
    void stop() {
        if (configuration != null) {
            configuration.shutdown();
        }
        fx.close();
    }

    private void start(PayloadCanonicalizer canonicalizer) {
        LedgerProjection projection = new LedgerProjection(fx.database, canonicalizer, fx.signer, LedgerFixture.CLOCK, 100);
        TokenStore tokens = new LedgerCheckingTokenStore(new InMemoryTokenStore());
        configuration = DefaultConfigurer.defaultConfiguration()
                .configureEventStore(c -> fx.eventStore)
                .eventProcessing(processing -> processing
                        .registerTrackingEventProcessor(LedgerProjection.PROCESSING_GROUP, Configuration::eventStore,
                                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(200))
                        .registerListenerInvocationErrorHandler(LedgerProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                        .registerTokenStore(LedgerProjection.PROCESSING_GROUP, c -> tokens)
                        .registerEventHandler(c -> projection))
                .start();
    }

    private long headSeq() {
        Document head = fx.head();
        return head == null ? -1 : ((Number) head.get("seq")).longValue();
    }

    @Test
    void aRunningProcessorChainsEveryEventAndStoresItsTokenOnlyAfterTheLedger() {
        start(fx.canonicalizer);
        fx.publish(450);

        await().atMost(Duration.ofSeconds(60)).until(() -> headSeq() == 449);

        LedgerVerificationView view = fx.verifyAll();
        assertThat(view.intact()).as(view.reason()).isTrue();
        assertThat(view.checked()).isEqualTo(450);
        assertThat(view.checkpointsVerified()).isEqualTo(4);
        assertThat(tokenAheadOfLedger).isEmpty();
    }

    @Test
    void aBatchThatFailsIsRetriedAndNoEventIsSkipped() {
        AtomicBoolean failed = new AtomicBoolean();
        start(payload -> {
            if (payload.toString().contains("PILE-300,") && failed.compareAndSet(false, true)) {
                throw new IllegalStateException("canonical form not available yet");
            }
            return fx.canonicalizer.canonicalBytes(payload);
        });
        fx.publish(450);

        await().atMost(Duration.ofSeconds(60)).until(() -> headSeq() == 449);

        assertThat(failed).isTrue();
        assertThat(fx.entriesBySeq()).hasSize(450);
        LedgerVerificationView view = fx.verifyAll();
        assertThat(view.intact()).as(view.reason()).isTrue();
        assertThat(tokenAheadOfLedger).isEmpty();
    }

    /** Records every token stored while the ledger does not yet hold the events it covers. */
    private final class LedgerCheckingTokenStore implements TokenStore {

        private final TokenStore delegate;

        LedgerCheckingTokenStore(TokenStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
            long position = token == null ? -1 : token.position().orElse(-1);
            long head = headSeq();
            if (position > head) {
                tokenAheadOfLedger.add("token at " + position + " stored while the ledger head was at " + head);
            }
            delegate.storeToken(token, processorName, segment);
        }

        @Override
        public void initializeTokenSegments(String processorName, int segmentCount) {
            delegate.initializeTokenSegments(processorName, segmentCount);
        }

        @Override
        public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
            delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
        }

        @Override
        public TrackingToken fetchToken(String processorName, int segment) {
            return delegate.fetchToken(processorName, segment);
        }

        @Override
        public TrackingToken fetchToken(String processorName, Segment segment) {
            return delegate.fetchToken(processorName, segment);
        }

        @Override
        public void extendClaim(String processorName, int segment) {
            delegate.extendClaim(processorName, segment);
        }

        @Override
        public void releaseClaim(String processorName, int segment) {
            delegate.releaseClaim(processorName, segment);
        }

        @Override
        public void initializeSegment(TrackingToken token, String processorName, int segment) {
            delegate.initializeSegment(token, processorName, segment);
        }

        @Override
        public void deleteToken(String processorName, int segment) {
            delegate.deleteToken(processorName, segment);
        }

        @Override
        public boolean requiresExplicitSegmentInitialization() {
            return delegate.requiresExplicitSegmentInitialization();
        }

        @Override
        public int[] fetchSegments(String processorName) {
            return delegate.fetchSegments(processorName);
        }

        @Override
        public List<Segment> fetchAvailableSegments(String processorName) {
            return delegate.fetchAvailableSegments(processorName);
        }

        @Override
        public Optional<String> retrieveStorageIdentifier() {
            return delegate.retrieveStorageIdentifier();
        }
    }
}
