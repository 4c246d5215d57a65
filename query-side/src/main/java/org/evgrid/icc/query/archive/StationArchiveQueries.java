package org.evgrid.icc.query.archive;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.FindStationQuery;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.archive.StationView;
import org.evgrid.icc.query.archive.internal.ArchiveAccess;
import org.evgrid.icc.query.archive.internal.ArchiveCollections;
import org.evgrid.icc.query.archive.internal.ArchiveDocuments;
import org.evgrid.icc.query.archive.internal.ArchiveErrors;
import org.evgrid.icc.query.archive.internal.Memberships;
import org.springframework.stereotype.Component;

/** Answers station queries from {@code arch_stations}; the pile count is the station's membership size. */
@Component
public class StationArchiveQueries {

    private final MongoDatabase database;

    public StationArchiveQueries(MongoDatabase database) {
        this.database = database;
    }

    @QueryHandler
    public StationView find(FindStationQuery query) {
        ArchiveAccess access = ArchiveAccess.of(query.viewer());
        if (query.stationId() == null) {
            throw ArchiveErrors.missing("stationId");
        }
        String stationId = query.stationId().value();
        Document station = database.getCollection(ArchiveCollections.STATIONS).find(Filters.eq("_id", stationId)).first();
        if (station == null || !access.sees(station.getString(ArchiveDocuments.OPERATOR_ID), ArchiveDocuments.readRegion(station))) {
            throw ArchiveErrors.stationNotFound(stationId);
        }
        return ArchiveDocuments.stationView(station, Memberships.totalPiles(database, PileDimension.STATION, stationId));
    }
}
