package org.evgrid.icc.ui.security.session;

import java.time.Duration;

/**
 * Console sessions (MLPS level 3: idle timeout, two factors).
 *
 * @param idleTimeout a session unused this long ends ({@code icc.security.session.idle-timeout}, 15 min)
 * @param maxAge a session ends this long after it opened, used or not ({@code icc.security.session.max-age}, 8 h)
 * @param challengeTtl a sign-in challenge must be signed and used within this ({@code icc.security.session.challenge-ttl}, 2 min)
 * @param requireSecondFactor a session needs a signed challenge or a one-time code besides the password
 *     ({@code icc.security.session.require-second-factor}, true)
 */
public record SessionSettings(Duration idleTimeout, Duration maxAge, Duration challengeTtl, boolean requireSecondFactor) {

    public SessionSettings {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || maxAge.compareTo(idleTimeout) < 0
                || challengeTtl.isNegative() || challengeTtl.isZero()) {
            throw new IllegalArgumentException("icc.security.session: idle-timeout and challenge-ttl must be positive and max-age "
                    + "at least idle-timeout");
        }
    }
}
