package org.evgrid.icc.query.planning.internal;

import java.time.LocalDate;
import org.evgrid.icc.coreapi.common.IccException;

/** The refusals of the planning queries, with stable codes and messages in business language. */
public final class PlanningErrors {

    private PlanningErrors() {
    }

    public static IccException missing(String field) {
        return IccException.invalid("ICC-PLAN-FIELD-MISSING", field,
                "查询条件“" + field + "”不能为空",
                "The query needs '" + field + "'",
                "Fill in '" + field + "' and send the query again");
    }

    public static IccException unitNotFound(String unitId) {
        return IccException.notFound("ICC-PLAN-UNIT-NOT-FOUND", "unitId",
                "未找到聚合单元“" + unitId + "”",
                "Aggregation unit '" + unitId + "' was not found",
                "Check the aggregation unit id");
    }

    public static IccException interval(int interval) {
        return IccException.invalid("ICC-PLAN-INTERVAL", "interval",
                "时段序号 " + interval + " 无效：一个交易日有 96 个时段，序号为 0–95",
                "Interval " + interval + " is not valid: a trading day has 96 quarter hours, numbered 0-95",
                "Ask for an interval from 0 to 95");
    }

    public static IccException scheduleNotFound(String planId, int version) {
        return IccException.notFound("ICC-PLAN-SCHEDULE-NOT-FOUND", "planId",
                "未找到调度计划“" + planId + "”" + (version > 0 ? "第 " + version + " 版" : "") + "的分桩计划",
                "No per-pile schedule was found for dispatch plan '" + planId + "'" + (version > 0 ? " version " + version : ""),
                "Check the plan id and version; a plan has schedules once it has been proposed");
    }

    public static IccException noBaselineData(String unitId, LocalDate day) {
        return IccException.unprocessable("ICC-PLAN-BASELINE-NO-DATA", "unitId",
                "聚合单元“" + unitId + "”在 " + day + " 之前没有足够的负荷数据，无法计算基线",
                "Aggregation unit '" + unitId + "' has no usable load data before " + day + " to compute a baseline from",
                "Check that the unit's piles report power data, or use another baseline rule");
    }

    public static IccException productUnknown(String product) {
        return IccException.invalid("ICC-PLAN-PRODUCT-UNKNOWN", "product",
                "交易品种“" + product + "”不存在",
                "There is no trading product '" + product + "'",
                "Choose one of the configured trading products, e.g. DAY_AHEAD");
    }

    public static IccException administrator() {
        return IccException.forbidden("ICC-PLAN-ADMIN", "viewer.roles",
                "管理员不办理业务，不能查看报价依据",
                "Administrators do no business work and may not read the basis of a bid",
                "Sign in with a trading account to read the basis of a bid");
    }

    public static IccException operator() {
        return IccException.forbidden("ICC-PLAN-OPERATOR", "viewer",
                "报价依据汇总了各运营商的数据，运营商平台不能查看",
                "The basis of a bid sums up every operator's data; an operator platform may not read it",
                "Ask the aggregator's trader for the figures you need");
    }

    public static IccException role() {
        return IccException.forbidden("ICC-PLAN-ROLE", "viewer.roles",
                "您的角色不能查看报价依据",
                "Your role may not read the basis of a bid",
                "Sign in as a trader, dispatcher, auditor or regulator");
    }

    public static IccException region() {
        return IccException.forbidden("ICC-PLAN-REGION", "viewer.scope",
                "报价依据按聚合单元汇总，地区范围内的账户不能查看",
                "The basis of a bid is kept per aggregation unit; an account limited to a region may not read it",
                "Use an account with headquarters scope");
    }
}
