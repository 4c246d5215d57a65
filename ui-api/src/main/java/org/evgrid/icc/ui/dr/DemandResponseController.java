package org.evgrid.icc.ui.dr;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.dr.DrEventId;
import org.evgrid.icc.coreapi.dr.DrEventList;
import org.evgrid.icc.coreapi.dr.DrEventView;
import org.evgrid.icc.coreapi.dr.DrProgramList;
import org.evgrid.icc.coreapi.dr.FindDrEventQuery;
import org.evgrid.icc.coreapi.dr.FindDrEventsQuery;
import org.evgrid.icc.coreapi.dr.FindDrProgramsQuery;
import org.evgrid.icc.ui.query.QueryAsker;
import org.evgrid.icc.ui.query.ReadParams;
import org.evgrid.icc.ui.security.CurrentViewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demand response reads: the programs and the events with the units taking part, their baselines and
 * performance. Programs are registered, events published, opted into and out of with signed commands through
 * {@code POST /api/v1/commands}.
 */
@RestController
@RequestMapping(path = "/api/v1/dr", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Demand response", description = "Demand response programs and events with the units' participation, baselines and "
        + "performance (R-4.3). Power in kW, energy in kWh, prices in CNY/MWh, quarter-hour index 0–95 from 00:00 Asia/Shanghai")
public class DemandResponseController {

    private final QueryAsker asker;

    public DemandResponseController(QueryAsker asker) {
        this.asker = asker;
    }

    @GetMapping("/programs")
    @Operation(operationId = "listDrPrograms", summary = "Every demand response program",
            description = "Per program: type, baseline rule, price in CNY/MWh, settlement rule reference, version and registration time")
    public DrProgramList programs() {
        return asker.ask(new FindDrProgramsQuery(CurrentViewer.get()), DrProgramList.class);
    }

    @GetMapping("/events")
    @Operation(operationId = "listDrEvents", summary = "Demand response events for trading days in a range",
            description = "from/to are trading days (yyyy-MM-dd, Asia/Shanghai, both included, at most 366 days). Each event: its "
                    + "intervals (quarter hours 0–95, target in kW or percent), response deadline, whether real-time or cancelled, "
                    + "and per unit the committed kW, opt-in, baseline / actual / performance curves in kW and delivered kWh")
    public DrEventList events(
            @Parameter(description = "first trading day, yyyy-MM-dd") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,
            @Parameter(description = "last trading day, yyyy-MM-dd") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate to) {
        ReadParams.range(from, to);
        return asker.ask(new FindDrEventsQuery(CurrentViewer.get(), from, to), DrEventList.class);
    }

    @GetMapping("/events/{eventId}")
    @Operation(operationId = "getDrEvent", summary = "One demand response event by id, with the units taking part",
            description = "The id is given by the dispatch center, e.g. DRE-20261201-01. 404 when there is no such event.")
    public DrEventView event(@Parameter(description = "event id") @PathVariable String eventId) {
        DrEventId id = new DrEventId(eventId);
        return asker.ask(new FindDrEventQuery(CurrentViewer.get(), id), DrEventView.class,
                () -> IccException.notFound("ICC-DR-EVENT-NOT-FOUND", "eventId", "未找到需求响应事件“" + id + "”",
                        "There is no demand response event '" + id + "'",
                        "Check the event id or list the events with GET /api/v1/dr/events?from=&to="));
    }
}
