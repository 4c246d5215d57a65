package org.evgrid.icc.query.forecast.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.forecast.ForecastId;
import org.evgrid.icc.coreapi.forecast.ForecastModel;
import org.evgrid.icc.coreapi.forecast.ForecastPublishedEvent;
import org.evgrid.icc.coreapi.forecast.ForecastSummary;
import org.evgrid.icc.coreapi.forecast.ForecastView;

/**
 * The forecast read model. {@code fc_forecasts}: one document per published forecast, {@code _id} = forecast id, powers
 * and energy as decimal strings (exact). {@code fc_current}: one document per key and trading day, {@code _id} =
 * {@code <dimension>|<key>|<yyyy-MM-dd>}, with every forecast id published for it ({@code versions}) and the current
 * one ({@code currentId}: the latest issued; ties by version, then id).
 */
public final class ForecastDocuments {

    public static final String FORECASTS = "fc_forecasts";
    public static final String CURRENT = "fc_current";
    private static final int SLOT_MINUTES = 15;

    /** Orders forecasts by issue time, then version, then id: the last is current. */
    public static final Comparator<Document> ISSUE_ORDER = Comparator
            .comparing((Document d) -> d.getDate("issuedAt"))
            .thenComparing(d -> d.getInteger("version"))
            .thenComparing(d -> d.getString("_id"));

    private ForecastDocuments() {
    }

    /** The {@code fc_current} id of a key and day. */
    public static String currentId(PileDimension dimension, String key, LocalDate day) {
        return dimension + "|" + key + "|" + day;
    }

    /** The read-model document of a published forecast. */
    public static Document forecast(ForecastPublishedEvent e, String signer, String keyId, String envelopeDigest, Instant publishedAt,
                                    ZoneId zone) {
        List<String> points = new ArrayList<>(e.pointsKw().size());
        int peak = 0;
        for (int i = 0; i < e.pointsKw().size(); i++) {
            points.add(e.pointsKw().get(i).toPlainString());
            if (e.pointsKw().get(i).compareTo(e.pointsKw().get(peak)) > 0) {
                peak = i;
            }
        }
        Instant peakAt = e.tradingDay().atStartOfDay(zone).toInstant().plusSeconds(60L * SLOT_MINUTES * peak);
        return new Document("dimension", e.dimension().name())
                .append("key", e.key())
                .append("tradingDay", e.tradingDay().toString())
                .append("model", e.model().name())
                .append("version", e.version())
                .append("trainingFrom", e.trainingFrom().toString())
                .append("trainingTo", e.trainingTo().toString())
                .append("issuedAt", Date.from(e.issuedAt()))
                .append("pointsKw", points)
                .append("energyKwh", e.energyKwh().toPlainString())
                .append("peakKw", e.pointsKw().isEmpty() ? null : e.pointsKw().get(peak).toPlainString())
                .append("peakAt", Date.from(peakAt))
                .append("signer", signer)
                .append("keyId", keyId)
                .append("envelopeDigest", envelopeDigest)
                .append("publishedAt", publishedAt == null ? null : Date.from(publishedAt));
    }

    /** The view of a stored forecast. */
    public static ForecastView view(Document d, boolean current) {
        List<BigDecimal> points = new ArrayList<>();
        for (Object p : d.getList("pointsKw", Object.class)) {
            points.add(new BigDecimal(String.valueOf(p)));
        }
        return new ForecastView(new ForecastId(d.getString("_id")), PileDimension.valueOf(d.getString("dimension")),
                d.getString("key"), LocalDate.parse(d.getString("tradingDay")), ForecastModel.valueOf(d.getString("model")),
                d.getInteger("version"), current, LocalDate.parse(d.getString("trainingFrom")), LocalDate.parse(d.getString("trainingTo")),
                instant(d, "issuedAt"), List.copyOf(points), decimal(d, "energyKwh"), decimal(d, "peakKw"), instant(d, "peakAt"),
                d.getString("signer"), d.getString("keyId"), d.getString("envelopeDigest"), instant(d, "publishedAt"));
    }

    /** The summary of a stored forecast. */
    public static ForecastSummary summary(Document d, boolean current) {
        return new ForecastSummary(new ForecastId(d.getString("_id")), ForecastModel.valueOf(d.getString("model")),
                d.getInteger("version"), current, instant(d, "issuedAt"), decimal(d, "energyKwh"), decimal(d, "peakKw"));
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static BigDecimal decimal(Document d, String field) {
        Object v = d.get(field);
        return v == null ? null : new BigDecimal(String.valueOf(v));
    }
}
