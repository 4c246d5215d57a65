package org.evgrid.icc.command.archive.internal;

import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.StationId;

/** The refusals that several archive commands share, with one wording each. */
public final class ArchiveRefusals {

    private ArchiveRefusals() {
    }

    public static Refusal operatorUnknown(OperatorId id) {
        return Refusal.notFound("ICC-OPERATOR-UNKNOWN", "operatorId",
                "运营商 " + id + " 不存在", "Operator " + id + " does not exist",
                "Check the operator id, or have the operator registered first");
    }

    public static Refusal operatorSuspended(OperatorId id) {
        return Refusal.unprocessable("ICC-OPERATOR-SUSPENDED", "operatorId",
                "运营商 " + id + " 已被暂停，暂停期间不能登记新的档案", "Operator " + id + " is suspended and may register nothing new",
                "Ask the archive manager to reinstate the operator");
    }

    public static Refusal stationUnknown(StationId id) {
        return Refusal.notFound("ICC-STATION-UNKNOWN", "stationId",
                "充电站 " + id + " 不存在", "Station " + id + " does not exist",
                "Check the station id, or register the station first");
    }

    public static Refusal stationDecommissioned(StationId id) {
        return Refusal.unprocessable("ICC-STATION-DECOMMISSIONED", "stationId",
                "充电站 " + id + " 已退役，不能再登记或修改", "Station " + id + " is decommissioned and can no longer be changed or used",
                "Use a station in service");
    }

    public static Refusal stationNotYours(StationId id, OperatorId operatorId) {
        return notYours("stationId", "充电站 " + id, "Station " + id, operatorId);
    }

    public static Refusal pileNotYours(PileId id, OperatorId operatorId) {
        return notYours("pileId", "充电桩 " + id, "Pile " + id, operatorId);
    }

    public static Refusal pileExists(PileId id) {
        return Refusal.conflict("ICC-PILE-EXISTS", "pileId",
                "充电桩 " + id + " 已登记", "Pile " + id + " is already registered",
                "Use another pile id, or update the registered pile instead");
    }

    public static Refusal pileUnknown(PileId id) {
        return Refusal.notFound("ICC-PILE-UNKNOWN", "pileId",
                "充电桩 " + id + " 不存在", "Pile " + id + " does not exist",
                "Check the pile id, or register the pile first");
    }

    public static Refusal pileDecommissioned(PileId id) {
        return Refusal.unprocessable("ICC-PILE-DECOMMISSIONED", "pileId",
                "充电桩 " + id + " 已退役，不能再修改或编入聚合单元", "Pile " + id + " is decommissioned and can no longer be changed or grouped",
                "Use a pile in service");
    }

    public static Refusal unitUnknown(AggregationUnitId id) {
        return Refusal.notFound("ICC-UNIT-UNKNOWN", "unitId",
                "聚合单元 " + id + " 不存在", "Aggregation unit " + id + " does not exist",
                "Check the unit id, or create the unit first");
    }

    private static Refusal notYours(String field, String whatZh, String whatEn, OperatorId operatorId) {
        return Refusal.forbidden("ICC-ARCHIVE-NOT-YOURS", field,
                whatZh + " 不属于运营商 " + operatorId, whatEn + " does not belong to operator " + operatorId,
                "Address an object of your own operator, or correct the operator id of the command");
    }
}
