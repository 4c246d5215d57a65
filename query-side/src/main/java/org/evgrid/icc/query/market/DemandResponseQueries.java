package org.evgrid.icc.query.market;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.dr.DrEventList;
import org.evgrid.icc.coreapi.dr.DrEventView;
import org.evgrid.icc.coreapi.dr.DrProgramList;
import org.evgrid.icc.coreapi.dr.DrProgramView;
import org.evgrid.icc.coreapi.dr.FindDrEventQuery;
import org.evgrid.icc.coreapi.dr.FindDrEventsQuery;
import org.evgrid.icc.coreapi.dr.FindDrProgramsQuery;
import org.evgrid.icc.query.common.DayIndex;
import org.evgrid.icc.query.market.internal.MarketAccess;
import org.evgrid.icc.query.market.internal.MarketDocuments;
import org.springframework.stereotype.Component;

/**
 * Answers the demand response queries: programs (a handful, read by a scan), one event by {@code _id}, events by trading
 * day through the day membership.
 */
@Component
public class DemandResponseQueries {

    private final MongoDatabase database;

    public DemandResponseQueries(MongoDatabase database) {
        this.database = database;
    }

    @QueryHandler
    public DrProgramList handle(FindDrProgramsQuery query) {
        MarketAccess.require(query.viewer());
        List<DrProgramView> items = new ArrayList<>();
        database.getCollection(MarketDocuments.DR_PROGRAMS).find().forEach(d -> items.add(MarketDocuments.programView(d)));
        items.sort(Comparator.comparing(p -> p.programId().value()));
        return new DrProgramList(items);
    }

    @QueryHandler
    public DrEventView handle(FindDrEventQuery query) {
        MarketAccess.require(query.viewer());
        if (query.eventId() == null) {
            throw MarketAccess.missing("eventId");
        }
        Document d = database.getCollection(MarketDocuments.DR_EVENTS).find(Filters.eq("_id", query.eventId().value())).first();
        return d == null || d.getString("tradingDay") == null ? null : MarketDocuments.eventView(d);
    }

    @QueryHandler
    public DrEventList handle(FindDrEventsQuery query) {
        MarketAccess.require(query.viewer());
        List<String> ids = DayIndex.members(database.getCollection(MarketDocuments.DAYS), MarketDocuments.DR_KIND, query.from(), query.to());
        List<DrEventView> items = new ArrayList<>();
        for (Document d : MarketQueries.byIds(database.getCollection(MarketDocuments.DR_EVENTS), ids)) {
            if (d.getString("tradingDay") != null) {
                items.add(MarketDocuments.eventView(d));
            }
        }
        items.sort(Comparator.comparing(DrEventView::tradingDay).reversed().thenComparing(e -> e.eventId().value()));
        return new DrEventList(items);
    }
}
