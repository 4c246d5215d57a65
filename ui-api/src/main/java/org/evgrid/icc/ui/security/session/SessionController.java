package org.evgrid.icc.ui.security.session;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.UserId;
import org.evgrid.icc.coreapi.security.VerifyLoginSignatureQuery;
import org.evgrid.icc.ui.query.QueryAsker;
import org.evgrid.icc.ui.security.IccUserDetails;
import org.evgrid.icc.ui.security.login.LoginRecords;
import org.evgrid.icc.ui.security.login.LoginResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Console sessions with an idle timeout and two factors (MLPS level 3). A console user signs in once with HTTP Basic
 * (password; lockout, expiry and the login log apply as on every Basic request) plus a second factor — a sign-in
 * challenge signed with a key registered to them, or the one-time code of their authenticator — and gets a bearer
 * token; the session ends when unused for the idle timeout, at its maximum age, when the user is disabled, or on sign-out.
 */
@RestController
@RequestMapping(path = "/api/v1/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sessions", description = "Console sign-in with two factors: sessions with an idle timeout, sign-out")
public class SessionController {

    /** The optional body of a sign-in: the signed challenge (cryptographic second factor). */
    public record SignIn(String keyId, String challenge, String signature) {
    }

    /** A challenge to sign: UTF-8 of "ICC-LOGIN\n" + user id + "\n" + challenge, with a key registered to the user. */
    public record Challenge(String challenge, Instant expiresAt, String signingInput) {
    }

    /** A session as its user sees it; the token only in the answer that opens it. */
    public record SessionView(String token, String tokenType, String userId, List<SessionFactor> factors, Instant openedAt,
                              Instant lastSeenAt, Instant idleExpiresAt, Instant absoluteExpiresAt, long idleTimeoutSeconds) {
    }

    private final ConsoleSessions sessions;
    private final LoginChallenges challenges;
    private final LoginRecords records;
    private final QueryAsker asker;

    public SessionController(ConsoleSessions sessions, LoginChallenges challenges, LoginRecords records, QueryAsker asker) {
        this.sessions = sessions;
        this.challenges = challenges;
        this.records = records;
        this.asker = asker;
    }

    @PostMapping("/challenges")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "newSignInChallenge", summary = "A sign-in challenge to sign with your key (open to anybody)",
            description = "Sign the UTF-8 of \"ICC-LOGIN\\n\" + your user id + \"\\n\" + challenge with a key registered to you "
                    + "(icc-cli sign-login prints the body for POST /api/v1/sessions) and use it before expiresAt, once.")
    public Challenge challenge() {
        LoginChallenges.Issued issued = challenges.issue();
        return new Challenge(issued.challenge(), issued.expiresAt(), "ICC-LOGIN\\n<userId>\\n<challenge>");
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "signIn", summary = "Open a session: HTTP Basic plus a second factor; answers the bearer token once",
            description = "Second factor: the body {keyId, challenge, signature} (a challenge from POST /api/v1/sessions/challenges "
                    + "signed with your key), or the X-ICC-TOTP header if you enrolled an authenticator. Then send "
                    + "'Authorization: Bearer <token>' instead of the password; the session ends when unused for the idle timeout, "
                    + "at its maximum age, or with DELETE /api/v1/sessions/current.")
    public SessionView open(@RequestBody(required = false) SignIn body, HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof SessionAuthentication || auth == null || !(auth.getPrincipal() instanceof IccUserDetails me)) {
            throw IccException.forbidden("ICC-SESSION-CONSOLE-ONLY", null, "只有用用户名和密码登录的控制台用户才能开启会话",
                    "Only a console user signing in with user name and password can open a session",
                    "Send POST /api/v1/sessions with HTTP Basic (your user name and password) and a second factor");
        }
        String user = me.getUsername();
        String address = request.getRemoteAddr();
        Set<SessionFactor> factors = EnumSet.of(SessionFactor.PASSWORD);
        if (records.state(user).totpSecret() != null) {
            factors.add(SessionFactor.TOTP); // the sign-in filter has checked the code
        }
        if (body != null && (body.challenge() != null || body.signature() != null || body.keyId() != null)) {
            challenges.redeem(body.challenge());
            try {
                KeyId keyId = new KeyId(body.keyId() == null ? "" : body.keyId());
                asker.ask(new VerifyLoginSignatureQuery(new UserId(user), keyId, body.challenge(), body.signature()), Boolean.class);
            } catch (IccException e) {
                Instant lockedUntil = records.failed(user, records.clock().instant());
                records.record(user, address, LoginResult.SECOND_FACTOR_INVALID, lockedUntil);
                throw e;
            }
            factors.add(SessionFactor.KEY);
        }
        if (sessions.settings().requireSecondFactor() && factors.size() < 2) {
            throw IccException.forbidden("ICC-AUTH-SECOND-FACTOR-REQUIRED", "signature", "开启会话需要第二种身份鉴别方式",
                    "A session needs a second factor besides the password",
                    "Sign a challenge (POST /api/v1/sessions/challenges, then icc-cli sign-login) with your registered key and send "
                            + "{keyId, challenge, signature} as the body, or enrol an authenticator (POST /api/v1/me/totp) and send X-ICC-TOTP");
        }
        ConsoleSessions.Opened opened = sessions.open(user, address, factors);
        records.record(user, address, LoginResult.SESSION_OPENED, null);
        return view(opened.token(), opened.session());
    }

    @GetMapping("/current")
    @Operation(operationId = "currentSession", summary = "The session this request runs in (404 when not in a session)")
    public SessionView current() {
        return view(null, currentSession().session());
    }

    @DeleteMapping("/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "signOut", summary = "Sign out: ends the session this request runs in")
    public void close(HttpServletRequest request) {
        SessionAuthentication auth = currentSession();
        sessions.end(auth.session(), ConsoleSessions.End.CLOSED, sessions.clock().instant());
        records.record(auth.getName(), request.getRemoteAddr(), LoginResult.SESSION_CLOSED, null);
    }

    private static SessionAuthentication currentSession() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof SessionAuthentication s) {
            return s;
        }
        throw IccException.notFound("ICC-SESSION-NONE", null, "本次请求不在会话中", "This request does not run in a session",
                "Send the session's token as 'Authorization: Bearer <token>'");
    }

    private SessionView view(String token, ConsoleSessions.Session s) {
        return new SessionView(token, token == null ? null : "Bearer", s.user(), s.factors(), s.openedAt(), s.lastSeenAt(),
                s.idleExpiresAt(sessions.settings().idleTimeout()), s.absoluteExpiresAt(), sessions.settings().idleTimeout().toSeconds());
    }
}
