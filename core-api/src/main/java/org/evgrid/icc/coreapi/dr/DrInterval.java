package org.evgrid.icc.coreapi.dr;

import java.math.BigDecimal;

/**
 * One stretch of a demand response event: quarter hours {@code [startInterval, endInterval)} of the trading day
 * (0–96) and its target.
 *
 * @param value kW for setpoints, limits and reductions; CNY/MWh for prices
 */
public record DrInterval(int startInterval, int endInterval, DrTargetType targetType, BigDecimal value) {
}
