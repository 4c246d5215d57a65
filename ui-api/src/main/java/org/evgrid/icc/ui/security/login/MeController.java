package org.evgrid.icc.ui.security.login;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.CenterCommands;
import org.evgrid.icc.coreapi.security.ChangePasswordCommand;
import org.evgrid.icc.coreapi.security.FindPasswordStatusQuery;
import org.evgrid.icc.coreapi.security.PasswordStatusView;
import org.evgrid.icc.ui.security.IccUserDetails;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in console user's own credentials: change the password (policy, last five passwords; the change is an event
 * in the user's stream, signed by the center for the user and chained in the ledger) and enrol a one-time-code authenticator.
 * Only for console users (HTTP Basic); a signed request has no password.
 */
@RestController
@RequestMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "My account", description = "Change my password, enrol an authenticator app (one-time codes)")
public class MeController {

    /** Body of a password change. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    /** Answer of a password change. */
    public record PasswordChanged(String userId, Instant changedAt) {
    }

    /** Answer of an enrolment: shown once, never again. */
    public record TotpEnrolment(String secret, String otpauthUri, int digits, int periodSeconds) {
    }

    private static final String ISSUER = "EV-grid ICC";

    private final CenterCommands center;
    private final QueryGateway queryGateway;
    private final PasswordEncoder encoder;
    private final LoginRecords records;
    private final SecureRandom random = new SecureRandom();

    public MeController(CenterCommands center, QueryGateway queryGateway, PasswordEncoder encoder, LoginRecords records) {
        this.center = center;
        this.queryGateway = queryGateway;
        this.encoder = encoder;
        this.records = records;
    }

    @PostMapping(path = "/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "changeMyPassword", summary = "Change my password (also the only request an expired password may make)",
            description = "Body {currentPassword, newPassword}. Rules: at least 8 characters, three of upper case, lower case, digit, "
                    + "other sign; not the user name; not one of the last 5 passwords. A refusal names the rule "
                    + "(ICC-PASSWORD-TOO-SHORT, -TOO-LONG, -TOO-SIMPLE, -IS-USER-ID, -REUSED). The change is recorded as "
                    + "UserPasswordChanged in the user's stream and starts the password's age anew.")
    public PasswordChanged changePassword(@RequestBody(required = false) PasswordChange body, HttpServletRequest request) {
        IccUserDetails me = consoleUser();
        String userId = me.getUsername();
        if (body == null || body.currentPassword() == null || !encoder.matches(body.currentPassword(), me.getPassword())) {
            throw IccException.invalid("ICC-PASSWORD-CURRENT-WRONG", "currentPassword", "当前密码不正确", "The current password is wrong",
                    "Send your current password as currentPassword");
        }
        PasswordPolicy.check(userId, body.newPassword());
        PasswordStatusView status = ask(new FindPasswordStatusQuery(me.user().userId()));
        PasswordPolicy.checkNotRecent(body.newPassword(), status == null ? List.of(me.getPassword()) : status.recentHashes(), encoder);
        center.send(new ChangePasswordCommand(me.user().userId(), encoder.encode(body.newPassword())));
        records.record(userId, request.getRemoteAddr(), LoginResult.PASSWORD_CHANGED, null);
        return new PasswordChanged(userId, records.clock().instant());
    }

    @PostMapping("/totp")
    @Operation(operationId = "enrolMyTotp", summary = "Enrol an authenticator app: answers the secret and an otpauth URI once",
            description = "From then on every request of mine needs the current 6-digit code in the X-ICC-TOTP header besides HTTP "
                    + "Basic (RFC 6238: HMAC-SHA1, 30 s, ±1 step). The secret is kept by the center and never answered again; "
                    + "enrolling again (with a valid code) replaces it.")
    public TotpEnrolment enrolTotp(HttpServletRequest request) {
        IccUserDetails me = consoleUser();
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        String base32 = Totp.encode(secret);
        records.enrolTotp(me.getUsername(), base32, records.clock().instant());
        records.record(me.getUsername(), request.getRemoteAddr(), LoginResult.TOTP_ENROLLED, null);
        return new TotpEnrolment(base32, Totp.uri(ISSUER, me.getUsername(), base32), Totp.DIGITS, Totp.STEP_SECONDS);
    }

    private static IccUserDetails consoleUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof IccUserDetails u) {
            return u;
        }
        throw IccException.forbidden("ICC-ME-CONSOLE-ONLY", null, "只有控制台用户（用户名和密码登录）才有密码和动态口令",
                "Only console users (signed in with user name and password) have a password and one-time codes",
                "Sign in with your user name and password (HTTP Basic) for this request");
    }

    private PasswordStatusView ask(FindPasswordStatusQuery query) {
        try {
            return queryGateway.query(query, ResponseTypes.instanceOf(PasswordStatusView.class)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
    }

    private static IccException unavailable() {
        return new IccException("ICC-AUTH-UNAVAILABLE", ErrorCategory.UNAVAILABLE, null, "用户目录暂不可用",
                "The user directory is not available right now", "Try again in a minute; if it persists, tell the operations staff");
    }
}
