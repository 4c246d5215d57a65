package org.evgrid.icc.query.telemetry.internal;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.telemetry.ConnectorStatus;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchReceivedEvent;
import org.evgrid.icc.query.archive.internal.Memberships;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roll-up work of one processor batch: applies telemetry batches to the pile-day documents and the aggregate day
 * documents in memory, buffers the writes, and flushes them with one ordered bulk write per collection.
 *
 * <p>Exactness and idempotency without transactions:
 * <ul>
 * <li>A pile's value of a slot (energy of a day, order of a session) is versioned: the current version records the
 * batch that set it, superseded versions go to the history in order. A batch whose version is already in the chain
 * (re-delivery) writes nothing to the pile-day document, and its contribution to the aggregates is reconstructed from
 * the chain as (its version − the version before it).</li>
 * <li>Aggregate day documents record the batches applied to them ({@code applied}); a batch's increments are written
 * only if the document has not recorded it (checked in Java on the document read by {@code _id}, the write filters
 * by {@code _id} alone, as the embedded store uses its index only for {@code _id}-only filters).</li>
 * <li>Month documents are set to absolute values computed from the day documents.</li>
 * <li>Flush order: pile days, alarms, aggregate days, months, pile dimensions last (so that a re-delivered batch never
 * sees dimensions from later in the stream); a crash between any two writes is repaired by re-delivery.</li>
 * </ul>
 * Assumes one thread per operator's batches (one segment, or a sequencing policy by operator) and, for the aggregate
 * documents shared by operators (regions, areas, units), one segment.
 */
public final class RollupBatch {

