package org.evgrid.icc.infra.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The exchange gateway's settings ({@code icc.gateway.*}).
 *
 * @param enabled whether the outbox poller sends (the outbox is filled either way)
 * @param exchangeUrl base URL of the exchange: bids go to {@code <url>/bids}, demand response reports to
 *     {@code <url>/dr/performance}; blank = the market simulator when it runs
 * @param operatorPlatformUrl URL template of an operator platform's charging profile endpoint with {@code {operatorId}};
 *     blank = the operator-platform simulator when it runs
 * @param publicBaseUrl the center's address as the platforms reach it (instructions carry
 *     {@code <publicBaseUrl>/api/v1/commands} as response address); blank = {@code https://localhost:<server port>}
 *     ({@code http://} without TLS)
 * @param pollInterval how often the outbox is scanned for due items
 * @param timeout connection and answer timeout of one delivery
 * @param maxAttempts attempts before an item is given up
 * @param backoffBase the wait after the first failed attempt; doubled after each further failure
 * @param backoffMax the longest wait between attempts
 * @param retention how long delivered and failed items stay in the outbox
 */
@ConfigurationProperties("icc.gateway")
public record GatewayProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String exchangeUrl,
        @DefaultValue("") String operatorPlatformUrl,
        @DefaultValue("") String publicBaseUrl,
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT1S") Duration backoffBase,
        @DefaultValue("PT60S") Duration backoffMax,
        @DefaultValue("PT30M") Duration retention) {

    /** The defaults. */
    public static GatewayProperties defaults() {
        return new GatewayProperties(true, "", "", "", Duration.ofSeconds(1), Duration.ofSeconds(10), 5, Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofMinutes(30));
    }

    /** The wait after the given failed attempt (1-based): base × 2^(attempt-1), at most {@link #backoffMax}. */
    public Duration backoff(int attempt) {
        long factor = 1L << Math.min(30, Math.max(0, attempt - 1));
        Duration wait = backoffBase.multipliedBy(factor);
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }
}
