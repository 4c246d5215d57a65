package org.evgrid.icc.infra.demo.sim;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PreDestroy;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.infra.config.IccProperties;
import org.evgrid.icc.ledger.signing.SignedEnvelope;
import org.evgrid.icc.ui.command.CommandEnvelopeRequest;
import org.evgrid.icc.ui.command.SignedCommandService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the demo's operator platforms once the demo world is loaded ({@link DemoTelemetryFeed}): a back-fill thread
 * for {@code icc.demo.history-days} days of history, and, with {@code icc.demo.live=true}, a single scheduler thread
 * that sends every finished 5-minute interval (it looks every 30 seconds). Everything goes through
 * {@link SignedCommandService}, signed with the operators' demo platform keys: the REST path minus HTTP. A repeat the
 * center refuses as a conflict counts as sent. Both threads stop on shutdown. Only started by the demo loader, which
 * the prod profile turns off.
 */
@Component
public class DemoTelemetryFeeder {

    /** The simulation seed of the demo. */
    public static final long SEED = 20_261_126L;

    private static final Logger LOG = LoggerFactory.getLogger(DemoTelemetryFeeder.class);
    private static final String CLIENT = "demo-platforms";
    private static final long TICK_SECONDS = 30;

    private final IccProperties props;
    private final SignedCommandService commands;
    private final MongoDatabase database;
    private final Clock clock;
    private volatile boolean stopping;
    private ScheduledExecutorService liveThread;
    private Thread backfillThread;
    private String lastLiveError;

    public DemoTelemetryFeeder(IccProperties props, SignedCommandService commands, MongoDatabase database, Clock clock) {
        this.props = props;
        this.commands = commands;
        this.database = database;
        this.clock = clock;
    }

    /**
     * Starts back-fill and live sending for the demo piles (once; later calls do nothing).
     *
     * @param piles the demo piles
     * @param keys each demo operator's platform key
     */
    public synchronized void start(List<SimPile> piles, Map<OperatorId, TelemetrySender.PlatformKey> keys) {
        IccProperties.Demo demo = props.demo();
        if (stopping || backfillThread != null || (demo.historyDays() <= 0 && !demo.live())) {
            return;
        }
        TelemetrySender sender = new TelemetrySender(piles, keys, this::send, clock, ChargingLoadSimulator.CHINA, demo.batchSize());
        DemoTelemetryFeed feed = new DemoTelemetryFeed(() -> new ChargingLoadSimulator(piles, SEED), sender,
                database.getCollection(DemoTelemetryFeed.COLLECTION), clock, Math.max(0, demo.historyDays()), demo.live());
        backfillThread = new Thread(() -> {
            try {
                int days = feed.backfill(() -> stopping);
                if (days > 0) {
                    LOG.info("Demo telemetry back-fill finished: {} days sent", days);
                }
            } catch (RuntimeException e) {
                LOG.warn("Demo telemetry back-fill stopped (it resumes on the next start): {}", e.toString());
            }
        }, "icc-demo-backfill");
        backfillThread.setDaemon(true);
        backfillThread.start();
        if (demo.live()) {
            liveThread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "icc-demo-live");
                t.setDaemon(true);
                return t;
            });
            liveThread.scheduleWithFixedDelay(() -> tick(feed), 0, TICK_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void tick(DemoTelemetryFeed feed) {
        try {
            feed.sendFinishedIntervals(() -> stopping);
            lastLiveError = null;
        } catch (RuntimeException e) {
            if (!e.toString().equals(lastLiveError)) {
                LOG.warn("Demo telemetry: live sending failed, retrying every {} s: {}", TICK_SECONDS, e.toString());
                lastLiveError = e.toString();
            }
        }
    }

    private void send(SignedEnvelope e) {
        try {
            commands.send(new CommandEnvelopeRequest(e.commandType(), e.payload(), e.keyId(), e.algorithm(), e.timestamp(), e.nonce(),
                    e.signature()), CLIENT);
        } catch (IccException refused) {
            if (refused.category() != ErrorCategory.CONFLICT) {
                throw refused;
            }
            LOG.debug("Demo telemetry: {} already received ({})", e.commandType(), refused.code());
        }
    }

    /** Stops both threads, waiting a little for a batch in flight. */
    @PreDestroy
    public synchronized void stop() {
        stopping = true;
        if (liveThread != null) {
            liveThread.shutdownNow();
        }
        if (backfillThread != null) {
            backfillThread.interrupt();
            try {
                backfillThread.join(TimeUnit.SECONDS.toMillis(10));
                if (liveThread != null) {
                    liveThread.awaitTermination(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether {@link #start} has run. */
    public synchronized boolean started() {
        return backfillThread != null;
    }
}
