package org.evgrid.icc.infra.config;

import java.time.Clock;

import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of "now": injected into domain code, so tests and replays can fix it. Axon stamps events and
 * deadline messages with its own static clock; {@link AxonClock} points it at the same clock, so an event's
 * timestamp, a deadline's due time and the domain's "now" never disagree (a test that moves the clock moves all).
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Axon's message clock = the center's clock (the primary Clock bean), restored when the context closes. */
    @Bean
    AxonClock axonClock(Clock clock) {
        return new AxonClock(clock);
    }

    /** Holds Axon's static message clock while the application runs. */
    public static final class AxonClock implements DisposableBean {

        private final Clock previous;

        AxonClock(Clock clock) {
            this.previous = GenericEventMessage.clock;
            GenericEventMessage.clock = clock;
        }

        @Override
        public void destroy() {
            GenericEventMessage.clock = previous;
        }
    }
}
