package org.evgrid.icc.command.telemetry.internal;

import java.math.BigDecimal;

import org.evgrid.icc.command.common.Refusal;

/** The refusals of telemetry ingestion, batch-level and per item; codes are stable. */
final class TelemetryRefusals {

    private TelemetryRefusals() {
    }

    static Refusal batchSize(String field, int size, int max) {
        return Refusal.invalid("ICC-TEL-BATCH-SIZE", field,
                "一批应有 1 到 " + max + " 条数据，现为 " + size + " 条", "A batch holds 1 to " + max + " items; " + size + " given",
                "Send at least one item and split larger sets into batches of at most " + max);
    }

    static Refusal operatorUnknown(String operatorId) {
        return Refusal.notFound("ICC-OPERATOR-UNKNOWN", "operatorId",
                "运营商 " + operatorId + " 不存在", "Operator " + operatorId + " does not exist",
                "Check the operator id, or have the operator registered first");
    }

    static Refusal operatorSuspended(String operatorId) {
        return Refusal.unprocessable("ICC-OPERATOR-SUSPENDED", "operatorId",
                "运营商 " + operatorId + " 已被暂停，暂停期间不接收其运行数据", "Operator " + operatorId + " is suspended; its data is not accepted",
                "Ask the archive manager to reinstate the operator, then send the data again");
    }

    static Refusal intervalUnaligned(Object start) {
        return Refusal.invalid("ICC-TEL-INTERVAL-UNALIGNED", "intervalStart",
                "时段起点 " + start + " 不是整 5 分钟", "Interval start " + start + " is not on a 5-minute boundary",
                "Give the start of the 5-minute interval, e.g. 10:05:00");
    }

    static Refusal intervalFuture(String field, Object value) {
        return Refusal.unprocessable("ICC-TEL-PERIOD-FUTURE", field,
                "数据时段 " + value + " 尚未到来", "The period " + value + " is in the future",
                "Report a period that has begun; check the platform's clock");
    }

    static Refusal tooOld(String field, Object value, long days) {
        return Refusal.unprocessable("ICC-TEL-PERIOD-TOO-OLD", field,
                "数据时段 " + value + " 早于 " + days + " 天前，不再接收", "The period " + value + " is more than " + days + " days old",
                "Report data within " + days + " days; older data goes through the archive manager");
    }

    static Refusal pileRepeated(String pileId) {
        return Refusal.invalid("ICC-TEL-PILE-REPEATED", "pileId",
                "充电桩 " + pileId + " 在本批中重复出现", "Pile " + pileId + " appears more than once in the batch",
                "Send one item per pile");
    }

    static Refusal sessionRepeated(String sessionId) {
        return Refusal.invalid("ICC-TEL-SESSION-REPEATED", "sessionId",
                "订单 " + sessionId + " 在本批中重复出现", "Session " + sessionId + " appears more than once in the batch",
                "Send one item per session");
    }

    static Refusal pileUnknown(String pileId, String operatorId) {
        return Refusal.notFound("ICC-TEL-PILE-UNKNOWN", "pileId",
                "充电桩 " + pileId + " 未登记在运营商 " + operatorId + " 名下", "Pile " + pileId + " is not registered for operator " + operatorId,
                "Register the pile first, or correct the pile id");
    }

    static Refusal pileNotYours(String pileId, String operatorId) {
        return Refusal.forbidden("ICC-TEL-PILE-NOT-YOURS", "pileId",
                "充电桩 " + pileId + " 不属于运营商 " + operatorId, "Pile " + pileId + " does not belong to operator " + operatorId,
                "Report only your own piles");
    }

    static Refusal pileDecommissioned(String pileId) {
        return Refusal.unprocessable("ICC-TEL-PILE-DECOMMISSIONED", "pileId",
                "充电桩 " + pileId + " 已退役", "Pile " + pileId + " is decommissioned", "Report only piles in service");
    }

    static Refusal precision(String field, int decimals) {
        return Refusal.invalid("ICC-TEL-PRECISION", field,
                "“" + field + "”最多 " + decimals + " 位小数", field + " may have at most " + decimals + " decimals",
                "Round the value to " + decimals + " decimals");
    }

    static Refusal outOfRange(String field) {
        return Refusal.invalid("ICC-TEL-VALUE-RANGE", field,
                "“" + field + "”数值过大", field + " is far too large", "Check the unit (kW, kWh, yuan) and the value");
    }

    static Refusal powerNegative(String field) {
        return Refusal.unprocessable("ICC-TEL-POWER-NEGATIVE", field,
                "“" + field + "”为负，但该桩不能向电网放电", field + " is negative but the pile cannot discharge to the grid",
                "Report charging power as a positive value");
    }

