package org.evgrid.icc.infra.gateway;

/**
 * Addresses the gateway falls back to when {@code icc.gateway.exchange-url} or {@code icc.gateway.operator-platform-url}
 * is blank: the demo's simulators offer theirs. A method answers null when it has none.
 */
public interface GatewayEndpoints {

    /** The exchange's base URL, or null. */
    default String exchangeUrl() {
        return null;
    }

    /** The operator platforms' URL template with {@code {operatorId}}, or null. */
    default String operatorPlatformUrl() {
        return null;
    }
}
