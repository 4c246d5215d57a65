package org.evgrid.icc.query.dispatch;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.FindOperatorSchedulesQuery;
import org.evgrid.icc.coreapi.dispatch.FindPileScheduleQuery;
import org.evgrid.icc.coreapi.dispatch.PileSchedulePage;
import org.evgrid.icc.coreapi.dispatch.PileScheduleView;
import org.evgrid.icc.query.archive.internal.ArchiveCollections;
import org.evgrid.icc.query.archive.internal.ArchiveDocuments;
import org.evgrid.icc.query.common.ReadRules;
import org.evgrid.icc.query.dispatch.internal.DispatchAccess;
import org.evgrid.icc.query.dispatch.internal.DispatchDocuments;
import org.evgrid.icc.query.dispatch.internal.ScheduleStore;
import org.springframework.stereotype.Component;

/**
 * Answers the per-pile schedule queries from the command side's schedule store (docs/dispatch-schedules.md): power in kW
 * (3 decimals) with the reason counts and an explanation in Chinese and English. The current version comes from the
 * plan document, a pile's operator from the pile archive (else each operator of the plan is tried).
 */
@Component
public class ScheduleQueries {

    private final MongoDatabase database;
    private final ScheduleStore store;

    public ScheduleQueries(MongoDatabase database) {
        this.database = database;
        this.store = new ScheduleStore(database);
    }

    private Integer currentVersion(DispatchPlanId planId) {
        Document plan = database.getCollection(DispatchDocuments.PLANS).find(Filters.eq("_id", planId.value())).first();
        return plan == null || plan.get(DispatchDocuments.VERSION) == null ? null : plan.getInteger(DispatchDocuments.VERSION);
    }

    @QueryHandler
    public PileScheduleView handle(FindPileScheduleQuery query) {
        DispatchAccess access = DispatchAccess.of(query.viewer());
        if (query.planId() == null || query.pileId() == null) {
            throw DispatchAccess.missing(query.planId() == null ? "planId" : "pileId");
        }
        Integer version = currentVersion(query.planId());
        Document index = version == null ? null : store.index(query.planId(), version);
        if (index == null) {
            return null;
        }
        Document pile = database.getCollection(ArchiveCollections.PILES).find(Filters.eq("_id", query.pileId().value())).first();
        String archived = pile == null ? null : pile.getString(ArchiveDocuments.OPERATOR_ID);
        List<String> candidates = new ArrayList<>();
        if (archived != null && ScheduleStore.operatorEntry(index, archived) != null) {
            candidates.add(archived);
        } else {
            candidates.addAll(ScheduleStore.operators(index));
        }
        if (access.ownOperator() != null && archived != null) {
            access.requireOperator(archived, "pileId");
        }
        for (String operatorId : candidates) {
            if (access.ownOperator() != null && !access.ownOperator().equals(operatorId)) {
                continue;
            }
            PileScheduleView view = store.pile(query.planId(), version, ScheduleStore.operatorEntry(index, operatorId), query.pileId());
            if (view != null) {
                return view;
            }
        }
        if (access.ownOperator() != null && archived == null) {
            // the pile may belong to another operator: say so rather than "not found"
            for (String operatorId : candidates) {
                if (store.pile(query.planId(), version, ScheduleStore.operatorEntry(index, operatorId), query.pileId()) != null) {
                    access.requireOperator(operatorId, "pileId");
                }
            }
        }
        return null;
    }

    @QueryHandler
    public PileSchedulePage handle(FindOperatorSchedulesQuery query) {
        DispatchAccess access = DispatchAccess.of(query.viewer());
        ReadRules.requirePage(query.page(), query.size());
        if (query.planId() == null || query.operatorId() == null) {
            throw DispatchAccess.missing(query.planId() == null ? "planId" : "operatorId");
        }
        access.requireOperator(query.operatorId().value(), "operatorId");
        Integer version = query.version() > 0 ? Integer.valueOf(query.version()) : currentVersion(query.planId());
        Document index = version == null ? null : store.index(query.planId(), version);
        Document entry = index == null ? null : ScheduleStore.operatorEntry(index, query.operatorId().value());
        if (entry == null) {
            return new PileSchedulePage(List.of(), 0);
        }
        int total = entry.getInteger("piles", 0);
        long from = (long) query.page() * query.size();
        if (from >= total) {
            return new PileSchedulePage(List.of(), total);
        }
        int to = (int) Math.min(total, from + query.size());
        return new PileSchedulePage(store.range(query.planId(), version, entry, (int) from, to), total);
    }
}
