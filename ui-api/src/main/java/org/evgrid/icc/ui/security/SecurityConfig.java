package org.evgrid.icc.ui.security;

import java.time.Clock;
import java.time.Duration;

import com.mongodb.client.MongoDatabase;
import jakarta.servlet.DispatcherType;
import org.axonframework.queryhandling.QueryGateway;
import org.evgrid.icc.coreapi.security.SecretSealer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.evgrid.icc.ui.auditlog.AuditTrail;
import org.evgrid.icc.ui.auditlog.OperationAuditFilter;
import org.evgrid.icc.ui.problem.Problems;
import org.evgrid.icc.ui.security.login.AddressThrottle;
import org.evgrid.icc.ui.security.login.ConsoleLoginFilter;
import org.evgrid.icc.ui.security.login.DirectorySignIn;
import org.evgrid.icc.ui.security.login.LoginRecords;
import org.evgrid.icc.ui.security.login.LoginSettings;
import org.evgrid.icc.ui.security.session.BasicAuthPolicyFilter;
import org.evgrid.icc.ui.security.session.ConsoleSessions;
import org.evgrid.icc.ui.security.session.LoginChallenges;
import org.evgrid.icc.ui.security.session.SessionSettings;
import org.evgrid.icc.ui.security.session.SessionTokenFilter;

