package org.evgrid.icc.infra.demo.sim;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.security.OperatorScoped;
import org.evgrid.icc.coreapi.telemetry.ChargingOrder;
import org.evgrid.icc.coreapi.telemetry.EnergyReading;
import org.evgrid.icc.coreapi.telemetry.PileStatusChange;
import org.evgrid.icc.coreapi.telemetry.PowerReading;
import org.evgrid.icc.coreapi.telemetry.ReportChargingOrdersCommand;
import org.evgrid.icc.coreapi.telemetry.ReportDailyEnergyCommand;
import org.evgrid.icc.coreapi.telemetry.ReportPileStatusChangesCommand;
import org.evgrid.icc.coreapi.telemetry.ReportPowerReadingsCommand;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchId;
import org.evgrid.icc.coreapi.telemetry.TelemetryKind;
import org.evgrid.icc.ledger.signing.EnvelopeSigner;
import org.evgrid.icc.ledger.signing.SignedEnvelope;

/**
 * Turns simulated telemetry into the {@code Report*} commands an operator platform sends, and sends them signed with
 * the platform's key. Items are grouped by operator (in the order of the simulator's piles) and split into batches of
 * at most {@code batchSize} (1,000–5,000); batch ids are deterministic, {@code <operator>-<KIND>-<period>-<n>} with
 * the local interval start {@code yyyyMMddHHmm} or local day {@code yyyyMMdd} as period and n counting from 1, so a
 * re-send after a restart repeats the same ids (idempotent at the center).
 *
 * <p>Sending signs each command with {@link EnvelopeSigner} and hands the envelope to a {@link Channel}: in the
 * center, {@code SignedCommandService} (the REST path minus HTTP); in the benchmark, an HTTP client. Thread-safe.
 */
public final class TelemetrySender {

    /** The most items a telemetry command may carry. */
    public static final int MAX_BATCH = 5_000;
    /** The smallest batch size that may be configured. */
    public static final int MIN_BATCH = 1_000;

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** Where signed envelopes go. */
    @FunctionalInterface
    public interface Channel {
        /** Sends one envelope and waits for its acceptance; throws when it is refused. */
        void send(SignedEnvelope envelope);
    }

    /** An operator platform's registered signing key. */
    public record PlatformKey(String keyId, PrivateKey key) {
    }

    private final List<SimPile> piles;
    private final Map<PileId, OperatorId> operatorOf = new HashMap<>();
    private final Map<OperatorId, PlatformKey> keys;
    private final Channel channel;
    private final Clock clock;
    private final ZoneId zone;
    private final int batchSize;
    private final EnvelopeSigner signer = new EnvelopeSigner();
    private final Supplier<String> nonces = EnvelopeSigner.randomNonces();

