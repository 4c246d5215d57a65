package org.evgrid.icc.query.archive.internal;

import org.evgrid.icc.coreapi.common.IccException;

/** The refusals of the archive queries, with stable codes and messages in business language. */
public final class ArchiveErrors {

    private ArchiveErrors() {
    }

    public static IccException pileNotFound(String pileId) {
        return IccException.notFound("ICC-PILE-NOT-FOUND", "pileId",
                "未找到充电桩“" + pileId + "”，或您无权查看它",
                "Pile '" + pileId + "' was not found, or you may not see it",
                "Check the pile id; operator users see only their own operator's piles");
    }

    public static IccException stationNotFound(String stationId) {
        return IccException.notFound("ICC-STATION-NOT-FOUND", "stationId",
                "未找到充电站“" + stationId + "”，或您无权查看它",
                "Station '" + stationId + "' was not found, or you may not see it",
                "Check the station id; operator users see only their own operator's stations");
    }

    public static IccException operatorNotFound(String operatorId) {
        return IccException.notFound("ICC-OPERATOR-NOT-FOUND", "operatorId",
                "未找到运营商“" + operatorId + "”，或您无权查看它",
                "Operator '" + operatorId + "' was not found, or you may not see it",
                "Check the operator id; operator users see only their own operator");
    }

    public static IccException unitNotFound(String unitId) {
        return IccException.notFound("ICC-UNIT-NOT-FOUND", "unitId",
                "未找到聚合单元“" + unitId + "”",
                "Aggregation unit '" + unitId + "' was not found",
                "Check the aggregation unit id in the list of aggregation units");
    }

    public static IccException missing(String field) {
        return IccException.invalid("ICC-ARCHIVE-FIELD-MISSING", field,
                "查询条件“" + field + "”不能为空",
                "The query needs '" + field + "'",
                "Fill in '" + field + "' and send the query again");
    }

    public static IccException pageInvalid(int page) {
        return IccException.invalid("ICC-PAGE-INVALID", "page",
                "页码 " + page + " 无效：页码从 0 开始",
                "Page " + page + " is not valid: pages are numbered from 0",
                "Ask for page 0 or a later page");
    }

    public static IccException sizeInvalid(int size, int max) {
        return IccException.invalid("ICC-PAGE-SIZE-INVALID", "size",
                "每页条数 " + size + " 无效：应在 1 到 " + max + " 之间",
                "Page size " + size + " is not valid: use 1 to " + max + " items per page",
                "Ask for between 1 and " + max + " items per page");
    }

    public static IccException viewerMissing() {
        return IccException.forbidden("ICC-SCOPE-NO-ROLE", "viewer",
                "查询人没有任何业务角色，不能查看档案",
                "The person asking holds no business role and may not see archives",
                "Sign in with an account that holds a business role");
    }

    public static IccException administrator() {
        return IccException.forbidden("ICC-SCOPE-ADMIN", "viewer.roles",
                "管理员不办理业务，不能查看业务档案",
                "Administrators do no business work and may not read business archives",
                "Sign in with a business account to read archives");
    }

    public static IccException otherOperator(String field) {
        return IccException.forbidden("ICC-SCOPE-OPERATOR", field,
                "运营商用户只能查看本运营商的档案",
                "Operator users may see only their own operator's archives",
                "List by your own operator id or by one of your own stations");
    }

    public static IccException outsideRegion(String field) {
        return IccException.forbidden("ICC-SCOPE-REGION", field,
                "您的数据范围只允许按本辖区内的省、市、区县代码查看充电桩",
                "Your data scope allows listing piles only by province, city or district codes inside your area",
                "Choose a province, city or district code inside your area");
    }

    public static IccException regionNotForArchive(String field) {
        return IccException.forbidden("ICC-SCOPE-REGION", field,
                "您的数据范围只包含本辖区内的充电站和充电桩，不包含运营商和聚合单元档案",
                "Your data scope covers only stations and piles inside your area, not operators or aggregation units",
                "Ask a headquarters user, or look up stations and piles inside your area");
    }
}
