package org.evgrid.icc.query.archive;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.CountPilesQuery;
import org.evgrid.icc.coreapi.archive.FindPileQuery;
import org.evgrid.icc.coreapi.archive.FindPilesQuery;
import org.evgrid.icc.coreapi.archive.PileCountView;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.archive.PilePage;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.PileView;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.query.archive.internal.ArchiveAccess;
import org.evgrid.icc.query.archive.internal.ArchiveCollections;
import org.evgrid.icc.query.archive.internal.ArchiveDocuments;
import org.evgrid.icc.query.archive.internal.ArchiveErrors;
import org.evgrid.icc.query.archive.internal.Memberships;
import org.springframework.stereotype.Component;

/**
 * Answers pile queries from {@code arch_piles} and the membership buckets, within the viewer's data scope. A listing
 * reads the 16 bucket documents of its key, sorts the ids and loads only the page's piles, all by {@code _id}.
 */
@Component
public class PileArchiveQueries {

    /** Largest page a listing returns. */
    public static final int MAX_PAGE_SIZE = 500;

    private final MongoDatabase database;

    public PileArchiveQueries(MongoDatabase database) {
        this.database = database;
    }

    @QueryHandler
    public PileView find(FindPileQuery query) {
        ArchiveAccess access = ArchiveAccess.of(query.viewer());
        if (query.pileId() == null) {
            throw ArchiveErrors.missing("pileId");
        }
        String pileId = query.pileId().value();
        Document pile = database.getCollection(ArchiveCollections.PILES).find(Filters.eq("_id", pileId)).first();
        if (pile == null || !access.sees(pile.getString(ArchiveDocuments.OPERATOR_ID), ArchiveDocuments.readRegion(pile))) {
            throw ArchiveErrors.pileNotFound(pileId);
        }
        return ArchiveDocuments.pileView(pile);
    }

    @QueryHandler
    public PilePage find(FindPilesQuery query) {
        checkListing(query.viewer(), query.dimension(), query.key());
        if (query.page() < 0) {
            throw ArchiveErrors.pageInvalid(query.page());
        }
        if (query.size() < 1 || query.size() > MAX_PAGE_SIZE) {
            throw ArchiveErrors.sizeInvalid(query.size(), MAX_PAGE_SIZE);
        }
        List<String> ids = new ArrayList<>();
        Memberships.piles(database, query.dimension(), query.key()).values().forEach(ids::addAll);
        ids.sort(query.descending() ? Comparator.reverseOrder() : Comparator.naturalOrder());
        long from = (long) query.page() * query.size();
        if (from >= ids.size()) {
            return new PilePage(List.of(), ids.size(), query.page(), query.size());
        }
        List<String> pageIds = ids.subList((int) from, (int) Math.min(ids.size(), from + query.size()));
        Map<String, Document> docs = load(pageIds);
        List<PileView> items = new ArrayList<>(pageIds.size());
        for (String id : pageIds) {
            Document doc = docs.get(id);
            if (doc != null) {
                items.add(ArchiveDocuments.pileView(doc));
            }
        }
        return new PilePage(items, ids.size(), query.page(), query.size());
    }

    @QueryHandler
    public PileCountView count(CountPilesQuery query) {
        checkListing(query.viewer(), query.dimension(), query.key());
        Map<PileType, Long> byType = Memberships.countPiles(database, query.dimension(), query.key());
        long total = byType.values().stream().mapToLong(Long::longValue).sum();
        return new PileCountView(query.dimension(), query.key(), total, byType);
    }

    private void checkListing(Viewer viewer, PileDimension dimension, String key) {
        ArchiveAccess access = ArchiveAccess.of(viewer);
        if (dimension == null) {
            throw ArchiveErrors.missing("dimension");
        }
        if (key == null || key.isBlank()) {
            throw ArchiveErrors.missing("key");
        }
        access.checkPileListing(dimension, key, this::stationOperator);
    }

    private Optional<String> stationOperator(String stationId) {
        Document station = database.getCollection(ArchiveCollections.STATIONS).find(Filters.eq("_id", stationId)).first();
        return Optional.ofNullable(station).map(s -> s.getString(ArchiveDocuments.OPERATOR_ID));
    }

    private Map<String, Document> load(Collection<String> ids) {
        Map<String, Document> docs = new HashMap<>();
        for (Document doc : database.getCollection(ArchiveCollections.PILES).find(Filters.in("_id", ids))) {
            docs.put(doc.getString("_id"), doc);
        }
        return docs;
    }
}
