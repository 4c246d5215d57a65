package org.evgrid.icc.ui.security.session;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.ui.problem.Problems;
import org.evgrid.icc.ui.security.ProblemWriter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where a password may be sent ({@code icc.security.basic-auth}): {@code always} (the default: HTTP Basic on any request,
 * for scripts and existing clients) or {@code sessions-only} (MLPS level 3 in production: the password only opens a
 * two-factor session, {@code POST /api/v1/sessions}, or changes itself, {@code POST /api/v1/me/password}; everything else
 * takes the session's bearer token or a signed request). Runs before the sign-in filter, so a refused password is
 * never checked, counted or logged as a sign-in.
 */
public class BasicAuthPolicyFilter extends OncePerRequestFilter {

    /** The policies. */
    public enum Policy {
        /** HTTP Basic on any request. */
        ALWAYS,
        /** HTTP Basic only to open a session or change the password. */
        SESSIONS_ONLY;

        /** Reads {@code always} or {@code sessions-only} (either case, - or _). */
        public static Policy parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("icc.security.basic-auth must be always or sessions-only, not " + text, e);
            }
        }
    }

    private final Policy policy;
    private final ProblemWriter problems;

    public BasicAuthPolicyFilter(Policy policy, ProblemWriter problems) {
        this.policy = policy;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        Authentication existing = SecurityContextHolder.getContext().getAuthentication();
        boolean signed = existing != null && existing.isAuthenticated(); // a signed request: the Basic header is not used
        if (policy == Policy.SESSIONS_ONLY && basic && !signed && !passwordAllowed(request)) {
            problems.write(response, Problems.of(new IccException("ICC-AUTH-SESSION-REQUIRED", ErrorCategory.UNAUTHENTICATED, null,
                    "本中心只接受用密码开启会话：请先登录开启会话，再用会话令牌访问",
                    "This center takes a password only to open a session: open one, then send its token",
                    "POST /api/v1/sessions with your user name and password and a second factor, then send "
                            + "'Authorization: Bearer <token>' (machine clients sign their requests instead)")));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean passwordAllowed(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI();
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        return "/api/v1/sessions".equals(path) || "/api/v1/me/password".equals(path);
    }
}
