package org.evgrid.icc.infra.demo.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the demo's operator platforms send: a back-fill of the last {@code historyDays} complete local days (every
 * interval's power, then the day's status changes, orders and energy), and live sending of each finished 5-minute
 * interval (power, the interval's status changes and orders; the day's energy once its last interval is sent).
 *
 * <p>Resumable: progress lives in the document {@code _id: "telemetry"} of collection {@code demo_progress}: the days
 * completely sent ({@code days}, {@code yyyy-MM-dd}) and the last interval sent live ({@code lastLive}). Live sending
 * continues after the last interval it sent (or starts at today's midnight); the back-fill covers the days before the
 * day live sending started on that are not yet done. A day cut short by a stop is sent again whole: batch ids are
 * deterministic, so the center sees repeats, not new data. Not thread-safe per method: call {@link #backfill} from one
 * thread and {@link #sendFinishedIntervals} from one (other) thread.
 */
public final class DemoTelemetryFeed {

    /** The progress collection. */
    public static final String COLLECTION = "demo_progress";

    private static final Logger LOG = LoggerFactory.getLogger(DemoTelemetryFeed.class);
    private static final String ID = "telemetry";
    private static final Duration STEP = Duration.ofSeconds(ChargingLoadSimulator.INTERVAL);

    private final ChargingLoadSimulator backfillSim;
    private final ChargingLoadSimulator liveSim;
    private final TelemetrySender sender;
    private final MongoCollection<Document> progress;
    private final Clock clock;
    private final int historyDays;
    private final boolean live;
    private final LocalDate liveStartDay;
    private Instant nextLive;
    private IntervalFrame backfillFrame;
    private IntervalFrame liveFrame;

    /**
     * Reads the progress so far and decides where live sending starts.
     *
     * @param simulators a factory of simulators of the same piles and seed (two are made: one per thread)
     * @param sender the signing sender
     * @param progress the {@link #COLLECTION} collection
     * @param clock the center's clock
     * @param historyDays how many complete days before today to back-fill
     * @param live whether finished intervals are sent as time goes on
     */
    public DemoTelemetryFeed(Supplier<ChargingLoadSimulator> simulators, TelemetrySender sender,
                             MongoCollection<Document> progress, Clock clock, int historyDays, boolean live) {
        this.backfillSim = simulators.get();
        this.liveSim = simulators.get();
        this.sender = sender;
        this.progress = progress;
        this.clock = clock;
        this.historyDays = historyDays;
        this.live = live;
        LocalDate today = liveSim.localDay(clock.instant());
        Document doc = progress.find(Filters.eq("_id", ID)).first();
        Date lastLive = doc == null ? null : doc.getDate("lastLive");
        Instant historyStart = liveSim.dayStart(today.minusDays(historyDays));
        if (lastLive != null && !lastLive.toInstant().isBefore(historyStart)) {
            nextLive = lastLive.toInstant().plus(STEP);
        } else {
            nextLive = liveSim.dayStart(today);
        }
        liveStartDay = live ? liveSim.localDay(nextLive) : today;
    }

    /** The days the back-fill still has to send, newest first. */
    public List<LocalDate> pendingDays() {
        Set<String> done = doneDays();
        LocalDate today = backfillSim.localDay(clock.instant());
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = liveStartDay.minusDays(1); !d.isBefore(today.minusDays(historyDays)); d = d.minusDays(1)) {
            if (!done.contains(d.toString())) {
                days.add(d);
            }
        }
        return days;
    }

    private Set<String> doneDays() {
        Document doc = progress.find(Filters.eq("_id", ID)).first();
        Set<String> done = new HashSet<>();
        if (doc != null && doc.getList("days", String.class) != null) {
            done.addAll(doc.getList("days", String.class));
        }
        return done;
    }

    /**
     * Sends the pending days, newest first, logging progress; stops early when asked.
     *
     * @return the number of days sent
     */
    public int backfill(BooleanSupplier stopping) {
        List<LocalDate> days = pendingDays();
        if (days.isEmpty()) {
            return 0;
        }
        LOG.info("Demo telemetry back-fill: {} days to send for {} piles ({} already done)", days.size(), backfillSim.piles().size(),
                historyDays - days.size());
        int sent = 0;
        for (LocalDate day : days) {
            if (stopping.getAsBoolean()) {
                break;
            }
            long start = System.nanoTime();
            int batches = sendDay(day, stopping);
            if (batches < 0) {
                break;
            }
            sent++;
            LOG.info("Demo telemetry back-fill: {} sent ({} batches, {} s); {} of {} days done", day, batches,
                    (System.nanoTime() - start) / 1_000_000_000, sent, days.size());
        }
        return sent;
    }

    /** Sends one whole day; answers the number of batches, or -1 when stopped before the end. */
    int sendDay(LocalDate day, BooleanSupplier stopping) {
        int batches = 0;
        Instant t = backfillSim.dayStart(day);
        for (int k = 0; k < ChargingLoadSimulator.INTERVALS_PER_DAY; k++, t = t.plus(STEP)) {
            if (stopping.getAsBoolean()) {
                return -1;
            }
            backfillFrame = backfillSim.interval(t, backfillFrame);
            batches += sender.send(sender.powerCommands(backfillFrame));
        }
        DayResult result = backfillSim.day(day);
        String period = TelemetrySender.dayPeriod(day);
        batches += sender.send(sender.statusCommands(period, result.statusChanges()));
        batches += sender.send(sender.orderCommands(period, day, result.orders()));
        batches += sender.send(sender.energyCommands(result));
        markDone(day);
        return batches;
    }

    /**
     * Sends every interval finished since the last one sent live, in order (power, then the interval's status changes and
     * orders; after a day's last interval, the day's energy). Does nothing when live sending is off.
     *
     * @return the number of intervals sent
     */
    public int sendFinishedIntervals(BooleanSupplier stopping) {
        if (!live) {
            return 0;
        }
        Instant now = clock.instant();
        int sent = 0;
        while (!nextLive.plus(STEP).isAfter(now) && !stopping.getAsBoolean()) {
            Instant start = nextLive;
            Instant end = start.plus(STEP);
            liveFrame = liveSim.interval(start, liveFrame);
            sender.send(sender.powerCommands(liveFrame));
            String period = sender.intervalPeriod(start);
            LocalDate day = liveSim.localDay(start);
            sender.send(sender.statusCommands(period, liveSim.statusChanges(start, end)));
            sender.send(sender.orderCommands(period, day, liveSim.orders(start, end)));
            if (!liveSim.localDay(end).equals(day)) {
                sender.send(sender.energyCommands(liveSim.day(day)));
                markDone(day);
                LOG.info("Demo telemetry: day {} complete (sent live)", day);
            }
            progress.updateOne(Filters.eq("_id", ID), Updates.set("lastLive", Date.from(start)), new UpdateOptions().upsert(true));
            nextLive = end;
            sent++;
        }
        return sent;
    }

    private void markDone(LocalDate day) {
        progress.updateOne(Filters.eq("_id", ID), Updates.addToSet("days", day.toString()), new UpdateOptions().upsert(true));
    }
}
