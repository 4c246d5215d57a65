package org.evgrid.icc.coreapi.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.archive.PileDimension;

/**
 * A published forecast with its provenance: model, training window, issue time, and the signer, key and envelope digest
 * of the signed command that published it (to cite in deviation analysis).
 */
public record ForecastView(
        ForecastId forecastId,
        PileDimension dimension,
        String key,
        LocalDate tradingDay,
        ForecastModel model,
        int version,
        boolean current,
        LocalDate trainingFrom,
        LocalDate trainingTo,
        Instant issuedAt,
        List<BigDecimal> pointsKw,
        BigDecimal energyKwh,
        BigDecimal peakKw,
        Instant peakAt,
        String signer,
        String keyId,
        String envelopeDigest,
        Instant publishedAt) {
}
