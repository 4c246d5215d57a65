package org.evgrid.icc.ui.security.login;

import java.time.Duration;

/**
 * Login hardening settings: {@code icc.security.max-failed-logins} consecutive failures lock a user id for
 * {@code icc.security.lockout}; a password older than {@code icc.security.password-max-age} can only be used to change it;
 * a success of the same user from the same address is logged at most once per {@code icc.security.login-log-success-interval}
 * (zero: every request; every failure is always logged).
 */
public record LoginSettings(int maxFailedLogins, Duration lockout, Duration passwordMaxAge, Duration successLogInterval) {

    /** The defaults: 5 failures, 15 minutes, 90 days, 5 minutes. */
    public static final LoginSettings DEFAULTS = new LoginSettings(5, Duration.ofMinutes(15), Duration.ofDays(90), Duration.ofMinutes(5));

    public LoginSettings {
        if (maxFailedLogins < 1 || lockout.isNegative() || passwordMaxAge.isNegative() || passwordMaxAge.isZero()
                || successLogInterval.isNegative()) {
            throw new IllegalArgumentException("icc.security: max-failed-logins ≥ 1, lockout ≥ 0, password-max-age > 0, "
                    + "login-log-success-interval ≥ 0");
        }
    }
}
