package org.evgrid.icc.command.telemetry.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.evgrid.icc.coreapi.telemetry.TelemetryKind;

/**
 * The readings store layout of docs/telemetry-store.md: collection {@value #COLLECTION}, one document per batch with
 * the accepted items column-wise, and the canonical lines the Merkle root is computed over. The lines are always
 * derived from a document's columns, so the root of a stored document can be recomputed by anyone.
 */
public final class ReadingsLayout {

    /** The readings collection. */
    public static final String COLLECTION = "tel_readings";
    /** The market's time zone: periods and days are local to it. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Map<TelemetryKind, List<String>> COLUMNS = new EnumMap<>(Map.of(
            TelemetryKind.POWER, List.of("pile", "avgW", "maxW", "st", "soc", "con", "q"),
            TelemetryKind.ENERGY, List.of("pile", "wh", "sharpWh", "peakWh", "flatWh", "valleyWh", "q"),
            TelemetryKind.ORDERS, List.of("sid", "pile", "con", "start", "end", "wh", "energyFen", "serviceFen", "totalFen", "ut"),
            TelemetryKind.STATUS, List.of("pile", "con", "st", "at")));

    private ReadingsLayout() {
    }

    /** The item columns of a kind, in canonical order. */
    public static List<String> columns(TelemetryKind kind) {
        return COLUMNS.get(kind);
    }

    /**
     * The document id: {@code <operatorId>|<KIND>|<period>|<batchId>}, period being the local interval start
     * {@code yyyyMMddHHmm} for POWER and the local day {@code yyyyMMdd} otherwise.
     */
    public static String docId(String operatorId, TelemetryKind kind, Instant intervalStart, LocalDate day, String batchId) {
        String period = kind == TelemetryKind.POWER ? MINUTE.format(intervalStart) : DAY.format(day);
        return operatorId + "|" + kind.name() + "|" + period + "|" + batchId;
    }

    /** Empty column arrays of a kind, in canonical order. */
    public static List<List<Object>> emptyColumns(TelemetryKind kind, int capacity) {
        List<List<Object>> columns = new ArrayList<>();
        for (int i = 0; i < columns(kind).size(); i++) {
            columns.add(new ArrayList<>(capacity));
        }
        return columns;
    }

    /** The document of a batch, without its Merkle root. */
    public static Document document(String docId, String operatorId, TelemetryKind kind, String batchId, Instant period,
                                    LocalDate day, Instant receivedAt, List<List<Object>> columns) {
        Document doc = new Document("_id", docId)
                .append("op", operatorId)
                .append("kind", kind.name())
                .append("batch", batchId)
                .append("period", Date.from(period))
                .append("day", day.toString())
                .append("receivedAt", Date.from(receivedAt))
                .append("merkleRoot", null)
                .append("n", columns.get(0).size());
        List<String> names = columns(kind);
        for (int c = 0; c < names.size(); c++) {
            doc.append(names.get(c), columns.get(c));
        }
        return doc;
    }

    /**
     * The canonical lines of a document's items: each item's columns in canonical order joined by {@code |}; integers
     * as they are, dates as epoch milliseconds, {@code null} as empty.
     */
    public static List<String> canonicalLines(Document doc) {
        TelemetryKind kind = TelemetryKind.valueOf(doc.getString("kind"));
        List<String> names = columns(kind);
        List<List<Object>> columns = new ArrayList<>(names.size());
        for (String name : names) {
            columns.add(doc.getList(name, Object.class));
        }
        int n = columns.get(0).size();
        List<String> lines = new ArrayList<>(n);
        StringBuilder line = new StringBuilder(64);
        for (int i = 0; i < n; i++) {
            line.setLength(0);
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    line.append('|');
                }
                Object value = columns.get(c).get(i);
                if (value instanceof Date date) {
                    line.append(date.getTime());
                } else if (value != null) {
                    line.append(value);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The Merkle root of a document's items, recomputed from its columns. */
    public static String merkleRoot(Document doc) {
        return MerkleTree.rootHex(canonicalLines(doc));
    }
}
