package org.evgrid.icc.ui.security.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets ended sessions and used challenges now and then (both collections stay small). */
@Component
public class SessionHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(SessionHousekeeping.class);

    private final ConsoleSessions sessions;
    private final LoginChallenges challenges;

    public SessionHousekeeping(ConsoleSessions sessions, LoginChallenges challenges) {
        this.sessions = sessions;
        this.challenges = challenges;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${icc.security.session.purge-interval:PT10M}")
    public void purge() {
        long s = sessions.purge();
        long c = challenges.purge();
        if (s + c > 0) {
            LOG.debug("Forgot {} ended sessions and {} used sign-in challenges", s, c);
        }
    }
}
