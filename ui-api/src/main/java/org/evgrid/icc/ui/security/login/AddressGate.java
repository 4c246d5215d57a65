package org.evgrid.icc.ui.security.login;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.evgrid.icc.ui.problem.Problems;
import org.evgrid.icc.ui.security.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The per-address check at the start of {@link ConsoleLoginFilter}: an HTTP Basic sign-in (not already authenticated)
 * from an address that {@link AddressThrottle} blocks is refused with {@code 429 ICC-AUTH-ADDRESS-BLOCKED}
 * ({@code retryAfter} in seconds, {@code blockedUntil}, {@code Retry-After}) before any password is looked at, and logged
 * as ADDRESS_BLOCKED. Signed requests and requests without HTTP Basic are not affected.
 */
public final class AddressGate {

    /** The problem code of a blocked address. */
    public static final String CODE = "ICC-AUTH-ADDRESS-BLOCKED";

    private AddressGate() {
    }

    /** Refuses the request if its address is blocked; answers whether it did. */
    public static boolean refused(HttpServletRequest request, HttpServletResponse response, LoginRecords records, ProblemWriter problems)
            throws IOException {
        AddressThrottle throttle = records.addresses();
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        Authentication existing = SecurityContextHolder.getContext().getAuthentication();
        if (throttle == null || header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)
                || existing != null && existing.isAuthenticated()) {
            return false;
        }
        Instant now = records.clock().instant();
        String address = request.getRemoteAddr();
        Instant until = throttle.blockedUntil(address, now);
        if (until == null) {
            return false;
        }
        records.record(userOf(header), address, LoginResult.ADDRESS_BLOCKED, null);
        long seconds = Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, CODE, null,
                "来自您所在地址的登录失败次数过多，该地址的用户名密码登录已暂停至 " + until + "（UTC）",
                "Too many failed sign-ins from your address: sign-in with user name and password from it is paused until " + until + " (UTC)",
                "Wait " + seconds + " second(s) (see retryAfter) and sign in again with the right password; signed requests are not "
                        + "affected; if you did not cause this, tell a security operator", null);
        problem.setProperty("retryAfter", seconds);
        problem.setProperty("blockedUntil", until.toString());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(response, problem);
        return true;
    }

    private static String userOf(String header) {
        try {
            String text = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return colon <= 0 ? "-" : text.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "-";
        }
    }
}
