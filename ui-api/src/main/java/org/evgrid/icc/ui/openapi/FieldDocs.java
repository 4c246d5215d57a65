package org.evgrid.icc.ui.openapi;

import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Units and meanings of the telemetry fields operator platforms send, added to the generated schemas (the records in
 * core-api carry no OpenAPI annotations). Semantics follow OCPI 2.2.1 (Sessions/CDRs, EVSE status) and T/CEC 102 where
 * they fit.
 */
final class FieldDocs {

    private static final Map<String, Map<String, String>> FIELDS = Map.of(
            "ReportPowerReadingsCommand", Map.of(
                    "batchId", "The platform's idempotency key: a re-sent batch id answers the original receipt and changes nothing",
                    "intervalStart", "Start of the 5-minute interval (UTC instant on a 5-minute boundary of Asia/Shanghai time); "
                            + "not in the future, not older than icc.telemetry.max-age",
                    "readings", "1–5,000 readings, one per pile"),
            "PowerReading", Map.of(
                    "avgKw", "Average active power over the interval, kW, ≤ 3 decimals; negative only for V2G discharge "
                            + "(down to −maxDischargeKw); ≤ rated power × icc.telemetry.power-tolerance",
                    "maxKw", "Highest active power in the interval, kW, ≥ avgKw",
                    "status", "Connector status (OCPI EVSE status / T/CEC 102): AVAILABLE, CHARGING, DISCHARGING, SUSPENDED, "
                            + "RESERVED, FAULTED, OFFLINE, UNKNOWN",
                    "socPercent", "Vehicle state of charge, % (optional)",
                    "connectorNo", "Connector number on the pile, from 1 (optional)",
                    "quality", "Data quality as in OpenADR 3 reports: OK, MISSING (no value; power 0), ESTIMATED, BAD (kept, not summed)"),
            "EnergyReading", Map.of(
                    "totalKwh", "Energy delivered on the local day, kWh, ≤ 3 decimals",
                    "sharpKwh", "Of which in the sharp-peak period, kWh (all four periods or none)",
                    "peakKwh", "Of which in the peak period, kWh",
                    "flatKwh", "Of which in the flat period, kWh",
                    "valleyKwh", "Of which in the valley period, kWh; the four periods sum to totalKwh (±0.001)"),
            "ChargingOrder", Map.of(
                    "sessionId", "The platform's session id (OCPI CDR id), unique per operator",
                    "startTime", "Session start (UTC instant)",
                    "endTime", "Session end (UTC instant), on the batch's local day, not in the future",
                    "energyKwh", "Energy delivered, kWh",
                    "energyFeeYuan", "Electricity fee, CNY with 2 decimals (fen)",
                    "serviceFeeYuan", "Service fee, CNY with 2 decimals",
                    "totalFeeYuan", "energyFeeYuan + serviceFeeYuan, CNY",
                    "userType", "PRIVATE, PUBLIC, FLEET, BUS, TAXI, OTHER"),
            "PileStatusChange", Map.of(
                    "status", "New connector status (OCPI EVSE status / T/CEC 102)",
                    "changedAt", "When it changed (UTC instant), not in the future"));

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
