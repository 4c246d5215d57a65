package org.evgrid.icc.ui.auditlog;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.ui.security.IccUserDetails;
import org.evgrid.icc.ui.security.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts HTTP operations that are not signed commands into the audit log (R-6.2a): every request with credentials (a
 * password, a session, a signature) that may change something (any method but GET, HEAD and OPTIONS) or was refused
 * with 401 or 403. Signed commands at {@code POST /api/v1/commands} are recorded by the command
 * endpoint in more detail ({@link #AUDITED}); anonymous requests without credentials are not (nobody to name; sign-in
 * attempts are in the login log). Runs inside the security filter chain, right after the security context is loaded,
 * so it sees who was authenticated and every refusal of the filters after it.
 */
public class OperationAuditFilter extends OncePerRequestFilter {

    /** Request attribute set by whoever has already recorded the request in the audit log. */
    public static final String AUDITED = OperationAuditFilter.class.getName() + ".audited";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String COMMANDS = "/api/v1/commands";

    private final ObjectProvider<AuditTrail> trail;
    private final Clock clock;

    public OperationAuditFilter(ObjectProvider<AuditTrail> trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            recordIfDue(request, response);
        }
    }

    private void recordIfDue(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(AUDITED) != null || request.isAsyncStarted()) {
            return;
        }
        int status = response.getStatus();
        // without credentials there is nobody to name: an anonymous sign-in challenge is not worth a record (and anybody
        // could fill the log with them); a command's credentials are its signed body
        boolean credentials = presentedCredentials(request) || COMMANDS.equals(request.getRequestURI());
        boolean change = !READS.contains(request.getMethod());
        boolean refusedAccess = status == 401 || status == 403;
        if (!credentials || !change && !refusedAccess) {
            return;
        }
        AuditTrail audit = trail.getIfAvailable();
        if (audit == null) {
            return;
        }
        String path = request.getRequestURI();
        audit.record(new HttpOperation(clock.instant(), request.getMethod(), path.length() > 300 ? path.substring(0, 300) : path,
                request.getRemoteAddr(), request.getHeader("X-ICC-Key-Id"), principal(), status, response.getHeader(ProblemWriter.CODE_HEADER)));
    }

    private static boolean presentedCredentials(HttpServletRequest request) {
        return request.getHeader("Authorization") != null || request.getHeader("X-ICC-Key-Id") != null;
    }

    private static String principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return null;
        }
        if (auth.getPrincipal() instanceof Viewer v) {
            return v.principal();
        }
        if (auth.getPrincipal() instanceof IccUserDetails u) {
            return "user:" + u.getUsername();
        }
        return null;
    }
}
