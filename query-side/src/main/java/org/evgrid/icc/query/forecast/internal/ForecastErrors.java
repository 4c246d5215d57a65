package org.evgrid.icc.query.forecast.internal;

import org.evgrid.icc.coreapi.common.IccException;

/** Refusals of the forecast queries and of forecasting, in business language. */
public final class ForecastErrors {

    private ForecastErrors() {
    }

    public static IccException viewerMissing() {
        return IccException.forbidden("ICC-FC-NO-ROLE", "viewer", "查询者没有任何业务角色", "The viewer has no business role",
                "Sign in with an account that has a business role");
    }

    public static IccException administrator() {
        return IccException.forbidden("ICC-FC-SCOPE-ADMIN", "viewer", "管理员不能查看负荷预测（不办理业务）",
                "Administrators may not see load forecasts (they perform no business operation)",
                "Use a business account (trader, dispatcher, settlement clerk, auditor or regulator)");
    }

    public static IccException role() {
        return IccException.forbidden("ICC-FC-ROLE", "viewer", "您的角色无权查看负荷预测",
                "Your role may not see load forecasts",
                "Use a trader, dispatcher, settlement clerk, auditor or regulator account");
    }

    public static IccException operator() {
        return IccException.forbidden("ICC-FC-SCOPE-OPERATOR", "viewer", "负荷预测按聚合单元和调度区域编制，运营商账号不能查看",
                "Forecasts are made per aggregation unit and dispatch area; operator accounts may not see them",
                "Ask the center's trader or dispatcher for the forecast");
    }

    public static IccException region() {
        return IccException.forbidden("ICC-FC-SCOPE-REGION", "viewer", "负荷预测只对总部数据范围开放",
                "Forecasts are open to viewers with headquarters scope only",
                "Use an account with headquarters scope");
    }

    public static IccException dimension(Object dimension) {
        return IccException.invalid("ICC-FC-DIMENSION", "dim",
                "只能按聚合单元（UNIT）或调度区域（DISPATCH_AREA）查询预测，不能按 " + dimension,
                "Forecasts are per aggregation unit (UNIT) or dispatch area (DISPATCH_AREA), not per " + dimension,
                "Use dim=UNIT or dim=DISPATCH_AREA");
    }

    public static IccException missing(String field, String labelZh, String labelEn) {
        return IccException.invalid("ICC-FIELD-REQUIRED", field, "“" + labelZh + "”不能为空", labelEn + " is required",
                "Give the " + labelEn.toLowerCase(java.util.Locale.ROOT));
    }

    public static IccException notFound(String forecastId) {
        return IccException.notFound("ICC-FC-NOT-FOUND", "forecastId", "预测 " + forecastId + " 不存在",
                "Forecast " + forecastId + " does not exist", "Check the forecast id, or list the versions of the day");
    }

    public static IccException noCurrent(String key, Object day) {
        return IccException.notFound("ICC-FC-NO-CURRENT", "key", key + " 在 " + day + " 尚无已发布的预测",
                "No forecast has been published for " + key + " on " + day,
                "Wait for the day-ahead run or request a forecast (RequestForecast)");
    }

    public static IccException backtestDays(int max) {
        return IccException.invalid("ICC-FC-BACKTEST-DAYS", "days", "回测天数应为 1 至 " + max + " 天",
                "Backtest days must be 1 to " + max, "Choose between 1 and " + max + " days");
    }

    public static IccException noHistory(String key) {
        return IccException.unprocessable("ICC-FC-NO-HISTORY", "key", key + " 在训练区间内没有任何负荷数据，无法预测",
                "There is no load data for " + key + " in the training window, so it cannot be forecast",
                "Check that the key's piles report power, or forecast a later day");
    }

    public static IccException curveShape(int resolution) {
        return IccException.unprocessable("ICC-FC-CURVE", "key", "负荷曲线分辨率为 " + resolution + " 分钟，预测需要 15 分钟曲线",
                "The load curve has " + resolution + "-minute points; forecasting needs 15-minute points",
                "Ask for the load curve at 15-minute resolution");
    }
}
