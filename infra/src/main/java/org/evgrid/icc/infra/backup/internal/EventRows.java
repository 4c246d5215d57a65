package org.evgrid.icc.infra.backup.internal;

import java.sql.Blob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rows of Axon's JDBC event tables ({@code DomainEventEntry}, {@code SnapshotEventEntry}; Axon's default column names) as
 * JSON objects: text and numbers as they are, payload and metadata (BLOBs) as base64 of their exact bytes.
 */
public final class EventRows {

    /** The event table. */
    public static final String EVENTS = "DomainEventEntry";
    /** The snapshot table. */
    public static final String SNAPSHOTS = "SnapshotEventEntry";

    /** Columns of the event table, in order. */
    public static final List<String> EVENT_COLUMNS = List.of("globalIndex", "eventIdentifier", "aggregateIdentifier", "sequenceNumber",
            "type", "timeStamp", "payloadType", "payloadRevision", "payload", "metaData");
    /** Columns of the snapshot table, in order. */
    public static final List<String> SNAPSHOT_COLUMNS = EVENT_COLUMNS.subList(1, EVENT_COLUMNS.size());

    private static final List<String> NUMBERS = List.of("globalIndex", "sequenceNumber");
    private static final List<String> BYTES = List.of("payload", "metaData");
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventRows() {
    }

    /** The current row as one line of JSON. */
    public static String toJson(ResultSet rs, List<String> columns) throws SQLException {
        ObjectNode node = JSON.createObjectNode();
        for (String c : columns) {
            if (NUMBERS.contains(c)) {
                long v = rs.getLong(c);
                if (rs.wasNull()) {
                    node.putNull(c);
                } else {
                    node.put(c, v);
                }
            } else if (BYTES.contains(c)) {
                byte[] bytes = bytesOf(rs.getObject(c));
                if (bytes == null) {
                    node.putNull(c);
                } else {
                    node.put(c, Base64.getEncoder().encodeToString(bytes));
                }
            } else {
                node.put(c, rs.getString(c));
            }
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytesOf(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        throw new IllegalStateException("unexpected column type " + value.getClass());
    }

    /** The statement that inserts a row unless one with the same key is there (H2 {@code MERGE … KEY}). */
    public static String mergeSql(String table, List<String> columns, String key) {
        return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + key + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    }

    /** Binds one JSON row to the parameters of {@link #mergeSql}. */
    public static void bind(PreparedStatement ps, List<String> columns, String line) throws SQLException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON row: " + e.getOriginalMessage(), e);
        }
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            JsonNode v = node.get(c);
            if (v == null || v.isNull()) {
                ps.setNull(i + 1, NUMBERS.contains(c) ? Types.BIGINT : BYTES.contains(c) ? Types.BLOB : Types.VARCHAR);
            } else if (NUMBERS.contains(c)) {
                ps.setLong(i + 1, v.asLong());
            } else if (BYTES.contains(c)) {
                ps.setBytes(i + 1, Base64.getDecoder().decode(v.asText()));
            } else {
                ps.setString(i + 1, v.asText());
            }
        }
    }
}
