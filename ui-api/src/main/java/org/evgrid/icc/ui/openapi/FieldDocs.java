package org.evgrid.icc.ui.openapi;

import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Units and meanings of the telemetry fields operator platforms send and of the market, demand response, dispatch and
 * alarm views, added to the generated schemas (the records in core-api carry no OpenAPI annotations). Telemetry
 * semantics follow OCPI 2.2.1 (Sessions/CDRs, EVSE status) and T/CEC 102 where they fit.
 */
final class FieldDocs {

    private static final String CURVE_KW = "96 quarter-hour average powers, kW (3 decimals); index k = 0–95 starts at 00:00 + 15 min × k "
            + "Asia/Shanghai of the trading day";

    private static final Map<String, Map<String, String>> FIELDS = Map.ofEntries(
            Map.entry("ReportPowerReadingsCommand", Map.of(
                    "batchId", "The platform's idempotency key: a re-sent batch id answers the original receipt and changes nothing",
                    "intervalStart", "Start of the 5-minute interval (UTC instant on a 5-minute boundary of Asia/Shanghai time); "
                            + "not in the future, not older than icc.telemetry.max-age",
                    "readings", "1–5,000 readings, one per pile")),
            Map.entry("PowerReading", Map.of(
                    "avgKw", "Average active power over the interval, kW, ≤ 3 decimals; negative only for V2G discharge "
                            + "(down to −maxDischargeKw); ≤ rated power × icc.telemetry.power-tolerance",
                    "maxKw", "Highest active power in the interval, kW, ≥ avgKw",
                    "status", "Connector status (OCPI EVSE status / T/CEC 102): AVAILABLE, CHARGING, DISCHARGING, SUSPENDED, "
                            + "RESERVED, FAULTED, OFFLINE, UNKNOWN",
                    "socPercent", "Vehicle state of charge, % (optional)",
                    "connectorNo", "Connector number on the pile, from 1 (optional)",
                    "quality", "Data quality as in OpenADR 3 reports: OK, MISSING (no value; power 0), ESTIMATED, BAD (kept, not summed)")),
            Map.entry("EnergyReading", Map.of(
                    "totalKwh", "Energy delivered on the local day, kWh, ≤ 3 decimals",
                    "sharpKwh", "Of which in the sharp-peak period, kWh (all four periods or none)",
                    "peakKwh", "Of which in the peak period, kWh",
                    "flatKwh", "Of which in the flat period, kWh",
                    "valleyKwh", "Of which in the valley period, kWh; the four periods sum to totalKwh (±0.001)")),
            Map.entry("ChargingOrder", Map.of(
                    "sessionId", "The platform's session id (OCPI CDR id), unique per operator",
                    "startTime", "Session start (UTC instant)",
                    "endTime", "Session end (UTC instant), on the batch's local day, not in the future",
                    "energyKwh", "Energy delivered, kWh",
                    "energyFeeYuan", "Electricity fee, CNY with 2 decimals (fen)",
                    "serviceFeeYuan", "Service fee, CNY with 2 decimals",
                    "totalFeeYuan", "energyFeeYuan + serviceFeeYuan, CNY",
                    "userType", "PRIVATE, PUBLIC, FLEET, BUS, TAXI, OTHER")),
            Map.entry("PileStatusChange", Map.of(
                    "status", "New connector status (OCPI EVSE status / T/CEC 102)",
                    "changedAt", "When it changed (UTC instant), not in the future")),
            Map.entry("BidView", Map.of(
                    "periodStart", "First day of the bid's period (yyyy-MM-dd, Asia/Shanghai); the trading day for a day-ahead bid",
                    "energyKwh", "Bid energy for the period, kWh (medium/long-term products)",
                    "curveKw", "Bid curve (day-ahead products): " + CURVE_KW,
                    "limitPriceCnyPerMwh", "Limit price, CNY/MWh",
                    "gateClosure", "When the product's gate closes for this period (UTC instant); no change after it",
                    "deliveryAttempts", "How many times the gateway tried to deliver the bid to the exchange",
                    "clearedEnergyKwh", "Cleared energy, kWh",
                    "clearedCurveKw", "Cleared curve: " + CURVE_KW,
                    "clearingPricesCnyPerMwh", "Clearing prices, CNY/MWh (one per quarter hour 0–95 for a curve, else one)")),
            Map.entry("BidBasisView", Map.of(
                    "suggestedEnergyKwh", "Suggested bid energy, kWh",
                    "suggestedCurveKw", "Suggested bid curve: " + CURVE_KW,
                    "suggestionRule", "How the suggestion was made: from the declarations when there are any, else from the forecast")),
            Map.entry("DrProgramView", Map.of(
                    "priceCnyPerMwh", "Program price, CNY/MWh")),
            Map.entry("DrInterval", Map.of(
                    "startInterval", "First quarter hour of the event interval, 0–95 (00:00 + 15 min × k, Asia/Shanghai)",
                    "endInterval", "Last quarter hour of the event interval, 0–95, included",
                    "targetType", "DISPATCH_SETPOINT (kW), IMPORT_CAPACITY_LIMIT (kW), LOAD_REDUCTION (kW against the baseline) or "
                            + "PRICE (CNY/MWh)",
                    "value", "The target in the unit of targetType: kW or CNY/MWh")),
            Map.entry("DrParticipationView", Map.of(
                    "committedKw", "Response the unit committed to, kW",
                    "baselineKw", "Baseline by the program's rule: " + CURVE_KW,
                    "actualKw", "Measured load: " + CURVE_KW,
                    "performanceKw", "Response delivered (baseline − actual): " + CURVE_KW,
                    "deliveredKwh", "Energy response delivered over the event intervals, kWh",
                    "committedKwh", "Energy response committed over the event intervals, kWh")),
            Map.entry("DispatchPlanView", Map.of(
                    "version", "Plan version, from 1; a recomputation makes a new version",
                    "tradingDay", "Trading day (yyyy-MM-dd, Asia/Shanghai)",
                    "targetKw", "Target of the unit (cleared curve or demand response target): " + CURVE_KW,
                    "plannedKw", "Sum of the pile schedules: " + CURVE_KW,
                    "actualKw", "Measured load so far (null for quarter hours not yet recorded): " + CURVE_KW,
                    "tolerancePercent", "Allowed deviation from the target, percent",
                    "piles", "Piles with a schedule",
                    "excludedPiles", "Piles left out (offline or no session expected)",
                    "intervalsRecorded", "Quarter hours whose execution has been recorded (0–96)",
                    "scheduleDigest", "SHA-256 of the stored per-pile schedules of this version")),
            Map.entry("OperatorShare", Map.of(
                    "plannedKw", "The operator's share of the plan: " + CURVE_KW,
                    "plannedKwh", "The operator's planned energy for the day, kWh")),
            Map.entry("PileScheduleView", Map.of(
                    "version", "Plan version of this schedule",
                    "scheduleKw", "The pile's schedule (negative = V2G discharge): " + CURVE_KW,
                    "reasonIntervals", "Number of quarter hours per allocation reason",
                    "explanationZh", "Why the pile got this schedule, in Chinese",
                    "explanationEn", "Why the pile got this schedule, in English")),
            Map.entry("DeviationView", Map.of(
                    "interval", "Quarter hour of the trading day, 0–95",
                    "intervalStart", "Start of the quarter hour (UTC instant)",
                    "kind", "OVER (above target + tolerance), UNDER (below target − tolerance) or MISSING_TELEMETRY",
                    "targetKw", "Target average power of the quarter hour, kW",
                    "actualKw", "Measured average power of the quarter hour, kW",
                    "deviationKw", "actualKw − targetKw, kW",
                    "deviationPercent", "deviationKw relative to targetKw, percent",
                    "tolerancePercent", "Allowed deviation, percent")),
            Map.entry("OperatorDeviation", Map.of(
                    "reportingPiles", "Piles of the operator that reported power for the quarter hour",
                    "plannedKw", "The operator's planned power, kW",
                    "actualKw", "The operator's measured power, kW",
                    "deviationKw", "actualKw − plannedKw, kW")),
            Map.entry("PileDeviation", Map.of(
                    "plannedKw", "The pile's scheduled power, kW",
                    "actualKw", "The pile's measured power, kW",
                    "deviationKw", "actualKw − plannedKw, kW")),
            Map.entry("AlarmView", Map.of(
                    "time", "Latest occurrence (UTC instant)",
                    "firstTime", "First occurrence (UTC instant)",
                    "occurrences", "How many times the condition occurred",
                    "repeatCount", "Occurrences after the first",
                    "module", "The part of the center that raised the alarm",
                    "subject", "What the alarm is about (e.g. a plan, an operator or a pile id)")),
            Map.entry("MarketNoticeView", Map.of(
                    "tradingDay", "Trading day the notice concerns (yyyy-MM-dd, Asia/Shanghai)",
                    "receivedAt", "When the center received it (UTC instant)")));

    private FieldDocs() {
    }

    /** Adds the descriptions to the schemas present in the document. */
    @SuppressWarnings("rawtypes")
    static void describe(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        FIELDS.forEach((schemaName, fields) -> {
            Schema<?> schema = schemas.get(schemaName);
            if (schema == null || schema.getProperties() == null) {
                return;
            }
            fields.forEach((field, text) -> {
                Schema<?> property = (Schema<?>) schema.getProperties().get(field);
                if (property != null) {
                    property.setDescription(text);
                }
            });
        });
    }
}