/**
 * Who may call what over HTTP. Commands are authenticated by their signatures (the command bus verifies them), so
 * {@code POST /api/v1/commands} is open at the HTTP level; reads need a console user (HTTP Basic) or a signed request.
 * Data scope is enforced by the query handlers from the caller's {@code Viewer}.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig {

    private static final String[] AUDIT_READERS = {"AUDITOR", "AUDIT_ADMIN", "REGULATOR"};
    private static final String[] KEY_READERS = {"SYSTEM_ADMIN", "AUDIT_ADMIN", "AUDITOR"};
    private static final String[] TELEMETRY_BATCH_READERS = {"OPERATOR_PLATFORM", "ARCHIVE_MANAGER", "DISPATCHER", "REGULATOR", "AUDITOR",
        "TRADER"};
    private static final String[] DECLARATION_READERS = {"OPERATOR_PLATFORM", "TRADER", "DISPATCHER", "SETTLEMENT_CLERK", "REGULATOR",
        "AUDITOR"};
    private static final String[] FORECAST_READERS = {"TRADER", "DISPATCHER", "SETTLEMENT_CLERK", "REGULATOR", "AUDITOR", "CENTER_SERVICE"};
    private static final String[] TELEMETRY_READERS = {"TRADER", "DISPATCHER", "SETTLEMENT_CLERK", "REGULATOR", "AUDITOR",
        "ARCHIVE_MANAGER", "OPERATOR_PLATFORM", "CENTER_SERVICE"};
    private static final String[] MARKET_READERS = {"TRADER", "DISPATCHER", "SETTLEMENT_CLERK", "AUDITOR", "REGULATOR", "CENTER_SERVICE"};
    /** The basis of a bid (declarations across operators and forecasts) is for the trading desk and oversight. */
    private static final String[] BID_BASIS_READERS = {"TRADER", "DISPATCHER", "AUDITOR", "REGULATOR", "CENTER_SERVICE"};
    private static final String[] DR_READERS = {"TRADER", "DISPATCHER", "SETTLEMENT_CLERK", "AUDITOR", "REGULATOR", "CENTER_SERVICE"};
    /** Operator platforms read their own operator's part (the query handlers restrict it from the viewer). */
    private static final String[] DISPATCH_READERS = {"TRADER", "DISPATCHER", "SETTLEMENT_CLERK", "AUDITOR", "REGULATOR", "CENTER_SERVICE",
        "OPERATOR_PLATFORM"};
    /** Alarm readers; a security operator sees the center's integrity alarms only (the query side filters). */
    private static final String[] ALARM_READERS = {"TRADER", "DISPATCHER", "SETTLEMENT_CLERK", "AUDITOR", "REGULATOR", "SECURITY_OPERATOR"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    IccUserDetailsService iccUserDetailsService(QueryGateway queryGateway) {
        return new IccUserDetailsService(queryGateway);
    }

    /** Login hardening (see {@link LoginSettings}); the state and the login log live in Mongo. */
    @Bean
    LoginRecords loginRecords(MongoDatabase database, Clock clock, SecretSealer sealer,
                              @Value("${icc.security.max-failed-logins:5}") int maxFailedLogins,
                              @Value("${icc.security.lockout:15m}") Duration lockout,
                              @Value("${icc.security.password-max-age:90d}") Duration passwordMaxAge,
                              @Value("${icc.security.login-log-success-interval:5m}") Duration successLogInterval,
                              AddressThrottle addressThrottle) {
        return new LoginRecords(database, clock, new LoginSettings(maxFailedLogins, lockout, passwordMaxAge, successLogInterval), sealer,
                addressThrottle);
    }

    /** Console sessions: idle timeout, maximum age, two factors (ui-api README, "Sessions"). */
    @Bean
    SessionSettings sessionSettings(@Value("${icc.security.session.idle-timeout:15m}") Duration idleTimeout,
                                    @Value("${icc.security.session.max-age:8h}") Duration maxAge,
                                    @Value("${icc.security.session.challenge-ttl:2m}") Duration challengeTtl,
                                    @Value("${icc.security.session.require-second-factor:true}") boolean requireSecondFactor) {
        return new SessionSettings(idleTimeout, maxAge, challengeTtl, requireSecondFactor);
    }

    @Bean
    ConsoleSessions consoleSessions(MongoDatabase database, Clock clock, SessionSettings settings) {
        return new ConsoleSessions(database, clock, settings);
    }

    @Bean
    LoginChallenges loginChallenges(MongoDatabase database, Clock clock, SessionSettings settings) {
        return new LoginChallenges(database, clock, settings);
    }

    /** The rate limiter runs on the machine's own clock: it meters real request rates, not the center's business time. */
    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, QueryGateway queryGateway, ProblemWriter problems, PasswordEncoder encoder,
                                    LoginRecords loginRecords, DirectorySignIn directory, ConsoleSessions sessions,
                                    ObjectProvider<AuditTrail> auditTrail, Clock clock,
                                    @Value("${icc.security.basic-auth:always}") String basicAuth,
                                    @Value("${icc.security.rate-limit.enabled:true}") boolean rateLimited,
                                    @Value("${icc.security.rate-limit.requests-per-second:50}") double perSecond,
                                    @Value("${icc.security.rate-limit.burst:200}") int burst) throws Exception {
        AuthenticationEntryPoint signIn = (req, res, ex) -> problems.write(res, Problems.of(HttpStatus.UNAUTHORIZED,
                "ICC-AUTH-REQUIRED", null, "请先登录（HTTP Basic）或对请求签名（X-ICC-* 请求头）",
                "Sign in (HTTP Basic) or sign the request (X-ICC-* headers)",
                "Use your user name and password (or a session token: POST /api/v1/sessions), or sign the request with your registered key",
                null));
        http.csrf(csrf -> csrf.disable())
                // the audit log of operations other than signed commands (changes, and refusals of presented credentials)
                .addFilterAfter(new OperationAuditFilter(auditTrail, clock), SecurityContextHolderFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                        + "style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
                        // HSTS on every HTTPS answer (never over plain HTTP: Spring writes it on secure requests only)
                        .httpStrictTransportSecurity(s -> s.maxAgeInSeconds(31536000).includeSubDomains(true)))
                .addFilterBefore(new RequestGuardFilter(rateLimited ? new TokenBuckets(perSecond, burst, Clock.systemUTC()) : null, problems),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new RequestSizeLimitFilter(problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new SignedRequestFilter(queryGateway, problems), BasicAuthenticationFilter.class)
                // where a password may be sent at all (icc.security.basic-auth: always | sessions-only)
                .addFilterBefore(new BasicAuthPolicyFilter(BasicAuthPolicyFilter.Policy.parse(basicAuth), problems),
                        BasicAuthenticationFilter.class)
                // console sessions (Authorization: Bearer iccs_…): idle timeout and maximum age
                .addFilterBefore(new SessionTokenFilter(sessions, queryGateway, loginRecords, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new RequestLogContext(), BasicAuthenticationFilter.class)
                // console users: lockout, one-time codes, expiry, the directory (LDAP), the login log; before Spring's HTTP Basic
                .addFilterBefore(new ConsoleLoginFilter(queryGateway, encoder, loginRecords, problems, directory), BasicAuthenticationFilter.class)
                .httpBasic(b -> b.authenticationEntryPoint(signIn))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(signIn)
                        .accessDeniedHandler((req, res, ex) -> problems.write(res, Problems.of(HttpStatus.FORBIDDEN, "ICC-AUTH-ROLE", null,
                                "您的角色无权访问此功能", "Your role may not use this function",
                                "Ask the system administrator for a role that may, or use an account that has it", null))))
                .authorizeHttpRequests(a -> a
                        // the async dispatch of a stream (SSE) continues a request already authorised on its way in
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole("SECURITY_OPERATOR", "SYSTEM_ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/commands").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/ledger/export").hasAnyRole("AUDITOR", "REGULATOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/ledger/**").hasAnyRole(AUDIT_READERS)
                        .requestMatchers("/api/v1/backups", "/api/v1/backups/**").hasRole("SECURITY_OPERATOR")
                        .requestMatchers("/api/v1/audit/diagnosis/**").hasAnyRole("SECURITY_OPERATOR", "AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/**").hasAnyRole("AUDITOR", "AUDIT_ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/diagnosis/debug").hasRole("SECURITY_OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/diagnosis", "/api/v1/diagnosis/**").hasAnyRole("SECURITY_OPERATOR", "AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit-log").hasAnyRole("AUDITOR", "AUDIT_ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/keys/**").hasAnyRole(KEY_READERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/telemetry/batches/**").hasAnyRole(TELEMETRY_BATCH_READERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/declarations", "/api/v1/declarations/**").hasAnyRole(DECLARATION_READERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/forecasts", "/api/v1/forecasts/**").hasAnyRole(FORECAST_READERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/telemetry/**").hasAnyRole(TELEMETRY_READERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/market/bid-basis").hasAnyRole(BID_BASIS_READERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/market", "/api/v1/market/**").hasAnyRole(MARKET_READERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/dr", "/api/v1/dr/**").hasAnyRole(DR_READERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/dispatch", "/api/v1/dispatch/**").hasAnyRole(DISPATCH_READERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/alarms", "/api/v1/alarms/**").hasAnyRole(ALARM_READERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/security/logins").hasAnyRole("AUDITOR", "AUDIT_ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/me/password", "/api/v1/me/totp").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/sessions/challenges").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/sessions").authenticated()
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/sessions/current").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").authenticated()
                        .requestMatchers("/", "/index.html", "/favicon.ico", "/error").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
