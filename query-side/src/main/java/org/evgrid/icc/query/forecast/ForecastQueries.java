package org.evgrid.icc.query.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.forecast.FindCurrentForecastQuery;
import org.evgrid.icc.coreapi.forecast.FindForecastQuery;
import org.evgrid.icc.coreapi.forecast.FindForecastVersionsQuery;
import org.evgrid.icc.coreapi.forecast.ForecastSummary;
import org.evgrid.icc.coreapi.forecast.ForecastVersionList;
import org.evgrid.icc.coreapi.forecast.ForecastView;
import org.evgrid.icc.query.forecast.internal.ForecastAccess;
import org.evgrid.icc.query.forecast.internal.ForecastDocuments;
import org.evgrid.icc.query.forecast.internal.ForecastErrors;
import org.springframework.stereotype.Component;

/** Answers forecast queries from {@code fc_forecasts} and {@code fc_current}, by {@code _id} only. */
@Component
public class ForecastQueries {

    private final MongoDatabase database;

    public ForecastQueries(MongoDatabase database) {
        this.database = database;
    }

    @QueryHandler
    public ForecastView find(FindForecastQuery query) {
        ForecastAccess.check(query.viewer());
        if (query.forecastId() == null) {
            throw ForecastErrors.missing("forecastId", "预测标识", "Forecast id");
        }
        String id = query.forecastId().value();
        Document forecast = byId(ForecastDocuments.FORECASTS, id);
        if (forecast == null) {
            throw ForecastErrors.notFound(id);
        }
        Document current = byId(ForecastDocuments.CURRENT, ForecastDocuments.currentId(
                PileDimension.valueOf(forecast.getString("dimension")), forecast.getString("key"),
                LocalDate.parse(forecast.getString("tradingDay"))));
        return ForecastDocuments.view(forecast, current != null && id.equals(current.getString("currentId")));
    }

    @QueryHandler
    public ForecastView find(FindCurrentForecastQuery query) {
        ForecastAccess.check(query.viewer());
        ForecastAccess.target(query.dimension(), query.key());
        if (query.tradingDay() == null) {
            throw ForecastErrors.missing("day", "交易日", "Trading day");
        }
        Document current = byId(ForecastDocuments.CURRENT, ForecastDocuments.currentId(query.dimension(), query.key(), query.tradingDay()));
        Document forecast = current == null ? null : byId(ForecastDocuments.FORECASTS, current.getString("currentId"));
        if (forecast == null) {
            throw ForecastErrors.noCurrent(query.key(), query.tradingDay());
        }
        return ForecastDocuments.view(forecast, true);
    }

    @QueryHandler
    public ForecastVersionList find(FindForecastVersionsQuery query) {
        ForecastAccess.check(query.viewer());
        ForecastAccess.target(query.dimension(), query.key());
        if (query.tradingDay() == null) {
            throw ForecastErrors.missing("day", "交易日", "Trading day");
        }
        Document current = byId(ForecastDocuments.CURRENT, ForecastDocuments.currentId(query.dimension(), query.key(), query.tradingDay()));
        if (current == null) {
            return new ForecastVersionList(List.of());
        }
        List<Document> forecasts = new ArrayList<>();
        database.getCollection(ForecastDocuments.FORECASTS).find(Filters.in("_id", current.getList("versions", String.class)))
                .forEach(forecasts::add);
        forecasts.sort(ForecastDocuments.ISSUE_ORDER);
        String currentId = current.getString("currentId");
        List<ForecastSummary> items = new ArrayList<>(forecasts.size());
        for (Document d : forecasts) {
            items.add(ForecastDocuments.summary(d, d.getString("_id").equals(currentId)));
        }
        return new ForecastVersionList(items);
    }

    private Document byId(String collection, String id) {
        return id == null ? null : database.getCollection(collection).find(Filters.eq("_id", id)).first();
    }
}
