package org.evgrid.icc.query.archive;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.AggregationUnitList;
import org.evgrid.icc.coreapi.archive.AggregationUnitView;
import org.evgrid.icc.coreapi.archive.FindAggregationUnitQuery;
import org.evgrid.icc.coreapi.archive.FindAggregationUnitsQuery;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.query.archive.internal.ArchiveAccess;
import org.evgrid.icc.query.archive.internal.ArchiveCollections;
import org.evgrid.icc.query.archive.internal.ArchiveDocuments;
import org.evgrid.icc.query.archive.internal.ArchiveErrors;
import org.evgrid.icc.query.archive.internal.Memberships;
import org.springframework.stereotype.Component;

/**
 * Answers aggregation unit queries from {@code arch_units}. A unit's pile count is its membership size; its rated power
 * is the sum over its member piles, read by {@code _id}. Only viewers that see all archives may ask.
 */
@Component
public class AggregationUnitQueries {

    private static final int READ_CHUNK = 500;

    private final MongoDatabase database;

    public AggregationUnitQueries(MongoDatabase database) {
        this.database = database;
    }

    @QueryHandler
    public AggregationUnitView find(FindAggregationUnitQuery query) {
        ArchiveAccess.of(query.viewer()).requireAll("unitId");
        if (query.unitId() == null) {
            throw ArchiveErrors.missing("unitId");
        }
        String unitId = query.unitId().value();
        Document unit = database.getCollection(ArchiveCollections.UNITS).find(Filters.eq("_id", unitId)).first();
        if (unit == null) {
            throw ArchiveErrors.unitNotFound(unitId);
        }
        return view(unit);
    }

    @QueryHandler
    public AggregationUnitList find(FindAggregationUnitsQuery query) {
        ArchiveAccess.of(query.viewer()).requireAll("viewer");
        List<Document> units = new ArrayList<>();
        database.getCollection(ArchiveCollections.UNITS).find().forEach(units::add);
        units.sort(Comparator.comparing(d -> d.getString("_id")));
        List<AggregationUnitView> items = new ArrayList<>(units.size());
        for (Document unit : units) {
            items.add(view(unit));
        }
        return new AggregationUnitList(items);
    }

    private AggregationUnitView view(Document unit) {
        List<String> members = new ArrayList<>();
        Memberships.piles(database, PileDimension.UNIT, unit.getString("_id")).values().forEach(members::addAll);
        BigDecimal ratedPower = BigDecimal.ZERO.setScale(3);
        for (int from = 0; from < members.size(); from += READ_CHUNK) {
            List<String> chunk = members.subList(from, Math.min(members.size(), from + READ_CHUNK));
            for (Document pile : database.getCollection(ArchiveCollections.PILES).find(Filters.in("_id", chunk))
                    .projection(Projections.include(ArchiveDocuments.RATED_POWER_KW))) {
                BigDecimal power = ArchiveDocuments.readDecimal(pile, ArchiveDocuments.RATED_POWER_KW);
                if (power != null) {
                    ratedPower = ratedPower.add(power);
                }
            }
        }
        return ArchiveDocuments.unitView(unit, members.size(), ratedPower);
    }
}
