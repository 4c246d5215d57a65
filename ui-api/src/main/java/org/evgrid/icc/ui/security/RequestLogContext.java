package org.evgrid.icc.ui.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts who, from where and what into the log context (MDC) of every request, for the structured log lines: {@code ip}
 * (remote address), {@code user} (user name or signing key's principal, once authenticated) and {@code operation}
 * (method and path; the command endpoint adds the command type). Cleared when the request ends.
 */
public final class RequestLogContext extends OncePerRequestFilter {

    public static final String IP = "ip";
    public static final String USER = "user";
    public static final String OPERATION = "operation";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MDC.put(IP, request.getRemoteAddr());
        MDC.put(OPERATION, request.getMethod() + " " + request.getRequestURI());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getName() != null) {
            MDC.put(USER, auth.getName());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(IP);
            MDC.remove(OPERATION);
            MDC.remove(USER);
        }
    }
}
