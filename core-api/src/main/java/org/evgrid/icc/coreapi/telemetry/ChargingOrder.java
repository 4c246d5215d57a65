package org.evgrid.icc.coreapi.telemetry;

import java.math.BigDecimal;
import java.time.Instant;

import org.evgrid.icc.coreapi.archive.PileId;

/**
 * One finished charging session (订单数据), following OCPI 2.2.1 CDR semantics: session id unique per operator, start
 * and end, energy in kWh, fees in CNY (energy fee + service fee = total), the user type.
 */
public record ChargingOrder(
        String sessionId,
        PileId pileId,
        Integer connectorNo,
        Instant startTime,
        Instant endTime,
        BigDecimal energyKwh,
        BigDecimal energyFeeYuan,
        BigDecimal serviceFeeYuan,
        BigDecimal totalFeeYuan,
        ChargingUserType userType) {
}
