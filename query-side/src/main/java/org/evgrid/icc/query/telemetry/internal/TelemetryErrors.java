package org.evgrid.icc.query.telemetry.internal;

import org.evgrid.icc.coreapi.common.IccException;

/** The refusals of the telemetry queries, with stable codes and messages in business language. */
public final class TelemetryErrors {

    private TelemetryErrors() {
    }

    public static IccException role() {
        return IccException.forbidden("ICC-TEL-ROLE", "viewer.roles",
                "您的角色不能查看充电负荷与电量统计",
                "Your role may not read charging load and energy statistics",
                "Sign in as a trader, dispatcher, settlement clerk, regulator, auditor, archive manager or operator platform");
    }

    public static IccException missing(String field) {
        return IccException.invalid("ICC-TEL-FIELD-MISSING", field,
                "查询条件“" + field + "”不能为空",
                "The query needs '" + field + "'",
                "Fill in '" + field + "' and send the query again");
    }

    public static IccException dimension(String allowed) {
        return IccException.invalid("ICC-TEL-DIMENSION", "dimension",
                "此统计只能按以下维度查询：" + allowed,
                "This statistic can only be asked by: " + allowed,
                "Choose one of: " + allowed);
    }

    public static IccException range(int maxDays) {
        return IccException.invalid("ICC-TEL-RANGE", "from",
                "查询日期范围无效：开始日期不能晚于结束日期，且最多 " + maxDays + " 天",
                "The date range is not valid: the start may not be after the end, and at most " + maxDays + " days are allowed",
                "Choose a start on or before the end, at most " + maxDays + " days apart");
    }

    public static IccException resolution(int minutes) {
        return IccException.invalid("ICC-TEL-RESOLUTION", "resolutionMinutes",
                "时间粒度 " + minutes + " 分钟无效：只能是 5、15 或 60 分钟",
                "A resolution of " + minutes + " minutes is not valid: use 5, 15 or 60 minutes",
                "Ask for 5, 15 or 60 minutes");
    }

    public static IccException page(int page) {
        return IccException.invalid("ICC-PAGE-INVALID", "page",
                "页码 " + page + " 无效：页码从 0 开始",
                "Page " + page + " is not valid: pages are numbered from 0",
                "Ask for page 0 or a later page");
    }

    public static IccException pileNotFound(String pileId) {
        return IccException.notFound("ICC-TEL-PILE-NOT-FOUND", "key",
                "未找到充电桩“" + pileId + "”的数据，或您无权查看它",
                "No data was found for pile '" + pileId + "', or you may not see it",
                "Check the pile id; operator users see only their own operator's piles");
    }
}
