package org.evgrid.icc.query.archive;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.StationDecommissionedEvent;
import org.evgrid.icc.coreapi.archive.StationRegisteredEvent;
import org.evgrid.icc.coreapi.archive.StationStatus;
import org.evgrid.icc.coreapi.archive.StationUpdatedEvent;
import org.evgrid.icc.query.archive.internal.ArchiveCollections;
import org.evgrid.icc.query.archive.internal.ArchiveDocuments;
import org.evgrid.icc.query.archive.internal.ArchiveWriter;
import org.evgrid.icc.query.archive.internal.Memberships;
import org.springframework.stereotype.Component;

/**
 * Read model of charging stations ({@code arch_stations}, {@code _id} = station id) and of each operator's stations
 * in service ({@code arch_station_members}, {@code _id} = {@code <operatorId>|<bucket>}).
 */
@Component
@ProcessingGroup(ArchiveProcessing.GROUP)
public class StationArchiveProjection {

    private final MongoDatabase database;

    public StationArchiveProjection(MongoDatabase database) {
        this.database = database;
    }

    @EventHandler
    public void on(StationRegisteredEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        String stationId = event.stationId().value();
        ArchiveWriter.within(database, writer -> {
            writer.insertIfAbsent(ArchiveCollections.STATIONS, stationId, ArchiveDocuments.newStation(event, seq, at));
            writer.member(ArchiveCollections.STATION_MEMBERS, stationBucket(event.operatorId().value(), stationId),
                    Memberships.STATIONS_FIELD, stationId, true);
        });
    }

    @EventHandler
    public void on(StationUpdatedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        change(event.stationId().value(), seq, at, new Document(ArchiveDocuments.NAME, event.name())
                .append(ArchiveDocuments.LOCATION, ArchiveDocuments.location(event.location())));
    }

    @EventHandler
    public void on(StationDecommissionedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        String stationId = event.stationId().value();
        ArchiveWriter.within(database, writer -> writer.member(ArchiveCollections.STATION_MEMBERS,
                stationBucket(event.operatorId().value(), stationId), Memberships.STATIONS_FIELD, stationId, false));
        change(stationId, seq, at, new Document(ArchiveDocuments.STATUS, StationStatus.DECOMMISSIONED.name()));
    }

    @ResetHandler
    public void reset() {
        database.getCollection(ArchiveCollections.STATIONS).drop();
        database.getCollection(ArchiveCollections.STATION_MEMBERS).drop();
    }

    private static String stationBucket(String operatorId, String stationId) {
        return Memberships.stationBucketId(operatorId, Memberships.bucket(stationId));
    }

    private void change(String stationId, long seq, Instant at, Document fields) {
        ArchiveWriter.within(database, writer -> {
            Optional<Document> current = writer.find(ArchiveCollections.STATIONS, stationId);
            if (current.isPresent() && ArchiveDocuments.seq(current.get()) < seq) {
                writer.set(ArchiveCollections.STATIONS, stationId, fields
                        .append(ArchiveDocuments.SEQ, seq)
                        .append(ArchiveDocuments.UPDATED_AT, ArchiveDocuments.date(at)));
            }
        });
    }
}