    /**
     * @param piles the simulated piles, in the simulator's order
     * @param keys each operator's platform key
     * @param channel where signed envelopes go
     * @param clock the signing time
     * @param zone the zone of local intervals and days
     * @param batchSize items per command, 1,000–5,000
     */
    public TelemetrySender(List<SimPile> piles, Map<OperatorId, PlatformKey> keys, Channel channel, Clock clock, ZoneId zone,
                           int batchSize) {
        if (batchSize < MIN_BATCH || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batch size must be 1,000–5,000, not " + batchSize);
        }
        this.piles = List.copyOf(piles);
        this.piles.forEach(p -> operatorOf.put(p.pileId(), p.operatorId()));
        this.keys = Map.copyOf(keys);
        this.channel = Objects.requireNonNull(channel);
        this.clock = clock;
        this.zone = zone;
        this.batchSize = batchSize;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The period text of an interval start: local {@code yyyyMMddHHmm}. */
    public String intervalPeriod(Instant start) {
        return LocalDateTime.ofInstant(start, zone).format(MINUTE);
    }

    /** The period text of a local day: {@code yyyyMMdd}. */
    public static String dayPeriod(LocalDate day) {
        return day.format(DAY);
    }

    /** The batch id {@code <operator>-<KIND>-<period>-<n>}. */
    public static TelemetryBatchId batchId(OperatorId operator, TelemetryKind kind, String period, int n) {
        return new TelemetryBatchId(operator.value() + "-" + kind.name() + "-" + period + "-" + n);
    }

    // ---- building commands ----

    /** The power readings of an interval as commands, per operator, in batches; piles the platform does not report are left out. */
    public List<ReportPowerReadingsCommand> powerCommands(IntervalFrame frame) {
        Map<OperatorId, List<PowerReading>> byOperator = new LinkedHashMap<>();
        for (int i = 0; i < piles.size(); i++) {
            SimPile p = piles.get(i);
            PowerReading r = frame.reading(i, p);
            if (r != null) {
                byOperator.computeIfAbsent(p.operatorId(), op -> new ArrayList<>()).add(r);
            }
        }
        String period = intervalPeriod(frame.start());
        return batches(byOperator, TelemetryKind.POWER, period,
                (id, op) -> items -> new ReportPowerReadingsCommand(id, op, frame.start(), items));
    }

    /** The daily energy of every pile as commands, per operator, in batches. */
    public List<ReportDailyEnergyCommand> energyCommands(DayResult day) {
        Map<OperatorId, List<EnergyReading>> byOperator = new LinkedHashMap<>();
        for (int i = 0; i < piles.size(); i++) {
            byOperator.computeIfAbsent(piles.get(i).operatorId(), op -> new ArrayList<>()).add(day.energyReading(i));
        }
        return batches(byOperator, TelemetryKind.ENERGY, dayPeriod(day.day()),
                (id, op) -> items -> new ReportDailyEnergyCommand(id, op, day.day(), items));
    }

    /**
     * Finished sessions as commands, per operator, in batches.
     *
     * @param period the batch id period: the day ({@link #dayPeriod}) or, when sent live, the interval ({@link #intervalPeriod})
     * @param day the local day the sessions ended on
     */
    public List<ReportChargingOrdersCommand> orderCommands(String period, LocalDate day, List<ChargingOrder> orders) {
        Map<OperatorId, List<ChargingOrder>> byOperator = group(orders, ChargingOrder::pileId);
        return batches(byOperator, TelemetryKind.ORDERS, period, (id, op) -> items -> new ReportChargingOrdersCommand(id, op, day, items));
    }

    /** Status changes as commands, per operator, in batches; period as for {@link #orderCommands}. */
    public List<ReportPileStatusChangesCommand> statusCommands(String period, List<PileStatusChange> changes) {
        Map<OperatorId, List<PileStatusChange>> byOperator = group(changes, PileStatusChange::pileId);
        return batches(byOperator, TelemetryKind.STATUS, period, (id, op) -> items -> new ReportPileStatusChangesCommand(id, op, items));
    }

    private <T> Map<OperatorId, List<T>> group(List<T> items, Function<T, PileId> pile) {
        Map<OperatorId, List<T>> byOperator = new LinkedHashMap<>();
        for (SimPile p : piles) {
            byOperator.putIfAbsent(p.operatorId(), new ArrayList<>());
        }
        for (T item : items) {
            OperatorId op = operatorOf.get(pile.apply(item));
            if (op == null) {
                throw new IllegalArgumentException("not a simulated pile: " + pile.apply(item));
            }
            byOperator.get(op).add(item);
        }
        byOperator.values().removeIf(List::isEmpty);
        return byOperator;
    }

    private <T, C> List<C> batches(Map<OperatorId, List<T>> byOperator, TelemetryKind kind, String period,
                                   BiFunction<TelemetryBatchId, OperatorId, Function<List<T>, C>> factory) {
        List<C> commands = new ArrayList<>();
        byOperator.forEach((op, items) -> {
            int n = 0;
            for (int from = 0; from < items.size(); from += batchSize) {
                List<T> chunk = List.copyOf(items.subList(from, Math.min(items.size(), from + batchSize)));
                commands.add(factory.apply(batchId(op, kind, period, ++n), op).apply(chunk));
            }
        });
        return commands;
    }

    // ---- sending ----

    /** Signs a command with its operator's platform key. */
    public SignedEnvelope sign(OperatorScoped command) {
        PlatformKey key = keys.get(command.operatorId());
        if (key == null) {
            throw new IllegalArgumentException("no platform key for operator " + command.operatorId());
        }
        return signer.sign(command, key.keyId(), key.key(), clock, nonces);
    }

    /** Signs and sends commands one after the other; answers how many were sent. */
    public int send(List<? extends OperatorScoped> commands) {
        for (OperatorScoped c : commands) {
            channel.send(sign(c));
        }
        return commands.size();
    }
}
