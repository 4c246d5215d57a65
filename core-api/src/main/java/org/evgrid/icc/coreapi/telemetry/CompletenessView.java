package org.evgrid.icc.coreapi.telemetry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An operator's reporting completeness for a day: one point per elapsed 5-minute interval (active = the operator's
 * piles in service now, from the archive), the alarm threshold, and the completeness alarms raised for the day.
 */
public record CompletenessView(
        String operatorId,
        LocalDate day,
        BigDecimal threshold,
        List<CompletenessPoint> points,
        List<TelemetryAlarmView> alarms) {
}
