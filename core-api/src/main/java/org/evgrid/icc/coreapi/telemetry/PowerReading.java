package org.evgrid.icc.coreapi.telemetry;

import java.math.BigDecimal;

import org.evgrid.icc.coreapi.archive.PileId;

/**
 * One pile's 5-minute power reading (T/CEC 102 and OCPI semantics): average and maximum active power in kW (3
 * decimals; negative only for V2G discharge), connector status, optional state of charge (%) and connector number,
 * data quality.
 */
public record PowerReading(
        PileId pileId,
        BigDecimal avgKw,
        BigDecimal maxKw,
        ConnectorStatus status,
        Integer socPercent,
        Integer connectorNo,
        DataQuality quality) {
}
