package org.evgrid.icc.query.planning;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.dispatch.DispatchInputs;
import org.evgrid.icc.coreapi.dispatch.FindDispatchInputsQuery;
import org.evgrid.icc.coreapi.dispatch.PileDispatchInput;
import org.evgrid.icc.coreapi.dispatch.SessionNeed;
import org.evgrid.icc.coreapi.telemetry.ConnectorStatus;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.query.planning.internal.PlanningErrors;
import org.evgrid.icc.query.planning.internal.PlanningReads;
import org.evgrid.icc.query.planning.internal.UnitPiles;
import org.evgrid.icc.query.telemetry.internal.RollupBatch;
import org.evgrid.icc.query.telemetry.internal.Slots;
import org.evgrid.icc.query.telemetry.internal.TelemetryCollections;
import org.evgrid.icc.query.telemetry.internal.Units;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The allocation inputs of a unit for a trading day ({@link FindDispatchInputsQuery}, asked inside the center):
 * <ul>
 * <li><b>Piles</b>: the unit's piles in service from the archive (decommissioned piles left out), limits in W.</li>
 * <li><b>Online</b>: of the last {@link PlanningSettings#onlineWindowSlots()} completed 5-minute intervals before the
 * clock (default 3, i.e. the last 15 minutes, which covers the platforms' delivery delay; up to 288, a day, which the
 * application configures for day-ahead planning), the pile must have a reading
 * that is not MISSING in at least one, and the newest such reading's connector status must be neither OFFLINE, UNKNOWN
 * nor FAULTED. A pile never seen in telemetry, or silent for the whole window, is offline. (The status changes of
 * {@code ReportPileStatusChanges} are not rolled up; the status carried by each power reading is what the store keeps.)</li>
 * <li><b>Sessions</b>: the pile's charging orders of the same weekday one week before the trading day (the pile-day
 * document {@code tpd|<pile>|<day>}); if the pile has none that day, two weeks before. Each order's start and end come
 * from the readings document of the batch that set it ({@code <op>|ORDERS|<day>|<batch>}); they are placed on the
 * trading day at the same local time: arrival = floor(start / 15 min), departure = ceil(end / 15 min) from the source
 * day's midnight, clipped to 0..96; orders that are empty after clipping are left out. Energy is the order's Wh.</li>
 * </ul>
 * Every read is by {@code _id} ({@code $in} in chunks of at most 1,000).
 */
@Component
public class DispatchInputsQueries {

    private static final long QUARTER_SECONDS = 900L;
    private static final int QUARTERS = 96;

    private final MongoDatabase database;
    private final Clock clock;
    private final PlanningSettings settings;

    @Autowired
    public DispatchInputsQueries(MongoDatabase database, Clock clock, ObjectProvider<PlanningSettings> settings) {
        this(database, clock, settings.getIfAvailable(PlanningSettings::defaults));
    }

    public DispatchInputsQueries(MongoDatabase database, Clock clock, PlanningSettings settings) {
        this.database = database;
        this.clock = clock;
        this.settings = settings;
    }

    @QueryHandler
    public DispatchInputs find(FindDispatchInputsQuery query) {
        if (query.unitId() == null) {
            throw PlanningErrors.missing("unitId");
        }
        if (query.tradingDay() == null) {
            throw PlanningErrors.missing("tradingDay");
        }
        String unitId = query.unitId().value();
        if (!UnitPiles.unitExists(database, unitId)) {
            throw PlanningErrors.unitNotFound(unitId);
        }
        Instant asOf = clock.instant();
        List<UnitPiles.Pile> piles = UnitPiles.of(database, unitId);
        List<String> ids = piles.stream().map(UnitPiles.Pile::pileId).toList();
        Map<String, Boolean> online = online(ids, asOf);
        Map<String, List<SessionNeed>> sessions = sessions(ids, query.tradingDay());
        List<PileDispatchInput> inputs = new ArrayList<>(piles.size());
        for (UnitPiles.Pile p : piles) {
            inputs.add(new PileDispatchInput(new PileId(p.pileId()), p.operatorId() == null ? null : new OperatorId(p.operatorId()),
                    p.type(), p.ratedW(), p.minW(), p.maxDischargeW(), online.getOrDefault(p.pileId(), false),
                    sessions.getOrDefault(p.pileId(), List.of())));
        }
        return new DispatchInputs(query.unitId(), query.tradingDay(), asOf, inputs);
    }

    // ------------------------------------------------------------------ online

    private Map<String, Boolean> online(List<String> piles, Instant now) {
        LocalDate today = Slots.day(now);
        Instant currentStart = Slots.start(today, Slots.slot(now));
        List<Instant> window = new ArrayList<>();
        for (int i = 1; i <= settings.onlineWindowSlots(); i++) {
            window.add(currentStart.minus(Duration.ofMinutes(5L * i)));
        }
        Set<String> hourIds = new LinkedHashSet<>();
        for (String pile : piles) {
            for (Instant start : window) {
                hourIds.add(Slots.pileHourId(pile, Slots.day(start), Slots.slot(start)));
            }
        }
        Map<String, Document> hours = PlanningReads.byIds(database, TelemetryCollections.PILE_DAYS, new ArrayList<>(hourIds));
        Map<String, Boolean> online = new HashMap<>();
        for (String pile : piles) {
            boolean decided = false;
            for (Instant start : window) {
                Document hour = hours.get(Slots.pileHourId(pile, Slots.day(start), Slots.slot(start)));
                Document slots = hour == null ? null : hour.get("s", Document.class);
                Document reading = slots == null ? null : slots.get(Integer.toString(Slots.slot(start)), Document.class);
                if (reading == null || DataQuality.MISSING.name().equals(reading.getString("q"))) {
                    continue;
                }
                ConnectorStatus status = ConnectorStatus.valueOf(reading.getString("st"));
                online.put(pile, status.online() && status != ConnectorStatus.FAULTED);
                decided = true;
                break;
            }
            if (!decided) {
                online.put(pile, false);
            }
        }
        return online;
    }

