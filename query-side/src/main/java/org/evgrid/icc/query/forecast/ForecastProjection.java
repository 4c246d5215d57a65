package org.evgrid.icc.query.forecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.evgrid.icc.coreapi.forecast.ForecastPublishedEvent;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.query.forecast.internal.ForecastDocuments;
import org.evgrid.icc.query.forecast.internal.ForecastWriter;
import org.springframework.stereotype.Component;

/**
 * Read model of published forecasts ({@code fc_forecasts}, {@code fc_current}; see {@link ForecastDocuments}), with the
 * signer, key and envelope digest of the publication.
 */
@Component
@ProcessingGroup(ForecastProcessing.PROJECTION_GROUP)
public class ForecastProjection {

    private final MongoDatabase database;

    public ForecastProjection(MongoDatabase database) {
        this.database = database;
    }

    @EventHandler
    public void on(ForecastPublishedEvent event, @Timestamp Instant at,
                   @MetaDataValue(SignatureMetadata.SIGNER) String signer,
                   @MetaDataValue(SignatureMetadata.KEY_ID) String keyId,
                   @MetaDataValue(SignatureMetadata.ENVELOPE_DIGEST) String envelopeDigest) {
        String id = event.forecastId().value();
        Document doc = ForecastDocuments.forecast(event, signer, keyId, envelopeDigest, at, ForecastProcessing.ZONE);
        String currentId = ForecastDocuments.currentId(event.dimension(), event.key(), event.tradingDay());
        ForecastWriter.within(database, writer -> {
            writer.insertForecast(id, doc);
            Document current = writer.current(currentId).map(Document::new).orElseGet(() -> new Document("_id", currentId)
                    .append("dimension", event.dimension().name())
                    .append("key", event.key())
                    .append("tradingDay", event.tradingDay().toString())
                    .append("versions", new ArrayList<String>()));
            List<String> versions = new ArrayList<>(current.getList("versions", String.class));
            if (!versions.contains(id)) {
                versions.add(id);
            }
            current.put("versions", versions);
            Document candidate = new Document("_id", id).append("issuedAt", Date.from(event.issuedAt())).append("version", event.version());
            Document incumbent = current.getString("currentId") == null ? null : new Document("_id", current.getString("currentId"))
                    .append("issuedAt", current.getDate("currentIssuedAt")).append("version", current.getInteger("currentVersion"));
            if (incumbent == null || ForecastDocuments.ISSUE_ORDER.compare(candidate, incumbent) > 0) {
                current.put("currentId", id);
                current.put("currentIssuedAt", Date.from(event.issuedAt()));
                current.put("currentVersion", event.version());
            }
            writer.putCurrent(current);
        });
    }

    @ResetHandler
    public void reset() {
        database.getCollection(ForecastDocuments.FORECASTS).drop();
        database.getCollection(ForecastDocuments.CURRENT).drop();
    }
}
