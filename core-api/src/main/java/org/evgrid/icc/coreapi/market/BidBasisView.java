package org.evgrid.icc.coreapi.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.declaration.DeclarationTotalsView;
import org.evgrid.icc.coreapi.forecast.ForecastView;

/**
 * What a bid is drafted from: the operators' declaration totals and the current forecast for the unit, and the
 * quantity suggested from them (the declarations when there are any, else the forecast) with the rule used.
 */
public record BidBasisView(
        String product,
        LocalDate periodStart,
        AggregationUnitId unitId,
        DeclarationTotalsView declarations,
        ForecastView forecast,
        BigDecimal suggestedEnergyKwh,
        List<BigDecimal> suggestedCurveKw,
        String suggestionRule) {
}
