package org.evgrid.icc.ui.security.login;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.evgrid.icc.coreapi.common.IccException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The login log (R-8.2e) for auditors: every console sign-in attempt with time, user, address and result. */
@RestController
@RequestMapping(path = "/api/v1/security", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Login log", description = "Console sign-in attempts: successes, wrong passwords, locks, unknown users, expired passwords")
public class LoginLogController {

    /** The most entries one answer holds. */
    public static final int MAX_LIMIT = 1000;

    /** One page of the login log, newest first. */
    public record LoginLogPage(List<LoginRecords.Entry> items) {
    }

    private final LoginRecords records;

    public LoginLogController(LoginRecords records) {
        this.records = records;
    }

    @GetMapping("/logins")
    @Operation(operationId = "loginLog", summary = "Console sign-in attempts in [from, to), optionally of one user, newest first",
            description = "Each item: id (time-ordered), at, user (as typed, also unknown ones), address, result (SUCCESS, "
                    + "BAD_PASSWORD, UNKNOWN_USER, DISABLED, LOCKED, EXPIRED, WEAK_PASSWORD, TOTP_REQUIRED, TOTP_INVALID, PASSWORD_CHANGED, "
                    + "TOTP_ENROLLED) and lockedUntil on the failure that locked the user. limit 1–1000, default 100. A success "
                    + "of the same user from the same address is logged once per icc.security.login-log-success-interval.")
    public LoginLogPage logins(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                               @RequestParam(required = false) String user,
                               @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw IccException.invalid("ICC-LOGINS-LIMIT", "limit", "条数应在 1 到 1000 之间", "limit must be between 1 and 1000",
                    "Send limit between 1 and 1000, or leave it out for 100");
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw IccException.invalid("ICC-LOGINS-RANGE", "to", "结束时间应晚于开始时间", "The end of the range must be after its start",
                    "Send to as an ISO-8601 instant later than from, e.g. 2026-03-02T00:00:00Z");
        }
        if (user != null && (user.isBlank() || user.length() > 64)) {
            throw IccException.invalid("ICC-LOGINS-USER", "user", "用户名应为 1 到 64 个字符", "user must have 1 to 64 characters",
                    "Send the user name as typed at sign-in, or leave it out for all users");
        }
        return new LoginLogPage(records.entries(from, to, user, limit));
    }
}
