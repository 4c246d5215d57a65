package org.evgrid.icc.ui.security.login;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
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
import org.evgrid.icc.coreapi.security.FindPasswordStatusQuery;
import org.evgrid.icc.coreapi.security.FindUserCredentialsQuery;
import org.evgrid.icc.coreapi.security.PasswordStatusView;
import org.evgrid.icc.coreapi.security.UserCredentialsView;
import org.evgrid.icc.coreapi.security.UserId;
import org.evgrid.icc.ui.problem.Problems;
import org.evgrid.icc.ui.security.IccUserDetails;
import org.evgrid.icc.ui.security.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Console sign-in over HTTP Basic with the MLPS level-3 checks, on every request (the API keeps no session): a locked user
 * id is refused before its password is looked at; a wrong password, an unknown or disabled user all answer the same
 * {@code ICC-AUTH-FAILED} and count towards the lock; a user with an authenticator must send {@value #TOTP_HEADER}; an
 * expired password, or one that breaks the {@link PasswordPolicy} (registered by an administrator as a bare hash, so only
 * checked here, when it is used), may only be used for {@code POST /api/v1/me/password}. Every attempt goes to the login log.
 * Requests already authenticated (signed requests) and requests without HTTP Basic pass untouched.
 * <p>With a {@link Directory} (LDAP) the directory checks the password of a user the center knows and has enabled: right →
 * signed in (the center's password rules and expiry do not apply; the one-time code does); wrong → {@code ICC-AUTH-FAILED},
 * counted, never retried locally; unknown to the directory → the local hash (break-glass and service accounts); directory
 * unreachable → the local hash if falling back is allowed (logged {@code LOCAL_FALLBACK}), else
 * {@code 503 ICC-AUTH-DIRECTORY-UNAVAILABLE}. The login log records the {@link LoginSource} of each check.
 */
public class ConsoleLoginFilter extends OncePerRequestFilter {

    /** The header carrying the one-time code of a user with an authenticator. */
    public static final String TOTP_HEADER = "X-ICC-TOTP";
    /** The one request an expired password may make. */
    public static final String PASSWORD_CHANGE_PATH = "/api/v1/me/password";

    private final QueryGateway queryGateway;
    private final PasswordEncoder encoder;
    private final LoginRecords records;
    private final ProblemWriter problems;
    private final String dummyHash;
    private final DirectorySignIn directory;

    /** Local accounts only. */
    public ConsoleLoginFilter(QueryGateway queryGateway, PasswordEncoder encoder, LoginRecords records, ProblemWriter problems) {
        this(queryGateway, encoder, records, problems, DirectorySignIn.NONE);
    }

    /** Passwords checked against the directory first when one is configured (see {@link DirectorySignIn}). */
    public ConsoleLoginFilter(QueryGateway queryGateway, PasswordEncoder encoder, LoginRecords records, ProblemWriter problems,
                              DirectorySignIn directory) {
        this.directory = directory;
        this.queryGateway = queryGateway;
        this.encoder = encoder;
        this.records = records;
        this.problems = problems;
        this.dummyHash = encoder.encode("no-such-user-Unused#1");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // per-address throttling of failed sign-ins (password spraying): AddressGate, kept as this one block
        if (AddressGate.refused(request, response, records, problems)) {
            return;
        }
        String header = request.getHeader("Authorization");
        Authentication existing = SecurityContextHolder.getContext().getAuthentication();
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) || (existing != null && existing.isAuthenticated())) {
            chain.doFilter(request, response);
            return;
        }
        String[] credentials = decode(header.substring(6).trim());
        String address = request.getRemoteAddr();
        if (credentials == null) {
            refuse(response, failed());
            return;
        }
        String user = credentials[0];
        String password = credentials[1];
        Instant now = records.clock().instant();
        LoginRecords.State state = records.state(user);
        if (state.lockedUntil() != null && now.isBefore(state.lockedUntil())) {
            records.record(user, address, LoginResult.LOCKED, null);
            refuseLocked(response, state.lockedUntil());
            return;
        }
        UserCredentialsView view;
        try {
            view = find(user);
        } catch (IccException e) {
            refuse(response, e);
            return;
        }
        LoginSource source = LoginSource.LOCAL;
        boolean matches;
        if (view != null && view.enabled() && directory.enabled()) {
            // the directory checks the password; roles and scope still come only from the signed user registry (view)
            switch (directory.directory().authenticate(user, password)) {
                case AUTHENTICATED -> {
                    source = LoginSource.DIRECTORY;
                    matches = true;
                }
                case WRONG_PASSWORD -> {
                    // never retried against the local hash
                    source = LoginSource.DIRECTORY;
                    matches = false;
                }
                case UNKNOWN_USER -> matches = encoder.matches(password, view.passwordHash());
                case UNAVAILABLE -> {
                    if (!directory.fallbackToLocal()) {
                        records.record(user, address, LoginResult.DIRECTORY_UNAVAILABLE, null, LoginSource.DIRECTORY);
                        refuse(response, directoryUnavailable());
                        return;
                    }
                    source = LoginSource.LOCAL_FALLBACK;
                    matches = encoder.matches(password, view.passwordHash());
                }
                default -> throw new IllegalStateException("unknown directory verdict");
            }
        } else {
            matches = encoder.matches(password, view == null ? dummyHash : view.passwordHash());
        }
        if (view == null || !view.enabled() || !matches) {
            LoginResult result = view == null ? LoginResult.UNKNOWN_USER : !view.enabled() ? LoginResult.DISABLED : LoginResult.BAD_PASSWORD;
            Instant lockedUntil = records.failed(user, now);
            records.record(user, address, result, lockedUntil, source);
            if (lockedUntil != null) {
                refuseLocked(response, lockedUntil);
            } else {
                refuse(response, failed());
            }
            return;
        }
        if (state.totpUnreadable() != null) {
            // the stored one-time-code secret does not decrypt (master key file): fail closed, without counting a failure
            records.record(user, address, LoginResult.TOTP_INVALID, null, source);
            refuse(response, state.totpUnreadable(), HttpStatus.SERVICE_UNAVAILABLE);
            return;
        }
        if (state.totpSecret() != null) {
            String code = request.getHeader(TOTP_HEADER);
            if (code == null || code.isBlank()) {
                records.record(user, address, LoginResult.TOTP_REQUIRED, null, source);
                refuse(response, IccException.invalid("ICC-AUTH-TOTP-REQUIRED", TOTP_HEADER,
                        "您已启用动态口令，请同时提供当前的 6 位动态口令", "You use one-time codes: send the current 6-digit code as well",
                        "Send the code your authenticator app shows in the X-ICC-TOTP header together with your user name and password"),
                        HttpStatus.UNAUTHORIZED);
                return;
            }
            if (!Totp.verify(state.totpSecret(), code.trim(), now)) {
                Instant lockedUntil = records.failed(user, now);
                records.record(user, address, LoginResult.TOTP_INVALID, lockedUntil, source);
                if (lockedUntil != null) {
                    refuseLocked(response, lockedUntil);
                } else {
                    refuse(response, IccException.invalid("ICC-AUTH-TOTP-INVALID", TOTP_HEADER,
                            "动态口令不正确或已过期", "The one-time code is wrong or has expired",
                            "Send the code your authenticator app shows now; check that the phone's clock is right"), HttpStatus.UNAUTHORIZED);
                }
                return;
            }
        }
        records.succeeded(user, state);
        boolean changing = "POST".equals(request.getMethod()) && PASSWORD_CHANGE_PATH.equals(path(request));
        // the directory's own password rules and expiry apply to directory passwords, not the center's
        IccException weak = source == LoginSource.DIRECTORY ? null : weakness(user, password);
        if (weak != null && !changing) {
            // a password registered by an administrator arrives as a hash: the policy is checked when it is first used
            records.record(user, address, LoginResult.WEAK_PASSWORD, null, source);
            refuse(response, IccException.forbidden("ICC-AUTH-PASSWORD-WEAK", "password",
                    "您的密码不符合密码规则，请先修改密码：" + weak.messageZh(),
                    "Your password does not meet the password rules; change it first: " + weak.messageEn(),
                    "POST /api/v1/me/password with {\"currentPassword\": …, \"newPassword\": …}; " + weak.fix()));
            return;
        }
        if (source != LoginSource.DIRECTORY && !changing && expired(view.userId(), now)) {
            records.record(user, address, LoginResult.EXPIRED, null, source);
            refuse(response, IccException.forbidden("ICC-AUTH-PASSWORD-EXPIRED", "password",
                    "您的密码已超过 " + records.settings().passwordMaxAge().toDays() + " 天未修改，已过期；请先修改密码",
                    "Your password is older than " + records.settings().passwordMaxAge().toDays() + " days and has expired; change it first",
                    "POST /api/v1/me/password with {\"currentPassword\": …, \"newPassword\": …} signed in with the expired password"));
            return;
        }
        records.record(user, address, LoginResult.SUCCESS, null, source);
        IccUserDetails details = new IccUserDetails(view);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private static IccException weakness(String user, String password) {
        try {
            PasswordPolicy.check(user, password);
            return null;
        } catch (IccException e) {
            return e;
        }
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private static String[] decode(String token) {
        try {
            String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return colon <= 0 ? null : new String[] {text.substring(0, colon), text.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private boolean expired(UserId userId, Instant now) {
        PasswordStatusView status = ask(new FindPasswordStatusQuery(userId), PasswordStatusView.class);
        return status != null && status.passwordSetAt() != null && !now.isBefore(status.passwordSetAt().plus(records.settings().passwordMaxAge()));
    }

    private UserCredentialsView find(String user) {
        UserId id;
        try {
            id = new UserId(user);
        } catch (IccException e) {
            return null;
        }
        return ask(new FindUserCredentialsQuery(id), UserCredentialsView.class);
    }

    private <R> R ask(Object query, Class<R> type) {
        try {
            return queryGateway.query(query, ResponseTypes.instanceOf(type)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
    }

    private static IccException unavailable() {
        return new IccException("ICC-AUTH-UNAVAILABLE", ErrorCategory.UNAVAILABLE, null,
                "用户目录暂不可用", "The user directory is not available right now", "Try again in a minute; if it persists, tell the operations staff");
    }

    private static IccException directoryUnavailable() {
        return new IccException("ICC-AUTH-DIRECTORY-UNAVAILABLE", ErrorCategory.UNAVAILABLE, null,
                "统一身份认证目录（LDAP）暂时无法连接，无法核对密码", "The sign-in directory (LDAP) cannot be reached right now, so the password "
                + "cannot be checked", "Try again in a minute; if it persists, tell the operations staff (they can check the directory "
                + "server and the network, or allow local sign-in with icc.security.ldap.fallback-to-local)");
    }

    private static IccException failed() {
        return new IccException("ICC-AUTH-FAILED", ErrorCategory.UNAUTHENTICATED, null,
                "用户名或密码不正确", "The user name or the password is wrong",
                "Check both (the password is case-sensitive); after repeated failures the account is locked for a while");
    }

    private static IccException locked(Instant until) {
        return new IccException("ICC-AUTH-LOCKED", ErrorCategory.UNAUTHENTICATED, "lockedUntil",
                "登录失败次数过多，账号已锁定至 " + until + "（UTC）", "Too many failed sign-ins: the account is locked until " + until + " (UTC)",
                "Wait until " + until + " and sign in again with the right password; a security operator can tell you more");
    }

    private void refuse(HttpServletResponse response, IccException e) throws IOException {
        problems.write(response, Problems.of(e));
    }

    /** A locked user id: 401 with the lock's end as {@code lockedUntil} (also for unknown ids). */
    private void refuseLocked(HttpServletResponse response, Instant until) throws IOException {
        ProblemDetail problem = Problems.of(locked(until));
        problem.setProperty("lockedUntil", until.toString());
        problems.write(response, problem);
    }

    private void refuse(HttpServletResponse response, IccException e, HttpStatus status) throws IOException {
        problems.write(response, Problems.of(status, e.code(), e.field(), e.messageZh(), e.messageEn(), e.fix(), List.of()));
    }
}
