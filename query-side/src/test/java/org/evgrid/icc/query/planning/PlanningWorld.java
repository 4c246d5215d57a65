package org.evgrid.icc.query.planning;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.AggregationUnitCreatedEvent;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.ImportBatchId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileAssignedToUnitEvent;
import org.evgrid.icc.coreapi.archive.PileDecommissionedEvent;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileRegisteredEvent;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.Region;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.declaration.DemandDeclaredEvent;
import org.evgrid.icc.coreapi.market.MarketProductDefinedEvent;
import org.evgrid.icc.coreapi.telemetry.ConnectorStatus;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchId;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchReceivedEvent;
import org.evgrid.icc.coreapi.telemetry.TelemetryKind;
import org.evgrid.icc.query.archive.AggregationUnitProjection;
import org.evgrid.icc.query.archive.PileArchiveProjection;
import org.evgrid.icc.query.declaration.DeclarationProjection;
import org.evgrid.icc.query.forecast.ForecastProjection;
import org.evgrid.icc.query.market.MarketProjection;
import org.evgrid.icc.query.telemetry.LiveTelemetryHub;
import org.evgrid.icc.query.telemetry.TelemetryRollupProjection;
import org.evgrid.icc.query.telemetry.TelemetrySettings;
import org.evgrid.icc.query.telemetry.internal.Slots;

/**
 * A store (mongo-java-server on a random port, reached over the real driver) fed by the real projections: archive
 * (piles, units), telemetry roll-ups, declarations and forecasts, delivered in batches as a tracking processor does;
 * telemetry readings documents are written the way ingestion writes them (docs/telemetry-store.md).
 */
final class PlanningWorld implements AutoCloseable {

    private static final AtomicLong BATCHES = new AtomicLong();

    private final MongoServer server;
    private final MongoClient client;
    private final MongoDatabase database;
    private final List<AnnotationEventHandlerAdapter> adapters = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();

