package org.evgrid.icc.command.telemetry.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.command.telemetry.TelemetryLimits;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.common.ItemError;
import org.evgrid.icc.coreapi.telemetry.ChargingOrder;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.coreapi.telemetry.EnergyReading;
import org.evgrid.icc.coreapi.telemetry.PileStatusChange;
import org.evgrid.icc.coreapi.telemetry.PowerReading;
import org.evgrid.icc.coreapi.telemetry.ReportChargingOrdersCommand;
import org.evgrid.icc.coreapi.telemetry.ReportDailyEnergyCommand;
import org.evgrid.icc.coreapi.telemetry.ReportPileStatusChangesCommand;
import org.evgrid.icc.coreapi.telemetry.ReportPowerReadingsCommand;
import org.evgrid.icc.coreapi.telemetry.TelemetryKind;

/**
 * Checks a telemetry batch: batch-level faults (operator, size, period) refuse the whole batch; item faults are
 * collected as {@link ItemError}s and the item is left out. Values are turned into integer units once (W, Wh, fen)
 * and every check runs on those. One in-memory directory lookup per batch; store round trips only for piles the
 * operator does not have (to tell unknown piles from other operators' piles).
 */
public final class BatchChecker {

    /** Most items in one batch. */
    public static final int MAX_ITEMS = 5000;

    private static final long INTERVAL_SECONDS = 300;
    private static final long HOURS_PER_DAY = 24;
    private static final long TOU_SLACK_WH = 1;
    private static final long TOO_PRECISE = Long.MIN_VALUE;
    private static final long TOO_LARGE = Long.MIN_VALUE + 1;
    private static final int MAX_INTEGER_DIGITS = 12;

    private final PileDirectory directory;
    private final Duration maxAge;
    private final Duration skew;
    private final long toleranceMilli;

    public BatchChecker(PileDirectory directory, TelemetryLimits limits) {
        this.directory = directory;
        this.maxAge = limits.maxAge();
        this.skew = limits.clockSkew();
        this.toleranceMilli = limits.tolerance().movePointRight(3).longValue();
    }

    // ---------------------------------------------------------------- POWER

    /** Checks a power batch at the center's time {@code now}. */
    public CheckedBatch power(ReportPowerReadingsCommand command, Instant now) {
        int size = size(command.readings(), "readings");
        OperatorPiles operator = operator(command.operatorId());
        Instant start = command.intervalStart();
        if (start == null) {
            throw Texts.missing("intervalStart", "时段起点", "interval start").exception();
        }
        if (start.getNano() != 0 || Math.floorMod(start.getEpochSecond(), INTERVAL_SECONDS) != 0) {
            throw TelemetryRefusals.intervalUnaligned(start).exception();
        }
        requireNotFuture(start, now, "intervalStart", start);
        requireNotTooOld(start, now, "intervalStart", start);
        List<PowerReading> readings = command.readings();
        Items items = new Items(TelemetryKind.POWER, operator, size,
                owners(operator, readings, PowerReading::pileId));
        long totalW = 0;
        for (int i = 0; i < size; i++) {
            PowerReading r = readings.get(i);
            if (r == null) {
                items.reject(i, null, Texts.missing("readings", "功率数据", "reading"));
                continue;
            }
            RegisteredPile pile = items.pile(i, r.pileId(), true);
            if (pile == null) {
                continue;
            }
            List<Refusal> faults = new ArrayList<>(0);
            require(faults, r.status(), "status", "枪状态", "connector status");
            require(faults, r.quality(), "quality", "数据质量", "data quality");
            long avgW = 0;
            long maxW = 0;
            if (r.quality() != DataQuality.MISSING) {
                avgW = power(faults, r.avgKw(), "avgKw", "平均功率", "average power", pile);
                maxW = power(faults, r.maxKw(), "maxKw", "最大功率", "maximum power", pile);
                if (faults.isEmpty() && avgW > maxW) {
                    faults.add(TelemetryRefusals.avgAboveMax());
                }
            }
            if (r.socPercent() != null && (r.socPercent() < 0 || r.socPercent() > 100)) {
                faults.add(TelemetryRefusals.socRange());
            }
            connector(faults, r.connectorNo(), pile);
            if (items.rejectAll(i, pile.pileId(), faults)) {
                continue;
            }
            items.accept(pile.pileId(), avgW, maxW, r.status().name(), r.socPercent(), r.connectorNo(), r.quality().name());
            if (counts(r.quality())) {
                totalW += avgW;
            }
        }
        return items.checked(start, LocalDate.ofInstant(start, ReadingsLayout.ZONE), start, BigDecimal.valueOf(totalW, 3), null, null);
    }

