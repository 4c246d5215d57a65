package org.evgrid.icc.command.market;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.declaration.GateAnchor;
import org.evgrid.icc.coreapi.declaration.GateClosureRule;
import org.evgrid.icc.coreapi.declaration.PeriodType;
import org.evgrid.icc.coreapi.market.MarketProductDefinedEvent;
import org.evgrid.icc.coreapi.market.MarketProductRetiredEvent;
import org.evgrid.icc.coreapi.market.MarketProductRule;
import org.evgrid.icc.coreapi.market.MarketProducts;
import org.evgrid.icc.coreapi.market.MarketSegment;
import org.springframework.stereotype.Component;

/**
 * The market products as the command side checks bids against them: collection {@value #COLLECTION}, one document per
 * defined or retired product ({@code {_id: code, version, retired, rule: {...}}}), falling back to
 * {@link MarketProducts#defaultRules()} for codes never defined. Kept by the events of {@link MarketProduct} in
 * processing group {@value #PROCESSING_GROUP}, which must be a subscribing processor so that a redefinition holds for
 * the next command. Writes set the state the event leaves (idempotent on re-delivery) and are sent as one bulk write
 * when the unit of work prepares to commit.
 */
@Component
@ProcessingGroup(MarketProductCatalogue.PROCESSING_GROUP)
public class MarketProductCatalogue implements MarketProductLookup {

    /** The processing group; configure it as a subscribing processor. */
    public static final String PROCESSING_GROUP = "market-products";
    /** The Mongo collection. */
    public static final String COLLECTION = "cmd_market_products";

    private static final Map<String, MarketProductRule> DEFAULTS = defaults();

    private final MongoCollection<Document> collection;
    private final String bufferKey = MarketProductCatalogue.class.getName() + ".writes@" + System.identityHashCode(this);

    public MarketProductCatalogue(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    private static Map<String, MarketProductRule> defaults() {
        Map<String, MarketProductRule> rules = new LinkedHashMap<>();
        MarketProducts.defaultRules().forEach(rule -> rules.put(rule.code(), rule));
        return Map.copyOf(rules);
    }

    /** Whether the code is one of the default products. */
    public static boolean isDefault(String code) {
        return code != null && DEFAULTS.containsKey(code);
    }

    @Override
    public Optional<Product> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Document stored = collection.find(Filters.eq("_id", code)).first();
        if (stored == null) {
            return Optional.ofNullable(DEFAULTS.get(code)).map(rule -> new Product(rule, 0, false));
        }
        return Optional.ofNullable(product(stored));
    }

    @Override
    public List<Product> all() {
        Map<String, Product> products = new LinkedHashMap<>();
        DEFAULTS.values().forEach(rule -> products.put(rule.code(), new Product(rule, 0, false)));
        for (Document stored : collection.find()) {
            Product product = product(stored);
            if (product != null) {
                products.put(product.rule().code(), product);
            }
        }
        List<Product> all = new ArrayList<>(products.values());
        all.sort(Comparator.comparing(p -> p.rule().code()));
        return all;
    }

    @EventHandler
    void on(MarketProductDefinedEvent event) {
        write(new UpdateOneModel<>(Filters.eq("_id", event.productCode().value()),
                Updates.combine(Updates.set("version", event.version()), Updates.set("retired", false),
                        Updates.set("rule", document(event.rule()))),
                new UpdateOptions().upsert(true)));
    }

    @EventHandler
    void on(MarketProductRetiredEvent event) {
        write(new UpdateOneModel<>(Filters.eq("_id", event.productCode().value()),
                Updates.combine(Updates.set("version", event.version()), Updates.set("retired", true)),
                new UpdateOptions().upsert(true)));
    }

    private static Product product(Document stored) {
        String code = stored.getString("_id");
        Document rule = stored.get("rule", Document.class);
        MarketProductRule current = rule == null ? DEFAULTS.get(code) : rule(rule);
        if (current == null) {
            return null;
        }
        return new Product(current, stored.getInteger("version", 0), stored.getBoolean("retired", false));
    }

    private static Document document(MarketProductRule rule) {
        return new Document("code", rule.code())
                .append("nameZh", rule.nameZh())
                .append("nameEn", rule.nameEn())
                .append("segment", rule.segment().name())
                .append("kind", rule.kind().name())
                .append("periodType", rule.periodType().name())
                .append("gateAnchor", rule.gate().anchor().name())
                .append("gateOffset", rule.gate().offset())
                .append("gateTime", rule.gate().localTime().toString())
                .append("settlementRuleRef", rule.settlementRuleRef());
    }

    private static MarketProductRule rule(Document rule) {
        return new MarketProductRule(rule.getString("code"), rule.getString("nameZh"), rule.getString("nameEn"),
                MarketSegment.valueOf(rule.getString("segment")), DeclarationKind.valueOf(rule.getString("kind")),
                PeriodType.valueOf(rule.getString("periodType")),
                new GateClosureRule(GateAnchor.valueOf(rule.getString("gateAnchor")), rule.getInteger("gateOffset"),
                        LocalTime.parse(rule.getString("gateTime"))),
                rule.getString("settlementRuleRef"));
    }

    private void write(WriteModel<Document> model) {
        if (!CurrentUnitOfWork.isStarted()) {
            collection.bulkWrite(List.of(model));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        List<WriteModel<Document>> buffer = unitOfWork.getOrComputeResource(bufferKey, key -> {
            List<WriteModel<Document>> writes = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> collection.bulkWrite(writes, new BulkWriteOptions().ordered(true)));
            return writes;
        });
        buffer.add(model);
    }
}
