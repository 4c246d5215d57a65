package org.evgrid.icc.ui.telemetry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.PreDestroy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.coreapi.telemetry.CompletenessView;
import org.evgrid.icc.coreapi.telemetry.CurrentIntervalView;
import org.evgrid.icc.coreapi.telemetry.EnergyView;
import org.evgrid.icc.coreapi.telemetry.FindCompletenessQuery;
import org.evgrid.icc.coreapi.telemetry.FindCurrentIntervalQuery;
import org.evgrid.icc.coreapi.telemetry.FindEnergyQuery;
import org.evgrid.icc.coreapi.telemetry.FindLoadCurveQuery;
import org.evgrid.icc.coreapi.telemetry.FindLoadStatisticsQuery;
import org.evgrid.icc.coreapi.telemetry.FindPileGapsQuery;
import org.evgrid.icc.coreapi.telemetry.FindPileHistoryQuery;
import org.evgrid.icc.coreapi.telemetry.LoadCurveView;
import org.evgrid.icc.coreapi.telemetry.LoadStatisticsView;
import org.evgrid.icc.coreapi.telemetry.PileGapPage;
import org.evgrid.icc.coreapi.telemetry.PileHistoryView;
import org.evgrid.icc.coreapi.telemetry.TelemetryLiveFeed;
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
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Telemetry reads: load curves, energy, load statistics, the current interval and its live stream,
 * a pile's day with its history, completeness and gaps, within the caller's data scope. Days are local
 * (Asia/Shanghai); dim is OPERATOR | UNIT | DISPATCH_AREA | PROVINCE | CITY | DISTRICT.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/telemetry", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Telemetry", description = "Charging load, energy, statistics and data completeness (R-4.2)")
public class TelemetryController {

    private static final String KEY = "[A-Za-z0-9_.:-]{1,64}";
    private static final Duration LIVE_TIMEOUT = Duration.ofMinutes(30);