    private long power(List<Refusal> faults, BigDecimal kw, String field, String labelZh, String labelEn, RegisteredPile pile) {
        if (kw == null) {
            faults.add(Texts.missing(field, labelZh, labelEn));
            return 0;
        }
        long w = scaled(faults, kw, 3, field);
        if (w == TOO_PRECISE || w == TOO_LARGE) {
            return 0;
        }
        if (w < 0 && !pile.canDischarge()) {
            faults.add(TelemetryRefusals.powerNegative(field));
        } else if (w < -pile.maxDischargeW()) {
            faults.add(TelemetryRefusals.dischargeAboveMax(field, pile.maxDischargeW()));
        } else if (w > pile.ratedW() * toleranceMilli / 1000) {
            faults.add(TelemetryRefusals.powerAboveRated(field, pile.ratedW()));
        }
        return w;
    }

    // ---------------------------------------------------------------- ENERGY

    /** Checks a daily energy batch at the center's time {@code now}. */
    public CheckedBatch energy(ReportDailyEnergyCommand command, Instant now) {
        int size = size(command.readings(), "readings");
        OperatorPiles operator = operator(command.operatorId());
        LocalDate day = day(command.day(), now);
        List<EnergyReading> readings = command.readings();
        Items items = new Items(TelemetryKind.ENERGY, operator, size, owners(operator, readings, EnergyReading::pileId));
        long totalWh = 0;
        for (int i = 0; i < size; i++) {
            EnergyReading r = readings.get(i);
            if (r == null) {
                items.reject(i, null, Texts.missing("readings", "电量数据", "reading"));
                continue;
            }
            RegisteredPile pile = items.pile(i, r.pileId(), true);
            if (pile == null) {
                continue;
            }
            List<Refusal> faults = new ArrayList<>(0);
            require(faults, r.quality(), "quality", "数据质量", "data quality");
            long wh = 0;
            Long[] tou = {null, null, null, null};
            if (r.quality() != DataQuality.MISSING) {
                wh = energy(faults, r.totalKwh(), "totalKwh", "总电量", "total energy", pile);
                BigDecimal[] parts = {r.sharpKwh(), r.peakKwh(), r.flatKwh(), r.valleyKwh()};
                String[] fields = {"sharpKwh", "peakKwh", "flatKwh", "valleyKwh"};
                int given = 0;
                for (BigDecimal part : parts) {
                    given += part == null ? 0 : 1;
                }
                if (given > 0 && given < parts.length) {
                    faults.add(TelemetryRefusals.touPartial());
                } else if (given == parts.length) {
                    long sum = 0;
                    for (int p = 0; p < parts.length; p++) {
                        tou[p] = energy(faults, parts[p], fields[p], fields[p], fields[p], pile);
                        sum += tou[p];
                    }
                    if (faults.isEmpty() && Math.abs(sum - wh) > TOU_SLACK_WH) {
                        faults.add(TelemetryRefusals.touSum());
                    }
                }
            }
            if (items.rejectAll(i, pile.pileId(), faults)) {
                continue;
            }
            items.accept(pile.pileId(), wh, tou[0], tou[1], tou[2], tou[3], r.quality().name());
            if (counts(r.quality())) {
                totalWh += wh;
            }
        }
        Instant dayStart = day.atStartOfDay(ReadingsLayout.ZONE).toInstant();
        return items.checked(dayStart, day, dayStart, null, BigDecimal.valueOf(totalWh, 3), null);
    }

    private long energy(List<Refusal> faults, BigDecimal kwh, String field, String labelZh, String labelEn, RegisteredPile pile) {
        if (kwh == null) {
            faults.add(Texts.missing(field, labelZh, labelEn));
            return 0;
        }
        long wh = scaled(faults, kwh, 3, field);
        if (wh == TOO_PRECISE || wh == TOO_LARGE) {
            return 0;
        }
        if (wh < 0) {
            faults.add(TelemetryRefusals.energyNegative(field));
        } else if (wh > pile.ratedW() * HOURS_PER_DAY * toleranceMilli / 1000) {
            faults.add(TelemetryRefusals.energyAboveRated(field, pile.ratedW()));
        }
        return wh;
    }

