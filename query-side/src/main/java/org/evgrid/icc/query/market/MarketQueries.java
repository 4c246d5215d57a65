package org.evgrid.icc.query.market;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.market.BidList;
import org.evgrid.icc.coreapi.market.BidView;
import org.evgrid.icc.coreapi.market.FindBidQuery;
import org.evgrid.icc.coreapi.market.FindBidsQuery;
import org.evgrid.icc.coreapi.market.FindMarketNoticesQuery;
import org.evgrid.icc.coreapi.market.FindMarketProductsQuery;
import org.evgrid.icc.coreapi.market.MarketNoticeList;
import org.evgrid.icc.coreapi.market.MarketNoticeView;
import org.evgrid.icc.coreapi.market.MarketProductList;
import org.evgrid.icc.coreapi.market.MarketProductRule;
import org.evgrid.icc.coreapi.market.MarketProductView;
import org.evgrid.icc.coreapi.market.MarketProducts;
import org.evgrid.icc.query.common.DayIndex;
import org.evgrid.icc.query.common.ReadRules;
import org.evgrid.icc.query.common.StoredValues;
import org.evgrid.icc.query.market.internal.MarketAccess;
import org.evgrid.icc.query.market.internal.MarketDocuments;
import org.springframework.stereotype.Component;

/**
 * Answers the market queries: the products (the defaults overlaid with the definitions and retirements made since), bids
 * by {@code _id} or through the per-period-day membership, and market notices by trading day.
 */
@Component
public class MarketQueries {

    private final MongoDatabase database;

    public MarketQueries(MongoDatabase database) {
        this.database = database;
    }

    @QueryHandler
    public MarketProductList handle(FindMarketProductsQuery query) {
        MarketAccess.require(query.viewer());
        Map<String, MarketProductView> products = new LinkedHashMap<>();
        for (MarketProductRule rule : MarketProducts.defaultRules()) {
            products.put(rule.code(), new MarketProductView(rule, 0, false, null, null));
        }
        List<Document> defined = new ArrayList<>();
        database.getCollection(MarketDocuments.PRODUCTS).find().forEach(defined::add);
        defined.sort(Comparator.comparing(d -> d.getString("_id")));
        for (Document d : defined) {
            String code = d.getString("_id");
            MarketProductView base = products.get(code);
            Document rule = d.get("rule", Document.class);
            MarketProductRule current = rule != null ? MarketDocuments.readRule(rule) : base == null ? null : base.rule();
            if (current == null) {
                continue;
            }
            products.put(code, new MarketProductView(current, StoredValues.readInt(d, "version"), Boolean.TRUE.equals(d.getBoolean("retired")),
                    rule != null ? d.getString("definedBy") : null, rule != null ? StoredValues.instant(d, "definedAt") : null));
        }
        return new MarketProductList(new ArrayList<>(products.values()));
    }

    @QueryHandler
    public BidView handle(FindBidQuery query) {
        MarketAccess.require(query.viewer());
        if (query.bidId() == null) {
            throw MarketAccess.missing("bidId");
        }
        Document bid = database.getCollection(MarketDocuments.BIDS).find(Filters.eq("_id", query.bidId().value())).first();
        return bid == null || bid.getString("unitId") == null ? null : MarketDocuments.bidView(bid);
    }

    @QueryHandler
    public BidList handle(FindBidsQuery query) {
        MarketAccess.require(query.viewer());
        ReadRules.requirePage(query.page(), query.size());
        List<String> ids = DayIndex.members(days(), MarketDocuments.BID_KIND, query.from(), query.to());
        List<BidView> items = new ArrayList<>();
        for (Document d : byIds(database.getCollection(MarketDocuments.BIDS), ids)) {
            if (d.getString("unitId") == null) {
                continue;
            }
            BidView bid = MarketDocuments.bidView(d);
            if ((query.product() == null || query.product().equals(bid.product()))
                    && (query.unitId() == null || query.unitId().equals(bid.unitId()))
                    && (query.status() == null || query.status() == bid.status())
                    && ReadRules.inRange(bid.periodStart(), query.from(), query.to())) {
                items.add(bid);
            }
        }
        items.sort(Comparator.comparing(BidView::periodStart).reversed().thenComparing(b -> b.bidId().value()));
        return new BidList(ReadRules.page(items, query.page(), query.size()), items.size());
    }

    @QueryHandler
    public MarketNoticeList handle(FindMarketNoticesQuery query) {
        MarketAccess.require(query.viewer());
        List<String> ids = DayIndex.members(days(), MarketDocuments.NOTICE_KIND, query.from(), query.to());
        List<MarketNoticeView> items = new ArrayList<>();
        for (Document d : byIds(database.getCollection(MarketDocuments.NOTICES), ids)) {
            items.add(MarketDocuments.noticeView(d));
        }
        items.sort(Comparator.comparing(MarketNoticeView::tradingDay).thenComparing(MarketNoticeView::receivedAt,
                Comparator.nullsFirst(Comparator.naturalOrder())).reversed().thenComparing(n -> n.noticeId().value()));
        return new MarketNoticeList(items);
    }

    private MongoCollection<Document> days() {
        return database.getCollection(MarketDocuments.DAYS);
    }

    static List<Document> byIds(MongoCollection<Document> collection, List<String> ids) {
        List<Document> docs = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += 1000) {
            collection.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + 1000)))).forEach(docs::add);
        }
        return docs;
    }
}