    // ------------------------------------------------------------------ sessions

    /** An order of a pile-day document: its escaped session id, the source day, its Wh and readings document. */
    private record OrderRef(String pile, String escapedSid, LocalDate sourceDay, long wh, String readingsId) {
    }

    private Map<String, List<SessionNeed>> sessions(List<String> piles, LocalDate tradingDay) {
        Map<String, List<OrderRef>> orders = new LinkedHashMap<>();
        List<String> withoutOrders = collectOrders(piles, tradingDay.minusDays(7), orders);
        collectOrders(withoutOrders, tradingDay.minusDays(14), orders);
        List<String> readingsIds = new ArrayList<>();
        orders.values().forEach(list -> list.forEach(o -> readingsIds.add(o.readingsId())));
        Map<String, Document> readings = PlanningReads.byIds(database, TelemetryCollections.READINGS, readingsIds);
        Map<String, Map<String, Integer>> itemIndex = new HashMap<>();
        Map<String, List<SessionNeed>> sessions = new HashMap<>();
        for (Map.Entry<String, List<OrderRef>> entry : orders.entrySet()) {
            List<SessionNeed> needs = new ArrayList<>();
            for (OrderRef order : entry.getValue()) {
                Document doc = readings.get(order.readingsId());
                if (doc == null) {
                    continue;
                }
                Map<String, Integer> index = itemIndex.computeIfAbsent(order.readingsId(), id -> indexItems(doc));
                Integer i = index.get(order.pile() + "|" + order.escapedSid());
                if (i == null) {
                    continue;
                }
                Instant start = instantAt(doc, "start", i);
                Instant end = instantAt(doc, "end", i);
                if (start == null || end == null) {
                    continue;
                }
                Instant midnight = order.sourceDay().atStartOfDay(Slots.ZONE).toInstant();
                long startSec = Duration.between(midnight, start).getSeconds();
                long endSec = Duration.between(midnight, end).getSeconds();
                int arrival = clip(Math.floorDiv(startSec, QUARTER_SECONDS));
                int departure = clip(-Math.floorDiv(-endSec, QUARTER_SECONDS));
                if (arrival >= departure) {
                    continue;
                }
                String sid = column(doc, "sid").get(i).toString();
                needs.add(new SessionNeed(sid, arrival, departure, order.wh()));
            }
            needs.sort(Comparator.comparingInt(SessionNeed::arrivalInterval).thenComparing(SessionNeed::sessionRef));
            sessions.put(entry.getKey(), needs);
        }
        return sessions;
    }

    /** Adds the orders of these piles on a day; returns the piles that had none. */
    private List<String> collectOrders(List<String> piles, LocalDate day, Map<String, List<OrderRef>> into) {
        List<String> dayIds = piles.stream().map(p -> Slots.pileDayId(p, day)).toList();
        Map<String, Document> docs = PlanningReads.byIds(database, TelemetryCollections.PILE_DAYS, dayIds);
        List<String> without = new ArrayList<>();
        for (String pile : piles) {
            Document d = docs.get(Slots.pileDayId(pile, day));
            Document o = d == null ? null : d.get("o", Document.class);
            if (o == null || o.isEmpty()) {
                without.add(pile);
                continue;
            }
            List<OrderRef> refs = new ArrayList<>();
            String readingsPrefix = d.getString("op") + "|ORDERS|" + d.getString("day") + "|";
            o.forEach((escapedSid, value) -> {
                Document v = (Document) value;
                refs.add(new OrderRef(pile, escapedSid, day, Units.asLong(v.get("wh")), readingsPrefix + v.getString("b")));
            });
            into.put(pile, refs);
        }
        return without;
    }

    private static Map<String, Integer> indexItems(Document readings) {
        List<?> sids = column(readings, "sid");
        List<?> piles = column(readings, "pile");
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < sids.size() && i < piles.size(); i++) {
            index.put(piles.get(i) + "|" + RollupBatch.escape(String.valueOf(sids.get(i))), i);
        }
        return index;
    }

    private static List<?> column(Document readings, String name) {
        Object value = readings.get(name);
        return value instanceof List<?> list ? list : List.of();
    }

    private static Instant instantAt(Document readings, String name, int i) {
        List<?> values = column(readings, name);
        Object value = i < values.size() ? values.get(i) : null;
        return value instanceof Date date ? date.toInstant() : null;
    }

    private static int clip(long quarter) {
        return (int) Math.max(0, Math.min(QUARTERS, quarter));
    }
}