    // ---------------------------------------------------------------- ORDERS

    /** Checks a batch of finished charging sessions at the center's time {@code now}. */
    public CheckedBatch orders(ReportChargingOrdersCommand command, Instant now) {
        int size = size(command.orders(), "orders");
        OperatorPiles operator = operator(command.operatorId());
        LocalDate day = day(command.day(), now);
        List<ChargingOrder> orders = command.orders();
        Items items = new Items(TelemetryKind.ORDERS, operator, size, owners(operator, orders, ChargingOrder::pileId));
        Set<String> sessions = new HashSet<>();
        Instant latest = now.plus(skew);
        long totalWh = 0;
        long totalFen = 0;
        for (int i = 0; i < size; i++) {
            ChargingOrder o = orders.get(i);
            if (o == null) {
                items.reject(i, null, Texts.missing("orders", "订单", "charging session"));
                continue;
            }
            String sessionId = o.sessionId() == null ? null : o.sessionId().strip();
            Refusal idFault = Texts.checkRequired(sessionId, "sessionId", "订单号", "session id", 64).orElse(null);
            if (idFault != null) {
                items.reject(i, sessionId, idFault);
                continue;
            }
            if (!sessions.add(sessionId)) {
                items.reject(i, sessionId, TelemetryRefusals.sessionRepeated(sessionId));
                continue;
            }
            RegisteredPile pile = items.pile(i, o.pileId(), false, sessionId);
            if (pile == null) {
                continue;
            }
            List<Refusal> faults = new ArrayList<>(0);
            connector(faults, o.connectorNo(), pile);
            require(faults, o.startTime(), "startTime", "开始时间", "start time");
            require(faults, o.endTime(), "endTime", "结束时间", "end time");
            require(faults, o.userType(), "userType", "用户类型", "user type");
            if (o.startTime() != null && o.endTime() != null) {
                if (o.endTime().isBefore(o.startTime())) {
                    faults.add(TelemetryRefusals.endBeforeStart());
                } else if (o.endTime().isAfter(latest)) {
                    faults.add(TelemetryRefusals.timeFuture("endTime"));
                } else if (!LocalDate.ofInstant(o.endTime(), ReadingsLayout.ZONE).equals(day)) {
                    faults.add(TelemetryRefusals.orderOtherDay(day));
                }
            }
            long wh = energy(faults, o.energyKwh(), "energyKwh", "充电电量", "energy", pile);
            long energyFen = fee(faults, o.energyFeeYuan(), "energyFeeYuan", "电费", "energy fee");
            long serviceFen = fee(faults, o.serviceFeeYuan(), "serviceFeeYuan", "服务费", "service fee");
            long totalFee = fee(faults, o.totalFeeYuan(), "totalFeeYuan", "总费用", "total fee");
            if (faults.isEmpty() && energyFen + serviceFen != totalFee) {
                faults.add(TelemetryRefusals.feeSum());
            }
            if (items.rejectAll(i, sessionId, faults)) {
                continue;
            }
            items.accept(sessionId, pile.pileId(), o.connectorNo(), Date.from(o.startTime()), Date.from(o.endTime()), wh,
                    energyFen, serviceFen, totalFee, o.userType().name());
            totalWh += wh;
            totalFen += totalFee;
        }
        Instant dayStart = day.atStartOfDay(ReadingsLayout.ZONE).toInstant();
        return items.checked(dayStart, day, dayStart, null, BigDecimal.valueOf(totalWh, 3), BigDecimal.valueOf(totalFen, 2));
    }

    private long fee(List<Refusal> faults, BigDecimal yuan, String field, String labelZh, String labelEn) {
        if (yuan == null) {
            faults.add(Texts.missing(field, labelZh, labelEn));
            return 0;
        }
        long fen = scaled(faults, yuan, 2, field);
        if (fen == TOO_PRECISE || fen == TOO_LARGE) {
            return 0;
        }
        if (fen < 0) {
            faults.add(TelemetryRefusals.feeNegative(field));
        }
        return fen;
    }

