package org.evgrid.icc.ui.forecast;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.forecast.BacktestForecastQuery;
import org.evgrid.icc.coreapi.forecast.FindCurrentForecastQuery;
import org.evgrid.icc.coreapi.forecast.FindForecastQuery;
import org.evgrid.icc.coreapi.forecast.FindForecastVersionsQuery;
import org.evgrid.icc.coreapi.forecast.ForecastBacktestView;
import org.evgrid.icc.coreapi.forecast.ForecastId;
import org.evgrid.icc.coreapi.forecast.ForecastVersionList;
import org.evgrid.icc.coreapi.forecast.ForecastView;
import org.evgrid.icc.ui.query.QueryAsker;
import org.evgrid.icc.ui.security.CurrentViewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Day-ahead load forecasts per aggregation unit and dispatch area, with their provenance, and the backtest of
 * the models. Forecasts are requested with the signed command {@code RequestForecast} on {@code POST /api/v1/commands}.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/forecasts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Forecasts", description = "Day-ahead load forecasts per aggregation unit and dispatch area, and model backtests (R-4.2.2)")
public class ForecastController {

    private static final String KEY = "[A-Za-z0-9_.:-]{1,64}";

    private final QueryAsker asker;

    public ForecastController(QueryAsker asker) {
        this.asker = asker;
    }

    @GetMapping
    @Operation(operationId = "getCurrentForecast", summary = "The current (latest published) forecast of a unit or dispatch area for a day",
            description = "96 quarter-hour average powers in kW from 00:00 China Standard Time, daily energy in kWh, model, training "
                    + "window, issue time, and the signer, key and envelope digest of the publication")
    public ForecastView current(@Parameter(description = "UNIT or DISPATCH_AREA") @RequestParam PileDimension dim,
                                @Parameter(description = "unit id or dispatch area id") @RequestParam @Pattern(regexp = KEY) String key,
                                @Parameter(description = "trading day, yyyy-MM-dd") @RequestParam
                                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return asker.ask(new FindCurrentForecastQuery(CurrentViewer.get(), dim, key, day), ForecastView.class);
    }

    @GetMapping("/versions")
    @Operation(operationId = "listForecastVersions", summary = "Every forecast published for a unit or dispatch area and day, oldest first")
    public ForecastVersionList versions(@RequestParam PileDimension dim, @RequestParam @Pattern(regexp = KEY) String key,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return asker.ask(new FindForecastVersionsQuery(CurrentViewer.get(), dim, key, day), ForecastVersionList.class);
    }

    @GetMapping("/backtest")
    @Operation(operationId = "backtestForecasts", summary = "Backtest of every model over the last days (read-only)",
            description = "Rolling origin over the last `days` complete days: MAE, MAPE, MASE (scaled by the 7-day seasonal naive "
                    + "in-sample MAE) and peak error per model; `method` in the answer defines them")
    public ForecastBacktestView backtest(@RequestParam PileDimension dim, @RequestParam @Pattern(regexp = KEY) String key,
                                         @RequestParam(defaultValue = "28") @Min(1) @Max(60) int days) {
        return asker.ask(new BacktestForecastQuery(CurrentViewer.get(), dim, key, days), ForecastBacktestView.class);
    }

    @GetMapping("/{forecastId}")
    @Operation(operationId = "getForecast", summary = "One published forecast by id (e.g. FC-U-AU-JS-NJ-1-20261127-SDW-v1)")
    public ForecastView forecast(@PathVariable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}") String forecastId) {
        return asker.ask(new FindForecastQuery(CurrentViewer.get(), new ForecastId(forecastId)), ForecastView.class);
    }
}