    PlanningWorld() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("icc");
        adapters.add(new AnnotationEventHandlerAdapter(new PileArchiveProjection(database)));
        adapters.add(new AnnotationEventHandlerAdapter(new AggregationUnitProjection(database)));
        adapters.add(new AnnotationEventHandlerAdapter(new TelemetryRollupProjection(database, new LiveTelemetryHub(),
                TelemetrySettings.defaults())));
        adapters.add(new AnnotationEventHandlerAdapter(new DeclarationProjection(database)));
        adapters.add(new AnnotationEventHandlerAdapter(new ForecastProjection(database)));
        adapters.add(new AnnotationEventHandlerAdapter(new MarketProjection(database)));
    }

    MongoDatabase database() {
        return database;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }

    /** A local (Asia/Shanghai) time as an instant. */
    static Instant local(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(Slots.ZONE).toInstant();
    }

    // ------------------------------------------------------------------ events

    /** Handles the payloads as one batch (domain events of their aggregate where the projection needs a sequence). */
    void batch(List<?> payloads) {
        List<EventMessage<?>> events = new ArrayList<>();
        payloads.forEach(p -> events.add(message(p)));
        BatchingUnitOfWork<EventMessage<?>> uow = new BatchingUnitOfWork<>(events);
        ResultMessage<?> outcome = uow.executeWithResult(() -> {
            EventMessage<?> message = uow.getMessage();
            for (AnnotationEventHandlerAdapter adapter : adapters) {
                if (adapter.canHandle(message)) {
                    adapter.handle(message);
                }
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (outcome.isExceptional()) {
            throw new IllegalStateException("the batch failed", outcome.exceptionResult());
        }
        for (ExecutionResult result : uow.getExecutionResults().values()) {
            if (result.isExceptionResult()) {
                throw new IllegalStateException("a handler failed", result.getExceptionResult());
            }
        }
    }

    private EventMessage<?> message(Object payload) {
        String aggregate = payload instanceof PileRegisteredEvent e ? "pile:" + e.pileId().value()
                : payload instanceof PileDecommissionedEvent e ? "pile:" + e.pileId().value()
                : payload instanceof AggregationUnitCreatedEvent e ? "unit:" + e.unitId().value()
                : payload instanceof DemandDeclaredEvent e ? "declaration:" + e.declarationId().value()
                : payload instanceof MarketProductDefinedEvent e ? "product:" + e.productCode().value()
                : null;
        if (aggregate == null) {
            return GenericEventMessage.asEventMessage(payload);
        }
        long seq = sequences.merge(aggregate, 0L, (old, zero) -> old + 1);
        return new GenericDomainEventMessage<>(payload.getClass().getSimpleName(), aggregate, seq, payload, MetaData.emptyInstance());
    }

    static PileRegisteredEvent pile(String pile, String operator, String ratedKw, String minKw, String dischargeKw) {
        return new PileRegisteredEvent(new PileId(pile), new OperatorId(operator), new StationId("ST-" + operator),
                new DispatchAreaId("DA-320000"), new Region("320000", "320100", "320102"), PileType.DC,
                new BigDecimal(ratedKw), new BigDecimal(minKw), new BigDecimal(dischargeKw), 1, new ImportBatchId("IMP-" + pile));
    }

    static AggregationUnitCreatedEvent unit(String unit) {
        return new AggregationUnitCreatedEvent(new AggregationUnitId(unit), "Unit " + unit, new DispatchAreaId("DA-320000"), "320000");
    }

    static PileAssignedToUnitEvent assign(String pile, String unit, String operator) {
        return new PileAssignedToUnitEvent(new PileId(pile), new AggregationUnitId(unit), new OperatorId(operator));
    }

    static PileDecommissionedEvent decommission(String pile, String operator) {
        return new PileDecommissionedEvent(new PileId(pile), new OperatorId(operator), new StationId("ST-" + operator), "scrapped");
    }

    // ------------------------------------------------------------------ telemetry readings

    /** One power reading of a 5-minute interval. */
    record Power(String pile, long avgW, ConnectorStatus status, DataQuality quality) {
        static Power ok(String pile, long avgW) {
            return new Power(pile, avgW, ConnectorStatus.CHARGING, DataQuality.OK);
        }
    }

    /** One charging order. */
    record Order(String sid, String pile, Instant start, Instant end, long wh) {
    }

    /** Writes a POWER readings document for the interval starting at {@code start} and rolls it up. */
    void power(String operator, Instant start, List<Power> items) {
        String batch = "B" + BATCHES.incrementAndGet();
        String docId = operator + "|POWER|" + Slots.minuteKey(Slots.day(start), Slots.slot(start)) + "|" + batch;
        List<Object> piles = new ArrayList<>();
        List<Object> avg = new ArrayList<>();
        List<Object> st = new ArrayList<>();
        List<Object> nulls = new ArrayList<>();
        List<Object> q = new ArrayList<>();
        long total = 0;
        for (Power p : items) {
            piles.add(p.pile());
            avg.add(p.avgW());
            st.add(p.status().name());
            nulls.add(null);
            q.add(p.quality().name());
            total += p.avgW();
        }
        Document doc = common(docId, operator, TelemetryKind.POWER, batch, start, items.size())
                .append("pile", piles).append("avgW", avg).append("maxW", avg).append("st", st).append("soc", nulls)
                .append("con", nulls).append("q", q);
        database.getCollection("tel_readings").replaceOne(Filters.eq("_id", docId), doc, new ReplaceOptions().upsert(true));
        batch(List.of(event(operator, batch, TelemetryKind.POWER, start, items.size(), BigDecimal.valueOf(total, 3), docId)));
    }

    /** Writes an ORDERS readings document for a day and rolls it up. */
    void orders(String operator, LocalDate day, List<Order> items) {
        String batch = "B" + BATCHES.incrementAndGet();
        String docId = operator + "|ORDERS|" + Slots.dayKey(day) + "|" + batch;
        Document doc = common(docId, operator, TelemetryKind.ORDERS, batch, Slots.start(day, 0), items.size());
        List<Object> sid = new ArrayList<>();
        List<Object> pile = new ArrayList<>();
        List<Object> con = new ArrayList<>();
        List<Object> start = new ArrayList<>();
        List<Object> end = new ArrayList<>();
        List<Object> wh = new ArrayList<>();
        List<Object> fen = new ArrayList<>();
        List<Object> ut = new ArrayList<>();
        for (Order o : items) {
            sid.add(o.sid());
            pile.add(o.pile());
            con.add(1);
            start.add(Date.from(o.start()));
            end.add(Date.from(o.end()));
            wh.add(o.wh());
            fen.add(100L);
            ut.add("PRIVATE");
        }
        doc.append("sid", sid).append("pile", pile).append("con", con).append("start", start).append("end", end)
                .append("wh", wh).append("energyFen", fen).append("serviceFen", fen).append("totalFen", fen).append("ut", ut);
        database.getCollection("tel_readings").replaceOne(Filters.eq("_id", docId), doc, new ReplaceOptions().upsert(true));
        batch(List.of(event(operator, batch, TelemetryKind.ORDERS, Slots.start(day, 0), items.size(), null, docId)));
    }

    private static Document common(String docId, String operator, TelemetryKind kind, String batch, Instant start, int n) {
        return new Document("_id", docId).append("op", operator).append("kind", kind.name()).append("batch", batch)
                .append("period", Date.from(start)).append("day", Slots.day(start).toString())
                .append("receivedAt", Date.from(start.plusSeconds(400))).append("merkleRoot", "00").append("n", n);
    }

    private static TelemetryBatchReceivedEvent event(String operator, String batch, TelemetryKind kind, Instant start, int n,
                                                     BigDecimal kw, String docId) {
        return new TelemetryBatchReceivedEvent(new TelemetryBatchId(batch), new OperatorId(operator), kind, start,
                Slots.day(start), n, n, List.of(), kw, null, null, docId, "00", start.plusSeconds(400));
    }

    // ------------------------------------------------------------------ documents in their documented layout

    /** A unit day document of {@code tel_agg_days} (docs/telemetry-store.md): W sums and reporting counts per slot. */
    void unitDay(String unit, LocalDate day, Map<Integer, long[]> slots) {
        Document w = new Document();
        Document r = new Document();
        Document n = new Document();
        new TreeMap<>(slots).forEach((slot, values) -> {
            w.append(Integer.toString(slot), values[0]);
            r.append(Integer.toString(slot), values[1]);
            n.append(Integer.toString(slot), values[1]);
        });
        String id = "tad|UNIT|" + unit + "|" + Slots.dayKey(day);
        database.getCollection("tel_agg_days").replaceOne(Filters.eq("_id", id), new Document("_id", id).append("dim", "UNIT")
                .append("key", unit).append("day", Slots.dayKey(day)).append("w", w).append("r", r).append("n", n)
                .append("applied", List.of()), new ReplaceOptions().upsert(true));
    }

    /** One pile of a schedule: its operator, its 96 values in W and its reason counts. */
    record Scheduled(String operator, String pile, int[] w, String reasons) {
    }

    /**
     * Writes a plan version's schedule as the command side does (docs/dispatch-schedules.md): the index document and
     * one chunk document per operator and at most {@code chunkSize} piles.
     */
    void schedule(String planId, int version, String unit, LocalDate day, List<Scheduled> piles, int chunkSize) {
        Map<String, List<Scheduled>> byOperator = new TreeMap<>();
        piles.forEach(p -> byOperator.computeIfAbsent(p.operator(), k -> new ArrayList<>()).add(p));
        List<Document> operators = new ArrayList<>();
        String prefix = planId + "|v" + version;
        byOperator.forEach((operator, list) -> {
            list.sort((a, b) -> a.pile().compareTo(b.pile()));
            List<String> firstPiles = new ArrayList<>();
            int chunk = 0;
            for (int from = 0; from < list.size(); from += chunkSize, chunk++) {
                List<Scheduled> part = list.subList(from, Math.min(list.size(), from + chunkSize));
                firstPiles.add(part.get(0).pile());
                List<Integer> w = new ArrayList<>();
                part.forEach(p -> {
                    for (int v : p.w()) {
                        w.add(v);
                    }
                });
                String id = prefix + "|" + operator + "|" + String.format("%04d", chunk);
                database.getCollection("dispatch_schedules").replaceOne(Filters.eq("_id", id), new Document("_id", id)
                        .append("planId", planId).append("version", version).append("operatorId", operator).append("chunk", chunk)
                        .append("pileIds", part.stream().map(Scheduled::pile).toList()).append("w", w)
                        .append("reasons", part.stream().map(Scheduled::reasons).toList()), new ReplaceOptions().upsert(true));
            }
            operators.add(new Document("operatorId", operator).append("piles", list.size()).append("chunks", chunk)
                    .append("firstPiles", firstPiles));
        });
        database.getCollection("dispatch_schedules").replaceOne(Filters.eq("_id", prefix), new Document("_id", prefix)
                .append("planId", planId).append("version", version).append("unitId", unit).append("tradingDay", day.toString())
                .append("piles", piles.size()).append("digest", "0".repeat(64)).append("operators", operators),
                new ReplaceOptions().upsert(true));
    }
}
