package org.evgrid.icc.query.archive;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.FindOperatorQuery;
import org.evgrid.icc.coreapi.archive.FindOperatorsQuery;
import org.evgrid.icc.coreapi.archive.OperatorList;
import org.evgrid.icc.coreapi.archive.OperatorView;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.query.archive.internal.ArchiveAccess;
import org.evgrid.icc.query.archive.internal.ArchiveCollections;
import org.evgrid.icc.query.archive.internal.ArchiveDocuments;
import org.evgrid.icc.query.archive.internal.ArchiveErrors;
import org.evgrid.icc.query.archive.internal.Memberships;
import org.springframework.stereotype.Component;

/**
 * Answers operator queries from {@code arch_operators}; station and pile counts are the sizes of the operator's
 * membership buckets. Operator users see only their own operator.
 */
@Component
public class OperatorArchiveQueries {

    private final MongoDatabase database;

    public OperatorArchiveQueries(MongoDatabase database) {
        this.database = database;
    }

    @QueryHandler
    public OperatorView find(FindOperatorQuery query) {
        ArchiveAccess access = ArchiveAccess.of(query.viewer());
        if (query.operatorId() == null) {
            throw ArchiveErrors.missing("operatorId");
        }
        String operatorId = query.operatorId().value();
        if (!access.seesOperator(operatorId)) {
            throw ArchiveErrors.operatorNotFound(operatorId);
        }
        Document operator = database.getCollection(ArchiveCollections.OPERATORS).find(Filters.eq("_id", operatorId)).first();
        if (operator == null) {
            throw ArchiveErrors.operatorNotFound(operatorId);
        }
        return view(operator);
    }

    @QueryHandler
    public OperatorList find(FindOperatorsQuery query) {
        ArchiveAccess access = ArchiveAccess.of(query.viewer());
        List<Document> operators = new ArrayList<>();
        if (access.all()) {
            database.getCollection(ArchiveCollections.OPERATORS).find().forEach(operators::add);
        } else {
            String own = access.ownOperator().orElseThrow(() -> ArchiveErrors.regionNotForArchive("viewer.scope"));
            Document operator = database.getCollection(ArchiveCollections.OPERATORS).find(Filters.eq("_id", own)).first();
            if (operator != null) {
                operators.add(operator);
            }
        }
        operators.sort(Comparator.comparing(d -> d.getString("_id")));
        List<OperatorView> items = new ArrayList<>(operators.size());
        for (Document operator : operators) {
            items.add(view(operator));
        }
        return new OperatorList(items);
    }

    private OperatorView view(Document operator) {
        String operatorId = operator.getString("_id");
        return ArchiveDocuments.operatorView(operator, Memberships.stations(database, operatorId).size(),
                Memberships.totalPiles(database, PileDimension.OPERATOR, operatorId));
    }
}
