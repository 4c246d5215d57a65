package org.evgrid.icc.coreapi.dispatch;

/**
 * Energy a charging session still needs before it leaves (charging safety, R-8.1): quarter-hour intervals {@code
 * [arrivalInterval, departureInterval)} of the trading day.
 */
public record SessionNeed(
        String sessionRef,
        int arrivalInterval,
        int departureInterval,
        long energyWh) {
}
