package org.evgrid.icc.query.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.dispatch.DeviationList;
import org.evgrid.icc.coreapi.dispatch.DeviationView;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanList;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanView;
import org.evgrid.icc.coreapi.dispatch.FindDeviationQuery;
import org.evgrid.icc.coreapi.dispatch.FindDeviationsQuery;
import org.evgrid.icc.coreapi.dispatch.FindDispatchPlanQuery;
import org.evgrid.icc.coreapi.dispatch.FindDispatchPlansQuery;
import org.evgrid.icc.query.common.DayIndex;
import org.evgrid.icc.query.common.ReadRules;
import org.evgrid.icc.query.dispatch.internal.DispatchAccess;
import org.evgrid.icc.query.dispatch.internal.DispatchDocuments;
import org.springframework.stereotype.Component;

/**
 * Answers the dispatch plan and deviation queries from the dispatch read model: single items by {@code _id}, listings
 * through the per-trading-day membership documents (or a plan's deviation ids). Operator platforms see only their own
 * operator's part.
 */
@Component
public class DispatchQueries {

    private final MongoDatabase database;

    public DispatchQueries(MongoDatabase database) {
        this.database = database;
    }

    private MongoCollection<Document> plans() {
        return database.getCollection(DispatchDocuments.PLANS);
    }

    private MongoCollection<Document> deviations() {
        return database.getCollection(DispatchDocuments.DEVIATIONS);
    }

    @QueryHandler
    public DispatchPlanView handle(FindDispatchPlanQuery query) {
        DispatchAccess access = DispatchAccess.of(query.viewer());
        if (query.planId() == null) {
            throw DispatchAccess.missing("planId");
        }
        Document plan = plans().find(Filters.eq("_id", query.planId().value())).first();
        if (plan == null || plan.getString(DispatchDocuments.UNIT_ID) == null) {
            return null;
        }
        String own = access.ownOperator();
        if (own != null && !DispatchDocuments.hasOperator(plan, own)) {
            return null;
        }
        return DispatchDocuments.planView(plan, own);
    }

    @QueryHandler
    public DispatchPlanList handle(FindDispatchPlansQuery query) {
        DispatchAccess access = DispatchAccess.of(query.viewer());
        List<String> ids = DayIndex.members(database.getCollection(DispatchDocuments.DAYS), DispatchDocuments.PLAN_KIND,
                query.from(), query.to());
        String own = access.ownOperator();
        List<DispatchPlanView> items = new ArrayList<>();
        for (Document plan : byIds(plans(), ids)) {
            if (plan.getString(DispatchDocuments.UNIT_ID) == null || own != null && !DispatchDocuments.hasOperator(plan, own)) {
                continue;
            }
            DispatchPlanView view = DispatchDocuments.planView(plan, own);
            if ((query.unitId() == null || query.unitId().equals(view.unitId()))
                    && (query.status() == null || query.status() == view.status())) {
                items.add(view);
            }
        }
        items.sort(Comparator.comparing(DispatchPlanView::tradingDay).reversed()
                .thenComparing(v -> v.planId().value()));
        return new DispatchPlanList(items);
    }

    @QueryHandler
    public DeviationView handle(FindDeviationQuery query) {
        DispatchAccess access = DispatchAccess.of(query.viewer());
        if (query.deviationId() == null) {
            throw DispatchAccess.missing("deviationId");
        }
        Document deviation = deviations().find(Filters.eq("_id", query.deviationId().value())).first();
        String own = access.ownOperator();
        if (deviation == null || own != null && !DispatchDocuments.concerns(deviation, own)) {
            return null;
        }
        return DispatchDocuments.deviationView(deviation, own);
    }

    @QueryHandler
    public DeviationList handle(FindDeviationsQuery query) {
        DispatchAccess access = DispatchAccess.of(query.viewer());
        ReadRules.requirePage(query.page(), query.size());
        List<String> ids;
        if (query.planId() != null) {
            Document plan = plans().find(Filters.eq("_id", query.planId().value())).first();
            ids = plan == null ? List.of() : plan.getList(DispatchDocuments.DEVIATION_IDS, String.class, List.of());
        } else {
            ids = DayIndex.members(database.getCollection(DispatchDocuments.DAYS), DispatchDocuments.DEVIATION_KIND, query.from(), query.to());
        }
        String own = access.ownOperator();
        List<DeviationView> items = new ArrayList<>();
        for (Document deviation : byIds(deviations(), ids)) {
            if (own != null && !DispatchDocuments.concerns(deviation, own)) {
                continue;
            }
            DeviationView view = DispatchDocuments.deviationView(deviation, own);
            if (ReadRules.inRange(view.tradingDay(), query.from(), query.to())
                    && (query.unitId() == null || query.unitId().equals(view.unitId()))
                    && (query.status() == null || query.status() == view.status())) {
                items.add(view);
            }
        }
        items.sort(Comparator.comparing(DeviationView::tradingDay).thenComparing(DeviationView::interval).reversed()
                .thenComparing(v -> v.deviationId().value()));
        return new DeviationList(ReadRules.page(items, query.page(), query.size()), items.size());
    }

    /** The documents of the ids, read in slices of 1,000 by {@code _id}. */
    static List<Document> byIds(MongoCollection<Document> collection, List<String> ids) {
        List<Document> docs = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += 1000) {
            collection.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + 1000)))).forEach(docs::add);
        }
        return docs;
    }
}
