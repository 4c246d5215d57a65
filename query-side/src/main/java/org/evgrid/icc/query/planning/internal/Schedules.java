package org.evgrid.icc.query.planning.internal;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.evgrid.icc.query.telemetry.internal.Units;

/**
 * Reads the per-pile dispatch schedules ({@code dispatch_schedules}, layout in docs/dispatch-schedules.md): the index
 * document {@code <planId>|v<version>} and the chunk documents {@code <planId>|v<version>|<operatorId>|<chunk>}.
 */
public final class Schedules {

    /** The collection written by the command side. */
    public static final String COLLECTION = "dispatch_schedules";
    /** Versions looked up per read when the highest version is searched for. */
    private static final int VERSION_PROBE = 32;
    private static final int QUARTERS = 96;

    /** One pile's planned power in an interval, and whether the plan counted it online (not excluded). */
    public record PlannedPile(String pileId, String operatorId, long plannedW, boolean excluded) {
    }

    /** A schedule's version and its piles' planned power in one interval (piles in operator, then pile id order). */
    public record Interval(int version, int piles, List<PlannedPile> planned) {
    }

    private Schedules() {
    }

    /** {@code <planId>|v<version>}. */
    public static String indexId(String planId, int version) {
        return planId + "|v" + version;
    }

    /** {@code <planId>|v<version>|<operatorId>|<chunk, 4 digits>}. */
    public static String chunkId(String planId, int version, String operatorId, int chunk) {
        return indexId(planId, version) + "|" + operatorId + "|" + String.format("%04d", chunk);
    }

    /**
     * The index document of a plan version; for version 0 or less, the highest version stored (v1, v2, … probed by
     * {@code _id} until one is missing). Null when there is none.
     */
    public static Document index(MongoDatabase database, String planId, int version) {
        if (version > 0) {
            return PlanningReads.one(database, COLLECTION, indexId(planId, version));
        }
        Document highest = null;
        for (int from = 1; ; from += VERSION_PROBE) {
            List<String> ids = new ArrayList<>();
            for (int v = from; v < from + VERSION_PROBE; v++) {
                ids.add(indexId(planId, v));
            }
            Map<String, Document> found = PlanningReads.byIds(database, COLLECTION, ids);
            for (int v = from; v < from + VERSION_PROBE; v++) {
                Document d = found.get(indexId(planId, v));
                if (d == null) {
                    return highest;
                }
                highest = d;
            }
        }
    }

    /** The planned power of every pile of a schedule in one interval. */
    public static Interval interval(MongoDatabase database, Document index, int interval) {
        String planId = index.getString("planId");
        int version = (int) Units.asLong(index.get("version"));
        List<String> chunkIds = new ArrayList<>();
        for (Document op : index.getList("operators", Document.class, List.of())) {
            int chunks = (int) Units.asLong(op.get("chunks"));
            for (int c = 0; c < chunks; c++) {
                chunkIds.add(chunkId(planId, version, op.getString("operatorId"), c));
            }
        }
        List<PlannedPile> planned = new ArrayList<>();
        for (int from = 0; from < chunkIds.size(); from += PlanningReads.CHUNK) {
            List<String> batch = chunkIds.subList(from, Math.min(chunkIds.size(), from + PlanningReads.CHUNK));
            Map<String, Document> chunks = PlanningReads.byIds(database, COLLECTION, batch);
            for (String id : batch) {
                Document chunk = chunks.get(id);
                if (chunk == null) {
                    continue;
                }
                String operator = chunk.getString("operatorId");
                List<String> piles = chunk.getList("pileIds", String.class, List.of());
                List<?> w = chunk.get("w", List.class);
                List<String> reasons = chunk.getList("reasons", String.class, List.of());
                for (int i = 0; i < piles.size(); i++) {
                    int at = i * QUARTERS + interval;
                    long watts = w != null && at < w.size() ? Units.asLong(w.get(at)) : 0L;
                    boolean excluded = i < reasons.size() && reasons.get(i) != null && reasons.get(i).contains("OFFLINE_EXCLUDED");
                    planned.add(new PlannedPile(piles.get(i), operator, watts, excluded));
                }
            }
        }
        return new Interval(version, (int) Units.asLong(index.get("piles")), planned);
    }
}
