package org.evgrid.icc.ui.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.evgrid.icc.coreapi.audit.AggregateStateView;
import org.evgrid.icc.coreapi.audit.AuditEventPage;
import org.evgrid.icc.coreapi.audit.DiagnoseProjectionQuery;
import org.evgrid.icc.coreapi.audit.FindAggregateStateQuery;
import org.evgrid.icc.coreapi.audit.FindEventsInRangeQuery;
import org.evgrid.icc.coreapi.audit.FindLastProjectionDiagnosisQuery;
import org.evgrid.icc.coreapi.audit.FindStreamHistoryQuery;
import org.evgrid.icc.coreapi.audit.ProjectionDiagnosisView;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.ui.query.QueryAsker;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Auditor replay (issue 5): an aggregate's history with signers and signed envelopes, the events of a time range, an
 * aggregate's state as of an instant, and the projection self-diagnosis (rebuild and compare). All read-only.
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Auditor replay", description = "History of an aggregate or a time range with signers and signed envelopes, state as of "
        + "an instant, projection self-diagnosis")
public class AuditController {

    /** A stream id: kind:identifier, e.g. pile:P-0001. */
    static final Pattern STREAM_ID = Pattern.compile("[a-z][a-z-]{0,31}:[A-Za-z0-9._:-]{1,64}");
    /** Projection names (processing groups). */
    static final Pattern PROJECTION = Pattern.compile("[a-z][a-z-]{0,63}");
    static final int MAX_LIMIT = 1000;
    private static final Duration DIAGNOSIS_WAIT = Duration.ofMinutes(10);
    private static final Duration HISTORY_WAIT = Duration.ofMinutes(1);

    private final QueryAsker asker;

    public AuditController(QueryAsker asker) {
        this.asker = asker;
    }

    @GetMapping("/streams/{streamId}/events")
    @Operation(operationId = "auditStreamHistory", summary = "One aggregate's events up to an instant, with signer, key, algorithm, "
            + "envelope digest and the signed command envelope",
            description = "streamId = kind:id (pile:P-0001, bid:BID-1, plan:DP-1, declaration:D-1 …). Answers every event of the "
                    + "stream (at most 10,000) in sequence order as one JSON page ({items, nextAfterPosition: null}); upTo "
                    + "(ISO-8601 instant, inclusive) cuts the history. Each item: type, payload, timestamp, sequence, global "
                    + "position, signer, keyId, algorithm, envelopeDigest, envelope (the exact signed JSON) and its signature.")
    public AuditEventPage streamHistory(@PathVariable String streamId,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant upTo) {
        requireStreamId(streamId);
        return asker.ask(new FindStreamHistoryQuery(streamId, upTo), AuditEventPage.class, HISTORY_WAIT);
    }

    @GetMapping("/events")
    @Operation(operationId = "auditEventsInRange", summary = "Every event with a timestamp in [from, to), in global order, paged",
            description = "JSON page {items, nextAfterPosition}; pass nextAfterPosition as `after` for the next page (null: the "
                    + "range is done). limit 1–1000, default 100.")
    public AuditEventPage events(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                 @RequestParam(defaultValue = "100") int limit,
                                 @RequestParam(required = false) Long after) {
        if (from == null) {
            throw invalid("ICC-AUDIT-FROM", "from", "缺少开始时间", "The start of the range is missing",
                    "Send from as an ISO-8601 instant, e.g. 2026-03-01T00:00:00Z");
        }
        if (to == null || !to.isAfter(from)) {
            throw invalid("ICC-AUDIT-RANGE", "to", "结束时间应晚于开始时间", "The end of the range must be after its start",
                    "Send to as an ISO-8601 instant later than from");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("ICC-AUDIT-LIMIT", "limit", "每页条数应在 1 到 " + MAX_LIMIT + " 之间",
                    "The page size must be between 1 and " + MAX_LIMIT, "Send a limit from 1 to " + MAX_LIMIT);
        }
        if (after != null && after < 0) {
            throw invalid("ICC-AUDIT-AFTER", "after", "续读位置不能为负数", "The position to continue after cannot be negative",
                    "Send the nextAfterPosition of the previous page, or leave after out");
        }
        return asker.ask(new FindEventsInRangeQuery(from, to, limit, after), AuditEventPage.class, HISTORY_WAIT);
    }

    @GetMapping("/streams/{streamId}/state")
    @Operation(operationId = "auditStateAsOf", summary = "An aggregate's state as of an instant, rebuilt from its events",
            description = "Replays the stream's events up to asOf (inclusive; default: all) into a fresh instance of its aggregate "
                    + "class (never the live one) and answers its fields with the sequence and time of the last event applied.")
    public AggregateStateView state(@PathVariable String streamId,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        requireStreamId(streamId);
        return asker.ask(new FindAggregateStateQuery(streamId, asOf), AggregateStateView.class, HISTORY_WAIT);
    }

    @PostMapping("/diagnosis/projections/{name}")
    @Operation(operationId = "diagnoseProjection", summary = "Self-diagnosis: rebuild a projection from the event store and compare",
            description = "Security operators and auditors. Rebuilds the projection (archive-projection, declaration-projection, "
                    + "market-projection, dispatch-projection, alarm-projection) into a scratch database up to the position the "
                    + "live processor has reached and compares document by document: per collection live and rebuilt counts, "
                    + "missing, extra and different ids (first 20), verdict IDENTICAL, DIFFERENT or LIVE_MOVED. Read-only on live "
                    + "data; DIFFERENT raises the alarm ALM-PROJECTION-<name>.")
    public ProjectionDiagnosisView diagnose(@PathVariable String name) {
        requireProjection(name);
        return asker.ask(new DiagnoseProjectionQuery(name), ProjectionDiagnosisView.class, DIAGNOSIS_WAIT);
    }

    @GetMapping("/diagnosis/projections/{name}")
    @Operation(operationId = "lastProjectionDiagnosis", summary = "The last self-diagnosis report of a projection since the center started",
            description = "404 if none has run since the start; run one with POST on the same address.")
    public ProjectionDiagnosisView lastDiagnosis(@PathVariable String name) {
        requireProjection(name);
        return asker.ask(new FindLastProjectionDiagnosisQuery(name), ProjectionDiagnosisView.class);
    }

    private static void requireProjection(String name) {
        if (name == null || !PROJECTION.matcher(name).matches()) {
            throw invalid("ICC-AUDIT-PROJECTION-NAME", "name", "投影名称格式不正确", "The projection name is malformed",
                    "Send a projection name such as archive-projection or declaration-projection");
        }
    }

    private static void requireStreamId(String streamId) {
        if (streamId == null || !STREAM_ID.matcher(streamId).matches()) {
            throw invalid("ICC-AUDIT-STREAM-ID", "streamId", "对象标识格式应为“类型:编号”，如 pile:P-0001",
                    "The stream id must be kind:id, e.g. pile:P-0001", "Send the stream id as kind:id, e.g. pile:P-0001 or bid:BID-1");
        }
    }

    private static IccException invalid(String code, String field, String zh, String en, String fix) {
        return IccException.invalid(code, field, zh, en, fix);
    }
}
