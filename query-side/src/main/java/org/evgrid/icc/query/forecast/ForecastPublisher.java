package org.evgrid.icc.query.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.forecast.ForecastId;
import org.evgrid.icc.coreapi.forecast.ForecastModel;
import org.evgrid.icc.coreapi.forecast.PublishForecastCommand;
import org.evgrid.icc.coreapi.security.CenterCommands;
import org.evgrid.icc.query.forecast.internal.ForecastAccess;
import org.evgrid.icc.query.forecast.internal.ForecastDocuments;
import org.evgrid.icc.query.forecast.internal.ForecastErrors;
import org.evgrid.icc.query.forecast.internal.LoadCurves;
import org.evgrid.icc.query.forecast.model.LoadHistory;
import org.evgrid.icc.query.forecast.model.LoadModel;
import org.springframework.stereotype.Component;

/**
 * Makes a day-ahead forecast and publishes it signed by the center ({@link CenterCommands}): history of the last
 * {@value ForecastProcessing#TRAINING_DAYS} complete days before both the trading day and the issue day (from the
 * 15-minute load curve), the model, powers rounded to 0.001 kW (negative values clipped to 0 unless the history shows V2G
 * discharge), energy = sum × 0.25 h. The version is the next after the read model's latest of this key, day and model;
 * if that id was meanwhile taken ({@code ICC-FC-EXISTS}) the next one is tried.
 */
@Component
public class ForecastPublisher {

    private static final int VERSION_ATTEMPTS = 5;
    private static final BigDecimal QUARTER_HOUR = new BigDecimal("0.25");

    private final QueryGateway queryGateway;
    private final CenterCommands centerCommands;
    private final MongoDatabase database;
    private final Clock clock;

    public ForecastPublisher(QueryGateway queryGateway, CenterCommands centerCommands, MongoDatabase database, Clock clock) {
        this.queryGateway = queryGateway;
        this.centerCommands = centerCommands;
        this.database = database;
        this.clock = clock;
    }

    /** Forecasts a unit or dispatch area for a trading day with a model and publishes it; answers the forecast id. */
    public ForecastId publish(PileDimension dimension, String key, LocalDate tradingDay, ForecastModel model) {
        ForecastAccess.target(dimension, key);
        Instant issuedAt = clock.instant();
        LocalDate issueDay = LocalDate.ofInstant(issuedAt, ForecastProcessing.ZONE);
        LocalDate trainingTo = tradingDay.isBefore(issueDay) ? tradingDay.minusDays(1) : issueDay.minusDays(1);
        LocalDate trainingFrom = trainingTo.minusDays(ForecastProcessing.TRAINING_DAYS - 1L);
        LoadHistory history = LoadCurves.fetch(queryGateway, ForecastProcessing.CENTER_VIEWER, dimension, key, trainingFrom, trainingTo,
                ForecastProcessing.ZONE);
        if (!history.hasData()) {
            throw ForecastErrors.noHistory(key);
        }
        boolean discharge = history.hasDischarge();
        double[] values = LoadModel.of(model).forecast(history, tradingDay);
        List<BigDecimal> points = new ArrayList<>(values.length);
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : values) {
            BigDecimal p = BigDecimal.valueOf(discharge ? v : Math.max(0, v)).setScale(3, RoundingMode.HALF_UP);
            points.add(p);
            sum = sum.add(p);
        }
        BigDecimal energy = sum.multiply(QUARTER_HOUR).setScale(3, RoundingMode.HALF_UP);
        int version = latestVersion(dimension, key, tradingDay, model) + 1;
        for (int attempt = 1; ; attempt++, version++) {
            ForecastId id = ForecastId.of(dimension, key, tradingDay, model, version);
            try {
                centerCommands.send(new PublishForecastCommand(id, dimension, key, tradingDay, model, version, trainingFrom, trainingTo,
                        issuedAt, points, energy, discharge));
                return id;
            } catch (IccException e) {
                if (!"ICC-FC-EXISTS".equals(e.code()) || attempt >= VERSION_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private int latestVersion(PileDimension dimension, String key, LocalDate tradingDay, ForecastModel model) {
        Document current = database.getCollection(ForecastDocuments.CURRENT)
                .find(Filters.eq("_id", ForecastDocuments.currentId(dimension, key, tradingDay))).first();
        int latest = 0;
        if (current != null) {
            String prefix = ForecastId.of(dimension, key, tradingDay, model, 0).value();
            prefix = prefix.substring(0, prefix.length() - 1);
            for (String id : current.getList("versions", String.class)) {
                if (id.startsWith(prefix)) {
                    try {
                        latest = Math.max(latest, Integer.parseInt(id.substring(prefix.length())));
                    } catch (NumberFormatException e) {
                        // not a version of this model
                    }
                }
            }
        }
        return latest;
    }
}
