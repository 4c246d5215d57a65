package org.evgrid.icc.query.dispatch.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.dispatch.AllocationReason;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.PileScheduleView;

/**
 * Reads the command side's per-pile schedule store (collection {@value #COLLECTION}, layout in
 * docs/dispatch-schedules.md): the index document {@code <planId>|v<version>} and the chunk documents
 * {@code <planId>|v<version>|<operatorId>|<chunk>} of at most {@value #CHUNK} piles each, every read by {@code _id}.
 */
public final class ScheduleStore {

    /** The command side's schedule collection. */
    public static final String COLLECTION = "dispatch_schedules";
    /** Piles per full chunk. */
    public static final int CHUNK = 1000;
    private static final int INTERVALS = 96;

    private final MongoCollection<Document> schedules;

    public ScheduleStore(MongoDatabase database) {
        this.schedules = database.getCollection(COLLECTION);
    }

    /** The index document of a plan version, or null. */
    public Document index(DispatchPlanId planId, int version) {
        return schedules.find(Filters.eq("_id", planId.value() + "|v" + version)).first();
    }

    /** The operator entry of the index, or null. */
    public static Document operatorEntry(Document index, String operatorId) {
        return index.getList("operators", Document.class, List.of()).stream()
                .filter(o -> operatorId.equals(o.getString("operatorId"))).findFirst().orElse(null);
    }

    /** The operators of the index, in operator id order. */
    public static List<String> operators(Document index) {
        return index.getList("operators", Document.class, List.of()).stream().map(o -> o.getString("operatorId")).toList();
    }

    private static String chunkKey(DispatchPlanId planId, int version, String operatorId, int chunk) {
        return planId.value() + "|v" + version + "|" + operatorId + "|" + String.format("%04d", chunk);
    }

    /** One pile's schedule under an operator (binary search of {@code firstPiles}, one chunk read), or null. */
    public PileScheduleView pile(DispatchPlanId planId, int version, Document operatorEntry, PileId pileId) {
        List<String> firstPiles = operatorEntry.getList("firstPiles", String.class, List.of());
        int at = Collections.binarySearch(firstPiles, pileId.value());
        int chunk = at >= 0 ? at : -at - 2;
        if (chunk < 0) {
            return null;
        }
        String operatorId = operatorEntry.getString("operatorId");
        Document doc = schedules.find(Filters.eq("_id", chunkKey(planId, version, operatorId, chunk))).first();
        if (doc == null) {
            return null;
        }
        List<String> pileIds = doc.getList("pileIds", String.class, List.of());
        int i = Collections.binarySearch(pileIds, pileId.value());
        return i < 0 ? null : view(planId, version, operatorId, doc, i);
    }

    /** The schedules of an operator's piles {@code [from, to)} in pile id order. */
    public List<PileScheduleView> range(DispatchPlanId planId, int version, Document operatorEntry, int from, int to) {
        String operatorId = operatorEntry.getString("operatorId");
        int chunks = operatorEntry.getInteger("chunks", 0);
        List<PileScheduleView> items = new ArrayList<>();
        if (from >= to) {
            return items;
        }
        int firstChunk = from / CHUNK;
        int lastChunk = (to - 1) / CHUNK;
        List<String> keys = new ArrayList<>();
        for (int c = firstChunk; c <= lastChunk && c < chunks; c++) {
            keys.add(chunkKey(planId, version, operatorId, c));
        }
        List<Document> docs = new ArrayList<>();
        schedules.find(Filters.in("_id", keys)).forEach(docs::add);
        docs.sort((a, b) -> a.getString("_id").compareTo(b.getString("_id")));
        boolean full = docs.size() == keys.size() && docs.stream().allMatch(d -> d.getInteger("chunk", -1) == chunks - 1
                || d.getList("pileIds", String.class, List.of()).size() == CHUNK);
        int offset = firstChunk * CHUNK;
        if (!full) {
            // chunks are not all full: read the operator's chunks in order and count
            docs.clear();
            List<String> all = new ArrayList<>();
            for (int c = 0; c < chunks; c++) {
                all.add(chunkKey(planId, version, operatorId, c));
            }
            schedules.find(Filters.in("_id", all)).forEach(docs::add);
            docs.sort((a, b) -> a.getString("_id").compareTo(b.getString("_id")));
            offset = 0;
        }
        for (Document doc : docs) {
            List<String> pileIds = doc.getList("pileIds", String.class, List.of());
            for (int i = 0; i < pileIds.size(); i++, offset++) {
                if (offset >= from && offset < to) {
                    items.add(view(planId, version, operatorId, doc, i));
                }
            }
        }
        return items;
    }

    private static PileScheduleView view(DispatchPlanId planId, int version, String operatorId, Document chunk, int i) {
        List<?> w = chunk.getList("w", Object.class, List.of());
        List<BigDecimal> kw = new ArrayList<>(INTERVALS);
        for (int k = 0; k < INTERVALS; k++) {
            Object value = i * INTERVALS + k < w.size() ? w.get(i * INTERVALS + k) : null;
            kw.add(value instanceof Number n ? BigDecimal.valueOf(n.longValue(), 3) : null);
        }
        List<String> reasons = chunk.getList("reasons", String.class, List.of());
        Map<AllocationReason, Integer> counts = ScheduleExplanations.parse(i < reasons.size() ? reasons.get(i) : null);
        return new PileScheduleView(planId, version, new PileId(chunk.getList("pileIds", String.class).get(i)), new OperatorId(operatorId),
                kw, counts, ScheduleExplanations.zh(counts), ScheduleExplanations.en(counts));
    }
}