    // ---------------------------------------------------------------- STATUS

    /** Checks a batch of connector status changes at the center's time {@code now}. */
    public CheckedBatch statusChanges(ReportPileStatusChangesCommand command, Instant now) {
        int size = size(command.changes(), "changes");
        OperatorPiles operator = operator(command.operatorId());
        List<PileStatusChange> changes = command.changes();
        Items items = new Items(TelemetryKind.STATUS, operator, size, owners(operator, changes, PileStatusChange::pileId));
        Instant latest = now.plus(skew);
        Instant earliestAccepted = null;
        Instant earliestSent = null;
        for (int i = 0; i < size; i++) {
            PileStatusChange c = changes.get(i);
            if (c == null) {
                items.reject(i, null, Texts.missing("changes", "状态变化", "status change"));
                continue;
            }
            if (c.changedAt() != null && (earliestSent == null || c.changedAt().isBefore(earliestSent))) {
                earliestSent = c.changedAt();
            }
            RegisteredPile pile = items.pile(i, c.pileId(), false);
            if (pile == null) {
                continue;
            }
            List<Refusal> faults = new ArrayList<>(0);
            connector(faults, c.connectorNo(), pile);
            require(faults, c.status(), "status", "枪状态", "connector status");
            require(faults, c.changedAt(), "changedAt", "变化时间", "time of change");
            if (c.changedAt() != null && c.changedAt().isAfter(latest)) {
                faults.add(TelemetryRefusals.timeFuture("changedAt"));
            }
            if (items.rejectAll(i, pile.pileId(), faults)) {
                continue;
            }
            items.accept(pile.pileId(), c.connectorNo(), c.status().name(), Date.from(c.changedAt()));
            if (earliestAccepted == null || c.changedAt().isBefore(earliestAccepted)) {
                earliestAccepted = c.changedAt();
            }
        }
        Instant periodStart = earliestAccepted != null ? earliestAccepted : earliestSent != null ? earliestSent : now;
        LocalDate day = LocalDate.ofInstant(periodStart, ReadingsLayout.ZONE);
        return items.checked(periodStart, day, day.atStartOfDay(ReadingsLayout.ZONE).toInstant(), null, null, null);
    }

    // ---------------------------------------------------------------- shared checks

    private static int size(List<?> items, String field) {
        int size = items == null ? 0 : items.size();
        if (size < 1 || size > MAX_ITEMS) {
            throw TelemetryRefusals.batchSize(field, size, MAX_ITEMS).exception();
        }
        return size;
    }

    private OperatorPiles operator(OperatorId operatorId) {
        if (operatorId == null) {
            throw Texts.missing("operatorId", "运营商", "operator id").exception();
        }
        OperatorPiles operator = directory.operator(operatorId.value());
        if (!operator.registered()) {
            throw TelemetryRefusals.operatorUnknown(operatorId.value()).exception();
        }
        if (operator.suspended()) {
            throw TelemetryRefusals.operatorSuspended(operatorId.value()).exception();
        }
        return operator;
    }

    private LocalDate day(LocalDate day, Instant now) {
        if (day == null) {
            throw Texts.missing("day", "日期", "day").exception();
        }
        Instant start = day.atStartOfDay(ReadingsLayout.ZONE).toInstant();
        requireNotFuture(start, now, "day", day);
        requireNotTooOld(day.plusDays(1).atStartOfDay(ReadingsLayout.ZONE).toInstant(), now, "day", day);
        return day;
    }

    private void requireNotFuture(Instant start, Instant now, String field, Object shown) {
        if (start.isAfter(now.plus(skew))) {
            throw TelemetryRefusals.intervalFuture(field, shown).exception();
        }
    }

    private void requireNotTooOld(Instant end, Instant now, String field, Object shown) {
        if (end.isBefore(now.minus(maxAge))) {
            throw TelemetryRefusals.tooOld(field, shown, maxAge.toDays()).exception();
        }
    }

    /** The owners of the piles the operator does not have (one store read each, at most a bounded number). */
    private <T> Map<String, String> owners(OperatorPiles operator, List<T> items, Function<T, PileId> pileOf) {
        Collection<String> misses = new LinkedHashSet<>();
        for (T item : items) {
            PileId pileId = item == null ? null : pileOf.apply(item);
            if (pileId != null && operator.pile(pileId.value()) == null) {
                misses.add(pileId.value());
            }
        }
        return misses.isEmpty() ? Map.of() : directory.owners(misses);
    }