    private final QueryAsker asker;
    private final TelemetryLiveFeed feed;
    private final ExecutorService pushes = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "telemetry-live");
        thread.setDaemon(true);
        return thread;
    });

    public TelemetryController(QueryAsker asker, TelemetryLiveFeed feed) {
        this.asker = asker;
        this.feed = feed;
    }

    @PreDestroy
    void stop() {
        pushes.shutdownNow();
    }

    @GetMapping("/load-curve")
    @Operation(operationId = "getLoadCurve", summary = "Load curve of a key (or of one pile without dim) over local days",
            description = "resolution = 5, 15 or 60 minutes; at most 120 days; peak, average and load factor over the intervals with data")
    public LoadCurveView loadCurve(@Parameter(description = "omit for a single pile (key = pile id)") @RequestParam(required = false)
                                   PileDimension dim,
                                   @RequestParam @Pattern(regexp = KEY) String key,
                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                   @RequestParam(defaultValue = "15") int resolution) {
        return asker.ask(new FindLoadCurveQuery(CurrentViewer.get(), dim, key, from, to, resolution), LoadCurveView.class);
    }

    @GetMapping("/energy")
    @Operation(operationId = "getEnergy", summary = "Energy of a key by day or by month",
            description = "Energy from 5-minute power, metered daily energy, charging orders (count, energy, fees) and the daily peak; "
                    + "by = day | month; at most 366 days")
    public EnergyView energy(@RequestParam PileDimension dim, @RequestParam @Pattern(regexp = KEY) String key,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(defaultValue = "day") @Pattern(regexp = "day|month") String by) {
        return asker.ask(new FindEnergyQuery(CurrentViewer.get(), dim, key, from, to, "month".equals(by)), EnergyView.class);
    }

    @GetMapping("/statistics")
    @Operation(operationId = "getLoadStatistics", summary = "Load statistics of an operator or a unit, with comparisons",
            description = "Peak, average, load factor and energy over [from, to], compared with the same period one week, one month "
                    + "and one year earlier (absolute and percent); dim = OPERATOR | UNIT")
    public LoadStatisticsView statistics(@RequestParam PileDimension dim, @RequestParam @Pattern(regexp = KEY) String key,
                                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return asker.ask(new FindLoadStatisticsQuery(CurrentViewer.get(), dim, key, from, to), LoadStatisticsView.class);
    }

    @GetMapping("/current")
    @Operation(operationId = "getCurrentInterval", summary = "The latest 5-minute interval with data of a unit, area or operator")
    public CurrentIntervalView current(@RequestParam PileDimension dim, @RequestParam @Pattern(regexp = KEY) String key) {
        return asker.ask(new FindCurrentIntervalQuery(CurrentViewer.get(), dim, key), CurrentIntervalView.class);
    }

    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamCurrentInterval", summary = "Server-sent events: the current interval, again whenever it changes",
            description = "Each event (name 'interval') carries the same body as GET /current; the stream ends after 30 minutes "
                    + "(reconnect)")
    public SseEmitter live(@RequestParam PileDimension dim, @RequestParam @Pattern(regexp = KEY) String key) {
        Viewer viewer = CurrentViewer.get();
        FindCurrentIntervalQuery query = new FindCurrentIntervalQuery(viewer, dim, key);
        CurrentIntervalView first = asker.ask(query, CurrentIntervalView.class);
        SseEmitter emitter = new SseEmitter(LIVE_TIMEOUT.toMillis());
        AtomicBoolean pending = new AtomicBoolean();
        AtomicReference<AutoCloseable> subscription = new AtomicReference<>();
        Runnable close = () -> {
            AutoCloseable handle = subscription.getAndSet(null);
            if (handle != null) {
                try {
                    handle.close();
                } catch (Exception ignored) {
                    // nothing to release beyond the registration
                }
            }
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(e -> close.run());
        send(emitter, first, close);
        subscription.set(feed.subscribe(dim, key, () -> {
            if (pending.compareAndSet(false, true)) {
                try {
                    pushes.execute(() -> {
                        pending.set(false);
                        try {
                            send(emitter, asker.ask(query, CurrentIntervalView.class), close);
                        } catch (RuntimeException e) {
                            emitter.completeWithError(e);
                            close.run();
                        }
                    });
                } catch (RejectedExecutionException e) {
                    pending.set(false);
                }
            }
        }));
        return emitter;
    }

    private static void send(SseEmitter emitter, CurrentIntervalView view, Runnable close) {
        try {
            emitter.send(SseEmitter.event().name("interval").data(view, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            close.run();
        }
    }

    @GetMapping("/piles/{pileId}/days/{day}")
    @Operation(operationId = "getPileDay", summary = "One pile's 5-minute readings of a day: latest values, superseded versions, gaps")
    public PileHistoryView pileDay(@PathVariable @Pattern(regexp = KEY) String pileId,
                                   @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return asker.ask(new FindPileHistoryQuery(CurrentViewer.get(), new PileId(pileId), day), PileHistoryView.class);
    }

    @GetMapping("/operators/{operatorId}/completeness")
    @Operation(operationId = "getCompleteness", summary = "An operator's reporting completeness per 5-minute interval of a day",
            description = "Reporting piles / piles in service per elapsed interval, the alarm threshold and the completeness alarms")
    public CompletenessView completeness(@PathVariable @Pattern(regexp = KEY) String operatorId,
                                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return asker.ask(new FindCompletenessQuery(CurrentViewer.get(), new OperatorId(operatorId), day), CompletenessView.class);
    }

    @GetMapping("/operators/{operatorId}/gaps")
    @Operation(operationId = "getPileGaps", summary = "An operator's piles with missing 5-minute readings on a day",
            description = "100 piles (by pile id) are examined per page; the page lists those with gaps")
    public PileGapPage gaps(@PathVariable @Pattern(regexp = KEY) String operatorId,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page) {
        return asker.ask(new FindPileGapsQuery(CurrentViewer.get(), new OperatorId(operatorId), day, page), PileGapPage.class);
    }
}
