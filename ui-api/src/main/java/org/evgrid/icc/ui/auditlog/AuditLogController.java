package org.evgrid.icc.ui.auditlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log of business operations (R-6.2a) for auditors: every signed command, accepted or refused. */
@RestController
@RequestMapping(path = "/api/v1/audit-log", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit log", description = "Every signed command that reached the API, accepted or refused, hash-chained and sealed "
        + "into the ledger")
public class AuditLogController {

    static final int MAX_LIMIT = 1000;
    private static final Set<String> RESULTS = Set.of("ACCEPTED", "REFUSED");
    private static final Pattern OPERATION = Pattern.compile("[A-Za-z]{1,64}");

    private final ObjectProvider<AuditTrail> trail;
    private final Clock clock;

    public AuditLogController(ObjectProvider<AuditTrail> trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** Records of a time range and whether the hash chain verifies over it. */
    @GetMapping
    @Operation(operationId = "findAuditLog", summary = "Audit log records of a time range, and whether its hash chain verifies",
            description = "from (inclusive, default 24 hours before to) and to (exclusive, default now) are ISO-8601 instants; result = "
                    + "ACCEPTED or REFUSED; operation = a command type, e.g. RegisterPile; limit 1–1000 (default 100). Each record: "
                    + "sequence, time, keyId, signer, remoteAddress, operation, target, result, problemCode, reason, envelopeDigest, "
                    + "previousHash, hash. chainVerified covers every record of the range whatever the filters; when it is false, "
                    + "brokenAtSequence and problem say where and what.")
    public AuditLogView find(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                             @RequestParam(required = false) String result,
                             @RequestParam(required = false) String operation,
                             @RequestParam(defaultValue = "100") int limit) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofHours(24)) : from;
        if (!start.isBefore(end)) {
            throw IccException.invalid("ICC-AUDITLOG-RANGE", "from", "起始时间必须早于结束时间", "'from' must be before 'to'",
                    "Send a from earlier than to");
        }
        if (result != null && !RESULTS.contains(result)) {
            throw IccException.invalid("ICC-AUDITLOG-RESULT", "result", "结果只能是 ACCEPTED 或 REFUSED",
                    "result must be ACCEPTED or REFUSED", "Leave result out for both, or send ACCEPTED or REFUSED");
        }
        if (operation != null && !OPERATION.matcher(operation).matches()) {
            throw IccException.invalid("ICC-AUDITLOG-OPERATION", "operation", "操作应为指令类型名称，如 RegisterPile",
                    "operation must be a command type such as RegisterPile", "Send a command type from the API documentation");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw IccException.invalid("ICC-AUDITLOG-LIMIT", "limit", "limit 必须在 1 到 1000 之间", "limit must be between 1 and 1000",
                    "Send a limit from 1 to 1000");
        }
        AuditTrail store = trail.getIfAvailable();
        if (store == null) {
            throw new IccException("ICC-AUDITLOG-UNAVAILABLE", ErrorCategory.UNAVAILABLE, null, "审计日志暂不可用", "The audit log is not available",
                    "Try again later; tell the system administrator if it persists");
        }
        return store.find(start, end, result, operation, limit);
    }
}