    /** Flush and forget the cached documents when a batch holds more pile-day documents than this. */
    public static final int MAX_CACHED_PILE_DAYS = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(RollupBatch.class);
    private static final int READ_CHUNK = 1000;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);
    private static final List<PileDimension> AGG_DIMENSIONS = List.of(PileDimension.OPERATOR, PileDimension.UNIT,
            PileDimension.DISPATCH_AREA, PileDimension.PROVINCE, PileDimension.CITY, PileDimension.DISTRICT);

    private final MongoDatabase database;
    private final PileDimsCache dims;
    private final CompletenessRule rule;

    private final Map<String, Document> pileDays = new HashMap<>();
    private final Map<String, Update> pileDayWrites = new LinkedHashMap<>();
    private final Map<String, Document> aggDays = new HashMap<>();
    private final Map<String, Update> aggDayWrites = new LinkedHashMap<>();
    private final Set<String> monthsToCompute = new LinkedHashSet<>();
    private final Map<String, Document> dimsWrites = new LinkedHashMap<>();
    private final Map<String, Document> alarmWrites = new LinkedHashMap<>();
    private final Map<String, Long> activePiles = new HashMap<>();
    private final Set<String> touchedKeys = new LinkedHashSet<>();

    /** The rule of completeness alarms: threshold ratio and grace in minutes. */
    public record CompletenessRule(BigDecimal threshold, int graceMinutes) {
    }

    public RollupBatch(MongoDatabase database, PileDimsCache dims, CompletenessRule rule) {
        this.database = database;
        this.dims = dims;
        this.rule = rule;
    }

    /** A buffered update of one document: fields to set, arrays to push to, counters to increment. */
    private static final class Update {
        final Document setOnInsert = new Document();
        final Document set = new Document();
        final Map<String, List<Object>> push = new LinkedHashMap<>();
        final Map<String, Long> inc = new LinkedHashMap<>();

        Document toUpdate() {
            Document update = new Document();
            Document onInsert = new Document(setOnInsert);
            set.keySet().forEach(onInsert::remove);
            if (!onInsert.isEmpty()) {
                update.append("$setOnInsert", onInsert);
            }
            if (!set.isEmpty()) {
                update.append("$set", set);
            }
            if (!inc.isEmpty()) {
                update.append("$inc", new Document(inc));
            }
            if (!push.isEmpty()) {
                Document p = new Document();
                push.forEach((field, values) -> p.append(field, new Document("$each", values)));
                update.append("$push", p);
            }
            return update;
        }
    }

    // ------------------------------------------------------------------ dimensions

    /** Records a pile's dimensions (archive events). */
    public void dims(PileDims value) {
        dims.put(value);
        dimsWrites.put(value.pileId(), value.toDocument());
    }

    /** The dimensions of a pile as of now in the stream. */
    public Optional<PileDims> dimsOf(String pileId) {
        return dims.get(pileId);
    }

    /** The keys touched since the last flush, as {@code DIMENSION|key} (for live listeners). */
    public Set<String> takeTouchedKeys() {
        Set<String> taken = new LinkedHashSet<>(touchedKeys);
        touchedKeys.clear();
        return taken;
    }

    // ------------------------------------------------------------------ telemetry batches

    /** Applies one telemetry batch. */
    public void apply(TelemetryBatchReceivedEvent event) {
        if (event.readingsDocId() == null || event.accepted() == 0) {
            return;
        }
        Document readings = database.getCollection(TelemetryCollections.READINGS)
                .find(Filters.eq("_id", event.readingsDocId())).first();
        if (readings == null) {
            LOG.warn("Readings document {} of batch {} is missing; the batch is not rolled up", event.readingsDocId(),
                    event.batchId());
            return;
        }
        switch (event.kind()) {
            case POWER -> applyPower(event, readings);
            case ENERGY -> applyEnergy(event, readings);
            case ORDERS -> applyOrders(event, readings);
            default -> {
                return;
            }
        }
        if (pileDays.size() > MAX_CACHED_PILE_DAYS) {
            flush();
        }
    }

    private void applyPower(TelemetryBatchReceivedEvent event, Document readings) {
        String batch = event.batchId().value();
        String operator = event.operatorId().value();
        LocalDate day = Slots.day(event.periodStart());
        int slot = Slots.slot(event.periodStart());
        List<String> piles = column(readings, "pile");
        Map<String, Integer> lastIndex = lastIndexByKey(piles);
        dims.load(lastIndex.keySet());
        prefetchPileDocs(lastIndex.keySet(), pile -> Slots.pileHourId(pile, day, slot));
        List<Object> avg = column(readings, "avgW");
        List<Object> max = column(readings, "maxW");
        List<String> status = column(readings, "st");
        List<String> quality = column(readings, "q");
        Map<String, Map<String, Long>> deltas = new LinkedHashMap<>();
        String field = Integer.toString(slot);
        for (Map.Entry<String, Integer> item : lastIndex.entrySet()) {
            String pile = item.getKey();
            int i = item.getValue();
            PileDims pd = dims.get(pile).orElse(null);
            Document version = new Document("a", Units.asLong(avg.get(i))).append("m", Units.asLong(max.get(i)))
                    .append("st", status.get(i)).append("q", quality.get(i)).append("b", batch)
                    .append("u", pd == null ? null : pd.unitId());
            Step step = version(pileDoc(Slots.pileHourId(pile, day, slot), pile, day, operator), "s", field, "h", "slot", slot, version,
                    batch);
            contribute(deltas, pd, operator, day, step, v -> powerContribution(v, field));
        }
        applyDeltas(deltas, batch);
        evaluateCompleteness(operator, day, slot, event.receivedAt());
    }

    private void applyEnergy(TelemetryBatchReceivedEvent event, Document readings) {
        String batch = event.batchId().value();
        String operator = event.operatorId().value();
        LocalDate day = event.day();
        List<String> piles = column(readings, "pile");
        Map<String, Integer> lastIndex = lastIndexByKey(piles);
        dims.load(lastIndex.keySet());
        prefetchPileDays(lastIndex.keySet(), day);
        List<Object> wh = column(readings, "wh");
        List<String> quality = column(readings, "q");
        Map<String, Map<String, Long>> deltas = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> item : lastIndex.entrySet()) {
            String pile = item.getKey();
            int i = item.getValue();
            PileDims pd = dims.get(pile).orElse(null);
            Document version = new Document("wh", Units.asLong(wh.get(i))).append("q", quality.get(i)).append("b", batch)
                    .append("u", pd == null ? null : pd.unitId());
            Step step = version(pileDay(pile, day, operator), null, "e", "eh", null, null, version, batch);
            contribute(deltas, pd, operator, day, step, RollupBatch::energyContribution);
        }
        applyDeltas(deltas, batch);
    }

    private void applyOrders(TelemetryBatchReceivedEvent event, Document readings) {
        String batch = event.batchId().value();
        String operator = event.operatorId().value();
        LocalDate day = event.day();
        List<String> sessions = column(readings, "sid");
        List<String> piles = column(readings, "pile");
        Map<String, Integer> lastIndex = lastIndexByKey(sessions);
        Set<String> pileIds = new LinkedHashSet<>();
        lastIndex.values().forEach(i -> pileIds.add(piles.get(i)));
        dims.load(pileIds);
        prefetchPileDays(pileIds, day);
        List<Object> wh = column(readings, "wh");
        List<Object> energyFen = column(readings, "energyFen");
        List<Object> serviceFen = column(readings, "serviceFen");
        List<Object> totalFen = column(readings, "totalFen");
        Map<String, Map<String, Long>> deltas = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> item : lastIndex.entrySet()) {
            String sid = item.getKey();
            int i = item.getValue();
            String pile = piles.get(i);
            PileDims pd = dims.get(pile).orElse(null);
            Document version = new Document("wh", Units.asLong(wh.get(i))).append("ef", Units.asLong(energyFen.get(i)))
                    .append("sf", Units.asLong(serviceFen.get(i))).append("tf", Units.asLong(totalFen.get(i)))
                    .append("b", batch).append("u", pd == null ? null : pd.unitId());
            Step step = version(pileDay(pile, day, operator), "o", escape(sid), "oh", "sid", sid, version, batch);
            contribute(deltas, pd, operator, day, step, RollupBatch::orderContribution);
        }
        applyDeltas(deltas, batch);
    }

    // ------------------------------------------------------------------ versions

    /** What a batch did to one versioned value: the version before it, its own version, and whether it was new. */
    private record Step(Document previous, Document current) {
    }

    /**
     * Puts a new version of a value of a pile-day document, or, when this batch's version is already in the chain
     * (re-delivery), finds it and the one before it.
     *
     * @param map the sub-document holding the value (null: the value is a top-level field)
     * @param field the value's field in it
     * @param historyField the array of superseded versions
     * @param tagField the field naming the value in a history entry (null for a top-level value)
     */
    private Step version(Document pileDay, String map, String field, String historyField, String tagField, Object tag,
                         Document version, String batch) {
        Document holder = map == null ? pileDay : pileDay.get(map, Document.class);
        if (holder == null) {
            holder = new Document();
            pileDay.put(map, holder);
        }
        Document current = holder.get(field, Document.class);
        List<Document> chain = new ArrayList<>();
        for (Document old : pileDay.getList(historyField, Document.class, List.of())) {
            if (tagField == null || tag.equals(old.get(tagField))) {
                chain.add(old);
            }
        }
        if (current != null) {
            chain.add(current);
        }
        for (int k = 0; k < chain.size(); k++) {
            if (batch.equals(chain.get(k).getString("b"))) {
                return new Step(k > 0 ? chain.get(k - 1) : null, chain.get(k));
            }
        }
        holder.put(field, version);
        Update write = pileDayWrites.computeIfAbsent(pileDay.getString("_id"), id -> newPileDayUpdate(pileDay));
        write.set.put(map == null ? field : map + "." + field, version);
        if (current != null) {
            Document superseded = new Document(current);
            if (tagField != null) {
                superseded.put(tagField, tag);
            }
            List<Document> history = new ArrayList<>(pileDay.getList(historyField, Document.class, List.of()));
            history.add(superseded);
            pileDay.put(historyField, history);
            write.push.computeIfAbsent(historyField, h -> new ArrayList<>()).add(superseded);
        }
        return new Step(current, version);
    }

    private static Update newPileDayUpdate(Document pileDay) {
        Update update = new Update();
        update.setOnInsert.append("pile", pileDay.getString("pile")).append("day", pileDay.getString("day"))
                .append("op", pileDay.getString("op"));
        return update;
    }

    private Document pileDay(String pile, LocalDate day, String operator) {
        return pileDoc(Slots.pileDayId(pile, day), pile, day, operator);
    }

    private Document pileDoc(String id, String pile, LocalDate day, String operator) {
        return pileDays.computeIfAbsent(id, key -> new Document("_id", key).append("pile", pile).append("day", Slots.dayKey(day))
                .append("op", operator));
    }

    private void prefetchPileDays(Collection<String> piles, LocalDate day) {
        prefetchPileDocs(piles, pile -> Slots.pileDayId(pile, day));
    }

    private void prefetchPileDocs(Collection<String> piles, Function<String, String> idOf) {
        List<String> ids = new ArrayList<>();
        for (String pile : piles) {
            String id = idOf.apply(pile);
            if (!pileDays.containsKey(id)) {
                ids.add(id);
            }
        }
        readInto(TelemetryCollections.PILE_DAYS, ids, pileDays, pileDayWrites.keySet());
    }

    private void readInto(String collection, List<String> ids, Map<String, Document> into, Set<String> pending) {
        if (ids.isEmpty()) {
            return;
        }
        if (ids.stream().anyMatch(pending::contains)) {
            flush();
        }
        for (int from = 0; from < ids.size(); from += READ_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + READ_CHUNK));
            for (Document d : database.getCollection(collection).find(Filters.in("_id", chunk))) {
                into.put(d.getString("_id"), d);
            }
        }
    }

    // ------------------------------------------------------------------ contributions

    private interface Contribution {
        Map<String, Long> of(Document version);
    }

    private static Map<String, Long> powerContribution(Document v, String slot) {
        Map<String, Long> c = new LinkedHashMap<>();
        DataQuality q = DataQuality.valueOf(v.getString("q"));
        c.put("w." + slot, q == DataQuality.OK || q == DataQuality.ESTIMATED ? Units.asLong(v.get("a")) : 0L);
        c.put("r." + slot, q != DataQuality.MISSING ? 1L : 0L);
        c.put("n." + slot, ConnectorStatus.valueOf(v.getString("st")).online() ? 1L : 0L);
        return c;
    }

    private static Map<String, Long> energyContribution(Document v) {
        DataQuality q = DataQuality.valueOf(v.getString("q"));
        return Map.of("mwh", q == DataQuality.OK || q == DataQuality.ESTIMATED ? Units.asLong(v.get("wh")) : 0L);
    }

    private static Map<String, Long> orderContribution(Document v) {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("oc", 1L);
        c.put("owh", Units.asLong(v.get("wh")));
        c.put("oef", Units.asLong(v.get("ef")));
        c.put("osf", Units.asLong(v.get("sf")));
        c.put("otf", Units.asLong(v.get("tf")));
        return c;
    }

    /** Adds (current − previous) of a step to the aggregate day documents of the pile's keys. */
    private void contribute(Map<String, Map<String, Long>> deltas, PileDims pd, String operator, LocalDate day, Step step,
                            Contribution contribution) {
        Map<PileDimension, String> fixed = pd != null ? pd.fixedKeys() : Map.of(PileDimension.OPERATOR, operator);
        Map<String, Long> now = contribution.of(step.current());
        Map<String, Long> before = step.previous() == null ? Map.of() : contribution.of(step.previous());
        for (Map.Entry<PileDimension, String> key : fixed.entrySet()) {
            String id = Slots.aggDayId(key.getKey(), key.getValue(), day);
            add(deltas, id, now, 1);
            add(deltas, id, before, -1);
        }
        String unitNow = step.current().getString("u");
        if (unitNow != null) {
            add(deltas, Slots.aggDayId(PileDimension.UNIT, unitNow, day), now, 1);
        }
        String unitBefore = step.previous() == null ? null : step.previous().getString("u");
        if (unitBefore != null) {
            add(deltas, Slots.aggDayId(PileDimension.UNIT, unitBefore, day), before, -1);
        }
    }

    private static void add(Map<String, Map<String, Long>> deltas, String id, Map<String, Long> values, int sign) {
        Map<String, Long> target = deltas.computeIfAbsent(id, k -> new LinkedHashMap<>());
        values.forEach((field, value) -> target.merge(field, sign * value, Long::sum));
    }

    /** Applies one batch's deltas to every aggregate day document that has not recorded the batch. */
    private void applyDeltas(Map<String, Map<String, Long>> deltas, String batch) {
        deltas.values().forEach(fields -> fields.values().removeIf(v -> v == 0L));
        deltas.values().removeIf(Map::isEmpty);
        prefetchAggDays(deltas.keySet());
        for (Map.Entry<String, Map<String, Long>> entry : deltas.entrySet()) {
            String id = entry.getKey();
            Document doc = aggDay(id);
            List<String> applied = new ArrayList<>(doc.getList("applied", String.class, List.of()));
            if (applied.contains(batch)) {
                continue;
            }
            applied.add(batch);
            doc.put("applied", applied);
            Update write = aggDayWrites.computeIfAbsent(id, RollupBatch::newAggDayUpdate);
            write.push.computeIfAbsent("applied", f -> new ArrayList<>()).add(batch);
            entry.getValue().forEach((field, delta) -> {
                write.inc.merge(field, delta, Long::sum);
                incrementInMemory(doc, field, delta);
            });
            monthsToCompute.add(id);
            touchedKeys.add(keyOf(id));
        }
    }

    private static Update newAggDayUpdate(String id) {
        String[] parts = id.split("\\|");
        Update update = new Update();
        update.setOnInsert.append("dim", parts[1]).append("key", parts[2]).append("day", parts[3]);
        return update;
    }

    private static void incrementInMemory(Document doc, String field, long delta) {
        int dot = field.indexOf('.');
        if (dot < 0) {
            doc.put(field, Units.asLong(doc.get(field)) + delta);
            return;
        }
        String map = field.substring(0, dot);
        Document sub = doc.get(map, Document.class);
        if (sub == null) {
            sub = new Document();
            doc.put(map, sub);
        }
        String key = field.substring(dot + 1);
        sub.put(key, Units.asLong(sub.get(key)) + delta);
    }

    private Document aggDay(String id) {
        return aggDays.computeIfAbsent(id, key -> {
            String[] parts = key.split("\\|");
            return new Document("_id", key).append("dim", parts[1]).append("key", parts[2]).append("day", parts[3]);
        });
    }

    private void prefetchAggDays(Collection<String> ids) {
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (!aggDays.containsKey(id)) {
                missing.add(id);
            }
        }
        readInto(TelemetryCollections.AGG_DAYS, missing, aggDays, aggDayWrites.keySet());
    }

    private static String keyOf(String aggDayId) {
        String[] parts = aggDayId.split("\\|");
        return parts[1] + "|" + parts[2];
    }

    // ------------------------------------------------------------------ completeness alarms

    /**
     * Evaluates an operator's intervals of the day that ended at least the grace before the interval now arriving
     * (from the first interval of the day with data), once each; raises an alarm where reporting / active piles is
     * below the threshold.
     */
    private void evaluateCompleteness(String operator, LocalDate day, int arrivingSlot, Instant at) {
        int lastDue = arrivingSlot - 1 - (rule.graceMinutes() + 4) / 5;
        if (lastDue < 0) {
            return;
        }
        String id = Slots.aggDayId(PileDimension.OPERATOR, operator, day);
        prefetchAggDays(List.of(id));
        Document doc = aggDay(id);
        Document reporting = doc.get("r", Document.class);
        if (reporting == null) {
            return;
        }
        Document evaluated = doc.get("ev", Document.class);
        if (evaluated == null) {
            evaluated = new Document();
            doc.put("ev", evaluated);
        }
        int first = -1;
        for (int s = 0; s <= lastDue && first < 0; s++) {
            if (reporting.containsKey(Integer.toString(s))) {
                first = s;
            }
        }
        if (first < 0) {
            return;
        }
        Update write = null;
        for (int s = first; s <= lastDue; s++) {
            String field = Integer.toString(s);
            if (evaluated.containsKey(field)) {
                continue;
            }
            long active = activePiles.computeIfAbsent(operator,
                    op -> Memberships.totalPiles(database, PileDimension.OPERATOR, op));
            long count = Units.asLong(reporting.get(field));
            evaluated.put(field, count);
            if (write == null) {
                write = aggDayWrites.computeIfAbsent(id, RollupBatch::newAggDayUpdate);
            }
            write.set.put("ev." + field, count);
            if (active > 0 && BigDecimal.valueOf(count).compareTo(rule.threshold().multiply(BigDecimal.valueOf(active))) < 0) {
                alarmWrites.put(operator + "|" + Slots.minuteKey(day, s), alarm(operator, day, s, count, active, at));
            }
        }
    }

    private Document alarm(String operator, LocalDate day, int slot, long reporting, long active, Instant at) {
        Instant start = Slots.start(day, slot);
        BigDecimal ratio = Units.ratio(BigDecimal.valueOf(reporting), BigDecimal.valueOf(active));
        String percent = ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        String threshold = rule.threshold().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        String minute = Slots.minuteKey(day, slot);
        String local = minute.substring(0, 4) + "-" + minute.substring(4, 6) + "-" + minute.substring(6, 8) + " "
                + minute.substring(8, 10) + ":" + minute.substring(10, 12);
        return new Document("op", operator).append("interval", Date.from(start))
                .append("time", Date.from(at)).append("type", "TELEMETRY_INCOMPLETE")
                .append("level", ratio.compareTo(rule.threshold().divide(BigDecimal.valueOf(2))) < 0 ? "MAJOR" : "WARNING")
                .append("status", "OPEN").append("module", "telemetry-rollups")
                .append("title", "运营商 " + operator + " 功率数据上报不完整 / Operator " + operator + " power data incomplete")
                .append("details", local + " 上报 " + reporting + "/" + active + " 台 (" + percent + ")，低于阈值 " + threshold
                        + " / " + local + ": " + reporting + " of " + active + " piles reported (" + percent
                        + "), below the threshold of " + threshold)
                .append("occurrences", 1).append("firstTime", Date.from(at)).append("repeats", 0)
                .append("reporting", reporting).append("active", active).append("ratio", ratio.toPlainString());
    }

    // ------------------------------------------------------------------ flush

    /** Writes everything buffered: one ordered bulk write per collection, and the months derived from the day documents. */
    public void flush() {
        write(TelemetryCollections.PILE_DAYS, updates(pileDayWrites));
        List<WriteModel<Document>> alarms = new ArrayList<>();
        alarmWrites.forEach((id, fields) -> alarms.add(
                new UpdateOneModel<>(Filters.eq("_id", id), new Document("$setOnInsert", fields), UPSERT)));
        alarmWrites.clear();
        write(TelemetryCollections.ALARMS, alarms);
        write(TelemetryCollections.AGG_DAYS, updates(aggDayWrites));
        write(TelemetryCollections.AGG_MONTHS, months());
        write(TelemetryCollections.PILE_DIMS, replaceAll(dimsWrites));
        pileDays.clear();
        aggDays.clear();
        activePiles.clear();
    }

    private List<WriteModel<Document>> replaceAll(Map<String, Document> docs) {
        List<WriteModel<Document>> models = new ArrayList<>();
        docs.forEach((id, doc) -> models.add(new ReplaceOneModel<>(Filters.eq("_id", id), doc,
                new ReplaceOptions().upsert(true))));
        docs.clear();
        return models;
    }

    private static List<WriteModel<Document>> updates(Map<String, Update> buffered) {
        List<WriteModel<Document>> models = new ArrayList<>();
        buffered.forEach((id, update) -> models.add(new UpdateOneModel<>(Filters.eq("_id", id), update.toUpdate(), UPSERT)));
        buffered.clear();
        return models;
    }

    /** The day entries of the month documents, recomputed from the aggregate day documents as they now stand. */
    private List<WriteModel<Document>> months() {
        List<WriteModel<Document>> models = new ArrayList<>();
        for (String id : monthsToCompute) {
            Document day = aggDays.get(id);
            if (day == null) {
                continue;
            }
            LocalDate date = LocalDate.parse(day.getString("day"), DateTimeFormatter.BASIC_ISO_DATE);
            PileDimension dimension = PileDimension.valueOf(day.getString("dim"));
            String monthId = Slots.aggMonthId(dimension, day.getString("key"), date);
            models.add(new UpdateOneModel<>(Filters.eq("_id", monthId), new Document("$set",
                    new Document("d." + Slots.dayOfMonthField(date), DayFigures.of(day).toDocument()))
                    .append("$setOnInsert", new Document("dim", dimension.name()).append("key", day.getString("key"))
                            .append("month", monthId.substring(monthId.lastIndexOf('|') + 1))), UPSERT));
        }
        monthsToCompute.clear();
        return models;
    }

    private void write(String collection, List<WriteModel<Document>> models) {
        if (!models.isEmpty()) {
            database.getCollection(collection).bulkWrite(models, ORDERED);
        }
    }

    // ------------------------------------------------------------------ helpers

    @SuppressWarnings("unchecked")
    private static <T> List<T> column(Document readings, String name) {
        Object value = readings.get(name);
        return value instanceof List<?> list ? (List<T>) list : List.of();
    }

    private static Map<String, Integer> lastIndexByKey(List<String> keys) {
        Map<String, Integer> last = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            last.remove(keys.get(i));
            last.put(keys.get(i), i);
        }
        return last;
    }

    /** A session id usable as a field name ({@code %}, {@code .} and {@code $} escaped). */
    public static String escape(String sid) {
        return sid.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }
}
