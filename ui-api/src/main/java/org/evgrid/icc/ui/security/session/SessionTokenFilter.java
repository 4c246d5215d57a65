package org.evgrid.icc.ui.security.session;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.FindUserCredentialsQuery;
import org.evgrid.icc.coreapi.security.UserCredentialsView;
import org.evgrid.icc.coreapi.security.UserId;
import org.evgrid.icc.ui.problem.Problems;
import org.evgrid.icc.ui.security.IccUserDetails;
import org.evgrid.icc.ui.security.ProblemWriter;
import org.evgrid.icc.ui.security.login.LoginRecords;
import org.evgrid.icc.ui.security.login.LoginResult;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer iccs_…} with a console session: unknown token → 401
 * {@code ICC-AUTH-SESSION-UNKNOWN}; ended (closed, idle, too old, user disabled) → 401 {@code ICC-AUTH-SESSION-ENDED}
 * naming why, and the login log records the expiry once. The user's roles and scope are read from the registry on every
 * request, so a change applies at once. Other requests pass untouched.
 */
public class SessionTokenFilter extends OncePerRequestFilter {

    private final ConsoleSessions sessions;
    private final QueryGateway queryGateway;
    private final LoginRecords records;
    private final ProblemWriter problems;

    public SessionTokenFilter(ConsoleSessions sessions, QueryGateway queryGateway, LoginRecords records, ProblemWriter problems) {
        this.sessions = sessions;
        this.queryGateway = queryGateway;
        this.records = records;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        ConsoleSessions.Session session = sessions.find(header.substring(7).trim());
        if (session == null) {
            problems.write(response, Problems.of(new IccException("ICC-AUTH-SESSION-UNKNOWN", ErrorCategory.UNAUTHENTICATED, null,
                    "会话令牌无效", "The session token is not valid",
                    "Sign in again: POST /api/v1/sessions with your user name and password and a second factor")));
            return;
        }
        Instant now = sessions.clock().instant();
        ConsoleSessions.End end = sessions.endOf(session, now);
        UserCredentialsView user = null;
        if (end == null) {
            try {
                user = find(session.user());
            } catch (IccException e) {
                problems.write(response, Problems.of(e));
                return;
            }
            if (user == null || !user.enabled()) {
                end = ConsoleSessions.End.USER_DISABLED;
            }
        }
        if (end != null) {
            if (session.endedAt() == null) {
                sessions.end(session, end, now);
                records.record(session.user(), request.getRemoteAddr(), LoginResult.SESSION_EXPIRED, null);
            }
            problems.write(response, Problems.of(ended(end)));
            return;
        }
        ConsoleSessions.Session touched = sessions.touch(session, now);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new SessionAuthentication(new IccUserDetails(user), touched));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private UserCredentialsView find(String user) {
        try {
            return queryGateway.query(new FindUserCredentialsQuery(new UserId(user)), ResponseTypes.instanceOf(UserCredentialsView.class))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
    }

    private IccException ended(ConsoleSessions.End end) {
        String minutes = String.valueOf(sessions.settings().idleTimeout().toMinutes());
        String hours = String.valueOf(sessions.settings().maxAge().toHours());
        String[] why = switch (end) {
            case IDLE -> new String[] {"会话已超过 " + minutes + " 分钟未使用，已结束", "The session was unused for " + minutes + " minutes and has ended"};
            case MAX_AGE -> new String[] {"会话已达到最长 " + hours + " 小时，已结束", "The session reached its maximum of " + hours + " hours and has ended"};
            case USER_DISABLED -> new String[] {"该用户已被停用，会话已结束", "The user has been disabled; the session has ended"};
            default -> new String[] {"会话已退出", "The session was closed (signed out)"};
        };
        return new IccException("ICC-AUTH-SESSION-ENDED", ErrorCategory.UNAUTHENTICATED, null, why[0], why[1],
                "Sign in again: POST /api/v1/sessions with your user name and password and a second factor");
    }

    private static IccException unavailable() {
        return new IccException("ICC-AUTH-UNAVAILABLE", ErrorCategory.UNAVAILABLE, null, "用户目录暂不可用",
                "The user directory is not available right now", "Try again in a minute; if it persists, tell the operations staff");
    }
}
