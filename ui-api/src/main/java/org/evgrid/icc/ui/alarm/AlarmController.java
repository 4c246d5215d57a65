package org.evgrid.icc.ui.alarm;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.evgrid.icc.coreapi.alarm.AlarmList;
import org.evgrid.icc.coreapi.alarm.AlarmStatus;
import org.evgrid.icc.coreapi.alarm.FindAlarmsQuery;
import org.evgrid.icc.ui.query.QueryAsker;
import org.evgrid.icc.ui.query.ReadParams;
import org.evgrid.icc.ui.security.CurrentViewer;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alarms (R-6.2b) in the standard record format. Alarms are acknowledged with the signed command AcknowledgeAlarm
 * through {@code POST /api/v1/commands}.
 */
@RestController
@RequestMapping(path = "/api/v1/alarms", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Alarms", description = "Alarm records: time, type, level, status, module, title, details, occurrences, first time and "
        + "repeat count (R-6.2b); times are UTC instants")
public class AlarmController {

    private final QueryAsker asker;

    public AlarmController(QueryAsker asker) {
        this.asker = asker;
    }

    @GetMapping
    @Operation(operationId = "listAlarms", summary = "Alarms, newest first, optionally of one status and module",
            description = "A repeated alarm is one record: occurrences counts them, firstTime is the first, time the latest; "
                    + "acknowledgedBy/acknowledgedAt/note once a person acknowledged it")
    public AlarmList alarms(
            @Parameter(description = "OPEN, ACKNOWLEDGED or CLEARED; leave out for all") @RequestParam(required = false) AlarmStatus status,
            @Parameter(description = "the module that raised the alarm (as in the records' module field); leave out for all")
            @RequestParam(required = false) String module,
            @Parameter(description = "page number from 0 (0–100000)") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "page size (1–500)") @RequestParam(defaultValue = "50") int size) {
        ReadParams.module(module);
        ReadParams.page(page);
        ReadParams.size(size);
        return asker.ask(new FindAlarmsQuery(CurrentViewer.get(), status, module, page, size), AlarmList.class);
    }
}