    static Refusal dischargeAboveMax(String field, long maxDischargeW) {
        return Refusal.unprocessable("ICC-TEL-DISCHARGE-ABOVE-MAX", field,
                "“" + field + "”放电功率超过该桩最大放电功率 " + kw(maxDischargeW) + " kW",
                field + " discharges more than the pile's maximum discharge of " + kw(maxDischargeW) + " kW",
                "Check the value and its sign");
    }

    static Refusal avgAboveMax() {
        return Refusal.invalid("ICC-TEL-AVG-ABOVE-MAX", "avgKw",
                "平均功率大于最大功率", "The average power is above the maximum power", "Check avgKw and maxKw");
    }

    static Refusal powerAboveRated(String field, long ratedW) {
        return Refusal.unprocessable("ICC-TEL-POWER-ABOVE-RATED", field,
                "“" + field + "”超过该桩额定功率 " + kw(ratedW) + " kW 的允许范围",
                field + " is above what the pile's rated power of " + kw(ratedW) + " kW allows",
                "Check the unit (kW, not W) and the value");
    }

    static Refusal socRange() {
        return Refusal.invalid("ICC-TEL-SOC-RANGE", "socPercent",
                "荷电状态应在 0 到 100 之间", "The state of charge must be between 0 and 100", "Give the state of charge in percent");
    }

    static Refusal connectorUnknown(Integer connectorNo, int connectors) {
        return Refusal.invalid("ICC-TEL-CONNECTOR-UNKNOWN", "connectorNo",
                "枪号 " + connectorNo + " 不存在（该桩有 " + connectors + " 把枪）",
                "Connector " + connectorNo + " does not exist (the pile has " + connectors + ")",
                "Number connectors from 1");
    }

    static Refusal energyNegative(String field) {
        return Refusal.unprocessable("ICC-TEL-ENERGY-NEGATIVE", field,
                "“" + field + "”电量为负", field + " is negative", "Report metered energy as a positive value");
    }

    static Refusal energyAboveRated(String field, long ratedW) {
        return Refusal.unprocessable("ICC-TEL-ENERGY-ABOVE-RATED", field,
                "“" + field + "”超过该桩额定功率 " + kw(ratedW) + " kW 满功率运行一整天的电量",
                field + " is more than the pile could deliver at its rated " + kw(ratedW) + " kW for a whole day",
                "Check the unit (kWh, not Wh) and the value");
    }

    static Refusal touPartial() {
        return Refusal.invalid("ICC-TEL-TOU-PARTIAL", "sharpKwh",
                "尖峰平谷电量须四项全报或全不报", "Give all four time-of-use parts (sharp, peak, flat, valley) or none",
                "Add the missing parts, or leave all four out");
    }

    static Refusal touSum() {
        return Refusal.unprocessable("ICC-TEL-TOU-SUM", "totalKwh",
                "尖峰平谷电量之和与总电量不符", "The time-of-use parts do not add up to the total",
                "Make sharp + peak + flat + valley equal the total (to 0.001 kWh)");
    }

    static Refusal endBeforeStart() {
        return Refusal.invalid("ICC-TEL-ORDER-END-BEFORE-START", "endTime",
                "订单结束时间早于开始时间", "The session ends before it starts", "Check the start and end times");
    }

    static Refusal timeFuture(String field) {
        return Refusal.unprocessable("ICC-TEL-TIME-FUTURE", field,
                "“" + field + "”时间尚未到来", field + " is in the future", "Check the platform's clock");
    }

    static Refusal orderOtherDay(Object day) {
        return Refusal.unprocessable("ICC-TEL-ORDER-OTHER-DAY", "endTime",
                "订单不是在本批日期 " + day + " 结束的", "The session did not end on the batch's day " + day,
                "Send each session in the batch of the local day it ended");
    }

    static Refusal feeNegative(String field) {
        return Refusal.invalid("ICC-TEL-FEE-NEGATIVE", field,
                "“" + field + "”费用为负", field + " is negative", "Report fees as positive amounts in yuan");
    }

    static Refusal feeSum() {
        return Refusal.unprocessable("ICC-TEL-FEE-SUM", "totalFeeYuan",
                "电费与服务费之和不等于总费用", "Energy fee plus service fee is not the total fee",
                "Make energyFeeYuan + serviceFeeYuan equal totalFeeYuan exactly");
    }

    private static String kw(long watts) {
        return BigDecimal.valueOf(watts, 3).stripTrailingZeros().toPlainString();
    }
}
