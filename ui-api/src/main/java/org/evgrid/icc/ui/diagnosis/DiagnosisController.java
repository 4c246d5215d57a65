package org.evgrid.icc.ui.diagnosis;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.diagnosis.DebugSwitchView;
import org.evgrid.icc.coreapi.diagnosis.DiagnosisView;
import org.evgrid.icc.coreapi.diagnosis.FindDebugSwitchQuery;
import org.evgrid.icc.coreapi.diagnosis.FindDiagnosisQuery;
import org.evgrid.icc.coreapi.diagnosis.FindLedgerVerificationsQuery;
import org.evgrid.icc.coreapi.diagnosis.LedgerVerificationList;
import org.evgrid.icc.coreapi.diagnosis.SwitchDebugQuery;
import org.evgrid.icc.ui.query.QueryAsker;
import org.evgrid.icc.ui.security.CurrentViewer;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-diagnosis (R-6.2b): the center's state with an overall verdict, the background ledger verifications and the
 * runtime debug switch. Security operators and auditors read; only security operators switch debug.
 */
@RestController
@RequestMapping(path = "/api/v1/diagnosis", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Self-diagnosis", description = "Stores, event processors, ledger verification, backlogs, debug switch")
public class DiagnosisController {

    static final int MAX_LIMIT = 200;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final QueryAsker asker;

    public DiagnosisController(QueryAsker asker) {
        this.asker = asker;
    }

    @GetMapping
    @Operation(operationId = "diagnosis", summary = "The center's self-diagnosis with an overall verdict OK, DEGRADED or FAILED",
            description = "Security operators and auditors. Stores (event store: reachable, event count, head global index; "
                    + "MongoDB: reachable), every event processor (running, in error, events behind the head), the latest "
                    + "background ledger verification and its age in seconds, deadline jobs by state, gateway outbox items by "
                    + "status, the debug switch, and the reasons of the verdict in Chinese and English.")
    public DiagnosisView diagnosis() {
        return asker.ask(new FindDiagnosisQuery(), DiagnosisView.class, WAIT);
    }

    @GetMapping("/ledger-verifications")
    @Operation(operationId = "ledgerVerifications", summary = "The newest background ledger verifications, newest first",
            description = "Hourly incremental and nightly full verifications (time, mode, range, intact, first broken entry and "
                    + "why, duration). limit 1–200, default 24.")
    public LedgerVerificationList verifications(@RequestParam(defaultValue = "24") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw IccException.invalid("ICC-DIAG-LIMIT", "limit", "条数应在 1 到 " + MAX_LIMIT + " 之间",
                    "The number of verifications must be between 1 and " + MAX_LIMIT, "Send a limit from 1 to " + MAX_LIMIT);
        }
        return asker.ask(new FindLedgerVerificationsQuery(limit), LedgerVerificationList.class);
    }

    @GetMapping("/debug")
    @Operation(operationId = "debugSwitch", summary = "The runtime debug switch: on or off, until when, by whom")
    public DebugSwitchView debug() {
        return asker.ask(new FindDebugSwitchQuery(), DebugSwitchView.class);
    }

    @PostMapping("/debug")
    @Operation(operationId = "switchDebug", summary = "Turn DEBUG logging and the MongoDB command log on for some minutes, or off",
            description = "Security operators only. enabled=true: DEBUG for the org.evgrid.icc loggers and every MongoDB command "
                    + "logged with its duration and result, off again after `minutes` (1–240, default 15); enabled=false: off "
                    + "now. Logged at WARN with who switched it. Affects this node only.")
    public DebugSwitchView switchDebug(@RequestParam boolean enabled, @RequestParam(defaultValue = "15") int minutes) {
        return asker.ask(new SwitchDebugQuery(enabled, minutes, CurrentViewer.get().principal()), DebugSwitchView.class);
    }
}
