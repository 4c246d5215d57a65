package org.evgrid.icc.infra.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * The global positions of one stream's events in the JDBC event store, by event id: one indexed lookup by aggregate
 * identifier (Axon reads a stream without telling positions). Without a JDBC store (Axon Server) positions are unknown.
 */
public final class EventPositions {

    private final DataSource dataSource;
    private final EventSchema schema = EventSchema.builder().build();

    public EventPositions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Event id → global position of the stream's events; empty if the store cannot tell. */
    public Map<String, Long> of(String streamId) {
        Map<String, Long> positions = new HashMap<>();
        if (dataSource == null) {
            return positions;
        }
        String sql = "SELECT " + schema.globalIndexColumn() + ", " + schema.eventIdentifierColumn() + " FROM "
                + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, streamId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    positions.put(rs.getString(2), rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            positions.clear();
        }
        return positions;
    }
}