    private static boolean counts(DataQuality quality) {
        return quality == DataQuality.OK || quality == DataQuality.ESTIMATED;
    }

    private static void require(List<Refusal> faults, Object value, String field, String labelZh, String labelEn) {
        if (value == null) {
            faults.add(Texts.missing(field, labelZh, labelEn));
        }
    }

    private static void connector(List<Refusal> faults, Integer connectorNo, RegisteredPile pile) {
        if (connectorNo != null && (connectorNo < 1 || connectorNo > pile.connectors())) {
            faults.add(TelemetryRefusals.connectorUnknown(connectorNo, pile.connectors()));
        }
    }

    /** The value in units of 10^-decimals as a long, or TOO_PRECISE / TOO_LARGE (with the fault added). */
    private static long scaled(List<Refusal> faults, BigDecimal value, int decimals, String field) {
        BigDecimal v = value;
        if (v.scale() > decimals) {
            v = v.stripTrailingZeros();
            if (v.scale() > decimals) {
                faults.add(TelemetryRefusals.precision(field, decimals));
                return TOO_PRECISE;
            }
        }
        if (v.precision() - v.scale() > MAX_INTEGER_DIGITS) {
            faults.add(TelemetryRefusals.outOfRange(field));
            return TOO_LARGE;
        }
        return v.movePointRight(decimals).longValueExact();
    }

    /** The items of one batch as they are checked: errors, accepted columns, pile resolution. */
    private static final class Items {

        private final TelemetryKind kind;
        private final OperatorPiles operator;
        private final int submitted;
        private final Map<String, String> owners;
        private final List<ItemError> rejected = new ArrayList<>();
        private final List<List<Object>> columns;
        private final Set<String> seenPiles = new HashSet<>();

        Items(TelemetryKind kind, OperatorPiles operator, int submitted, Map<String, String> owners) {
            this.kind = kind;
            this.operator = operator;
            this.submitted = submitted;
            this.owners = owners;
            this.columns = ReadingsLayout.emptyColumns(kind, submitted);
        }

        RegisteredPile pile(int index, PileId pileId, boolean oncePerBatch) {
            return pile(index, pileId, oncePerBatch, pileId == null ? null : pileId.value());
        }

        /** The operator's pile in service, or null with the item rejected. */
        RegisteredPile pile(int index, PileId pileId, boolean oncePerBatch, String itemId) {
            if (pileId == null) {
                reject(index, itemId, Texts.missing("pileId", "充电桩", "pile id"));
                return null;
            }
            String id = pileId.value();
            if (oncePerBatch && !seenPiles.add(id)) {
                reject(index, itemId, TelemetryRefusals.pileRepeated(id));
                return null;
            }
            RegisteredPile pile = operator.pile(id);
            if (pile == null) {
                String owner = owners.get(id);
                reject(index, itemId, owner != null && !owner.equals(operator.operatorId())
                        ? TelemetryRefusals.pileNotYours(id, operator.operatorId())
                        : TelemetryRefusals.pileUnknown(id, operator.operatorId()));
                return null;
            }
            if (pile.decommissioned()) {
                reject(index, itemId, TelemetryRefusals.pileDecommissioned(id));
                return null;
            }
            return pile;
        }

        void reject(int index, String itemId, Refusal refusal) {
            rejected.add(refusal.item(index, itemId));
        }

        /** Rejects the item with every fault; answers whether there was any. */
        boolean rejectAll(int index, String itemId, List<Refusal> faults) {
            for (Refusal fault : faults) {
                reject(index, itemId, fault);
            }
            return !faults.isEmpty();
        }

        void accept(Object... values) {
            for (int c = 0; c < values.length; c++) {
                columns.get(c).add(values[c]);
            }
        }

        CheckedBatch checked(Instant periodStart, LocalDate day, Instant documentPeriod, BigDecimal totalKw, BigDecimal totalKwh,
                             BigDecimal totalFeeYuan) {
            return new CheckedBatch(kind, periodStart, day, documentPeriod, submitted, List.copyOf(rejected), columns, totalKw, totalKwh,
                    totalFeeYuan);
        }
    }
}
