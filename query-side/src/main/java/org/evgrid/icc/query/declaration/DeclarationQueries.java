package org.evgrid.icc.query.declaration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.declaration.DeclarationList;
import org.evgrid.icc.coreapi.declaration.DeclarationTotalsList;
import org.evgrid.icc.coreapi.declaration.DeclarationTotalsView;
import org.evgrid.icc.coreapi.declaration.DeclarationView;
import org.evgrid.icc.coreapi.declaration.FindDeclarationQuery;
import org.evgrid.icc.coreapi.declaration.FindDeclarationTotalsQuery;
import org.evgrid.icc.coreapi.declaration.FindDeclarationsQuery;
import org.evgrid.icc.query.declaration.internal.DeclarationAccess;
import org.evgrid.icc.query.declaration.internal.DeclarationDocuments;
import org.springframework.stereotype.Component;

/**
 * Answers declaration queries by {@code _id} only: one declaration, an operator's declarations for a product and
 * period (through its {@code dop|} listing), and the totals of a product and period for one unit or every unit (through
 * the {@code dtu|} listing). Scope rules: {@link DeclarationAccess}.
 */
@Component
public class DeclarationQueries {

    private final MongoDatabase database;

    public DeclarationQueries(MongoDatabase database) {
        this.database = database;
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(DeclarationDocuments.COLLECTION);
    }

    @QueryHandler
    public DeclarationView find(FindDeclarationQuery query) {
        DeclarationAccess access = DeclarationAccess.of(query.viewer());
        if (query.declarationId() == null) {
            throw DeclarationAccess.missing("declarationId");
        }
        String id = query.declarationId().value();
        Document d = collection().find(Filters.eq("_id", DeclarationDocuments.declarationKey(query.declarationId()))).first();
        if (d == null || !access.sees(d.getString(DeclarationDocuments.OPERATOR_ID))) {
            throw DeclarationAccess.notFound(id);
        }
        return DeclarationDocuments.view(d);
    }

    @QueryHandler
    public DeclarationList find(FindDeclarationsQuery query) {
        DeclarationAccess access = DeclarationAccess.of(query.viewer());
        if (query.operatorId() == null) {
            throw DeclarationAccess.missing("operator");
        }
        if (query.product() == null) {
            throw DeclarationAccess.missing("product");
        }
        if (query.periodStart() == null) {
            throw DeclarationAccess.missing("period");
        }
        access.requireOperator(query.operatorId().value(), "operator");
        Document listing = collection().find(Filters.eq("_id",
                DeclarationDocuments.operatorKey(query.operatorId().value(), query.product(), query.periodStart()))).first();
        List<String> keys = listing == null ? List.of()
                : listing.getList(DeclarationDocuments.IDS, String.class, List.of()).stream().map(id -> "decl|" + id).toList();
        List<DeclarationView> items = new ArrayList<>();
        if (!keys.isEmpty()) {
            collection().find(Filters.in("_id", keys)).forEach(d -> items.add(DeclarationDocuments.view(d)));
        }
        items.sort(Comparator.comparing(v -> v.declarationId().value()));
        return new DeclarationList(items);
    }

    @QueryHandler
    public DeclarationTotalsList find(FindDeclarationTotalsQuery query) {
        DeclarationAccess.of(query.viewer()).requireCenter("viewer");
        if (query.product() == null) {
            throw DeclarationAccess.missing("product");
        }
        if (query.periodStart() == null) {
            throw DeclarationAccess.missing("period");
        }
        List<String> units;
        if (query.unitId() != null) {
            units = List.of(query.unitId().value());
        } else {
            Document listing = collection().find(Filters.eq("_id",
                    DeclarationDocuments.unitsKey(query.product(), query.periodStart()))).first();
            units = listing == null ? List.of() : listing.getList(DeclarationDocuments.UNITS, String.class, List.of());
        }
        List<String> keys = units.stream().map(u -> DeclarationDocuments.totalsKey(query.product(), query.periodStart(), u)).toList();
        List<DeclarationTotalsView> items = new ArrayList<>();
        if (!keys.isEmpty()) {
            collection().find(Filters.in("_id", keys)).forEach(d -> items.add(DeclarationDocuments.totalsView(d)));
        }
        items.sort(Comparator.comparing(v -> v.unitId().value()));
        return new DeclarationTotalsList(items);
    }
}
