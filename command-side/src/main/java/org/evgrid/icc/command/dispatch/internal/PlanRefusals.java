package org.evgrid.icc.command.dispatch.internal;

import java.time.LocalDate;

import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.dispatch.DeviationId;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanStatus;
import org.evgrid.icc.coreapi.dispatch.InstructionId;
import org.evgrid.icc.coreapi.dispatch.InstructionStatus;

/** The refusals of dispatch plans, instructions and deviations, one wording each. */
public final class PlanRefusals {

    private PlanRefusals() {
    }

    /** No such plan. */
    public static Refusal unknownPlan(DispatchPlanId planId) {
        return Refusal.notFound("ICC-PLAN-UNKNOWN", "planId",
                "调度计划 " + planId + " 不存在", "Dispatch plan " + planId + " does not exist",
                "Check the plan id; plans are proposed from cleared bids and demand response events");
    }

    /** The query side could not give the allocation inputs. */
    public static Refusal inputsUnavailable(AggregationUnitId unitId, LocalDate day, String why) {
        return Refusal.unprocessable("ICC-PLAN-INPUTS-UNAVAILABLE", "unitId",
                "暂时无法取得聚合单元 " + unitId + " 在 " + day + " 的充电桩分配数据（" + why + "）",
                "The pile data of aggregation unit " + unitId + " for " + day + " could not be obtained (" + why + ")",
                "Try again in a moment; if it persists, check that the read models are running");
    }

    /** The unit has no piles to allocate to. */
    public static Refusal noPiles(AggregationUnitId unitId, LocalDate day) {
        return Refusal.unprocessable("ICC-PLAN-NO-PILES", "unitId",
                "聚合单元 " + unitId + " 在 " + day + " 没有可调度的充电桩，无法编制调度计划",
                "Aggregation unit " + unitId + " has no piles for " + day + "; no dispatch plan can be made",
                "Assign piles to the unit, then propose the plan again");
    }

    /** A plan id used for another unit or day. */
    public static Refusal sourceMismatch(DispatchPlanId planId, AggregationUnitId unitId, LocalDate day) {
        return Refusal.conflict("ICC-PLAN-SOURCE-MISMATCH", "unitId",
                "调度计划 " + planId + " 属于聚合单元 " + unitId + " 的交易日 " + day + "，不能改为其他单元或交易日",
                "Dispatch plan " + planId + " is for aggregation unit " + unitId + " and trading day " + day
                        + "; it cannot be changed to another unit or day",
                "Send the plan's own unit and trading day, or use the plan id of the other source");
    }

    /** The plan is approved or further along: it can no longer be recomputed. */
    public static Refusal alreadyApproved(DispatchPlanId planId, DispatchPlanStatus status) {
        return Refusal.conflict("ICC-PLAN-ALREADY-APPROVED", "planId",
                "调度计划 " + planId + " 已审批（当前状态 " + status + "），不能再重新编制",
                "Dispatch plan " + planId + " is already approved (status " + status + ") and can no longer be recomputed",
                "Leave the approved plan as it is; deviations are handled during execution");
    }

    /** Approve/reject of a plan not waiting for approval. */
    public static Refusal notProposed(DispatchPlanId planId, DispatchPlanStatus status) {
        return Refusal.conflict("ICC-PLAN-NOT-PROPOSED", "planId",
                "调度计划 " + planId + " 当前状态为 " + status + "，不在待审批状态",
                "Dispatch plan " + planId + " is " + status + ", not waiting for approval",
                "Only a proposed plan can be approved or rejected; recompute a rejected plan first");
    }

    /** Approve/reject of a version that is not the current one. */
    public static Refusal staleVersion(DispatchPlanId planId, int given, int current) {
        return Refusal.conflict("ICC-PLAN-VERSION-STALE", "version",
                "调度计划 " + planId + " 的当前版本是 " + current + "，不是 " + given,
                "The current version of dispatch plan " + planId + " is " + current + ", not " + given,
                "Reload the plan, check version " + current + " and decide on it");
    }

    /** Issue of a plan not approved. */
    public static Refusal notApproved(DispatchPlanId planId, DispatchPlanStatus status) {
        return Refusal.conflict("ICC-PLAN-NOT-APPROVED", "planId",
                "调度计划 " + planId + " 当前状态为 " + status + "，未经审批，不能下发指令",
                "Dispatch plan " + planId + " is " + status + "; instructions are issued only for an approved plan",
                "Have a dispatcher approve the plan first");
    }

    /** Execution records on a plan whose instructions are not issued. */
    public static Refusal notIssued(DispatchPlanId planId, DispatchPlanStatus status) {
        return Refusal.conflict("ICC-PLAN-NOT-ISSUED", "planId",
                "调度计划 " + planId + " 当前状态为 " + status + "，指令尚未下发，不能记录执行情况",
                "Dispatch plan " + planId + " is " + status + "; execution is recorded only after its instructions are issued",
                "Approve the plan and issue its instructions first");
    }

    /** Execution records after the day was closed. */
    public static Refusal executionClosed(DispatchPlanId planId) {
        return Refusal.conflict("ICC-PLAN-EXECUTION-CLOSED", "planId",
                "调度计划 " + planId + " 的执行已结束，不能再记录时段执行情况",
                "The execution of dispatch plan " + planId + " is closed; no more intervals can be recorded",
                "Nothing to do: the closed day has gone to settlement");
    }

    /** An interval outside 0–95. */
    public static Refusal intervalInvalid(int interval) {
        return Refusal.invalid("ICC-PLAN-INTERVAL-INVALID", "interval",
                "时段序号应在 0–95 之间（每 15 分钟一个），现为 " + interval,
                "The interval must be 0-95 (one per quarter hour); it is " + interval,
                "Send the quarter hour of the trading day, 0 for 00:00 to 95 for 23:45");
    }

    /** Negative pile counts. */
    public static Refusal reportingPilesInvalid(int reporting, int expected) {
        return Refusal.invalid("ICC-PLAN-PILES-INVALID", "reportingPiles",
                "上报和应上报的充电桩数不能为负数，现为 " + reporting + " / " + expected,
                "The reporting and expected pile counts may not be negative; they are " + reporting + " / " + expected,
                "Count the piles that reported telemetry and those expected to");
    }

    /** No such instruction in the plan. */
    public static Refusal unknownInstruction(InstructionId instructionId) {
        return Refusal.notFound("ICC-INSTR-UNKNOWN", "instructionId",
                "调度指令 " + instructionId + " 不存在", "Dispatch instruction " + instructionId + " does not exist",
                "Check the instruction id: <plan id>~<operator id> of an issued plan");
    }

    /** A platform reporting for another operator's instruction. */
    public static Refusal operatorMismatch(InstructionId instructionId, OperatorId operatorId) {
        return Refusal.forbidden("ICC-INSTR-OPERATOR-MISMATCH", "operatorId",
                "调度指令 " + instructionId + " 发给运营商 " + instructionId.operatorId() + "，运营商 " + operatorId + " 不能上报其结果",
                "Dispatch instruction " + instructionId + " was sent to operator " + instructionId.operatorId() + "; operator "
                        + operatorId + " may not report its result",
                "Report results only for instructions sent to your own operator, with your own operator id");
    }

    /** A second final result. */
    public static Refusal resultExists(InstructionId instructionId) {
        return Refusal.conflict("ICC-INSTR-RESULT-EXISTS", "instructionId",
                "调度指令 " + instructionId + " 的执行结果已上报，不能重复上报",
                "The result of dispatch instruction " + instructionId + " has already been reported",
                "Nothing to do; contact the dispatcher if the reported result was wrong");
    }

    /** A result for an instruction that was refused or never delivered. */
    public static Refusal notAwaitingResult(InstructionId instructionId, InstructionStatus status) {
        return Refusal.conflict("ICC-INSTR-NOT-AWAITING-RESULT", "instructionId",
                "调度指令 " + instructionId + " 当前状态为 " + status + "，不接受执行结果",
                "Dispatch instruction " + instructionId + " is " + status + " and takes no result",
                "Report results only for instructions you received and accepted");
    }

    /** Applied piles outside 0..piles of the instruction. */
    public static Refusal appliedPilesInvalid(int applied, int piles) {
        return Refusal.invalid("ICC-INSTR-APPLIED-PILES-INVALID", "appliedPiles",
                "执行的充电桩数应在 0–" + piles + " 之间，现为 " + applied,
                "The number of piles applying the schedule must be 0-" + piles + "; it is " + applied,
                "Count the piles of the instruction that apply the schedule");
    }

    /** A delivery attempt number below 1. */
    public static Refusal attemptInvalid(int attempt) {
        return Refusal.invalid("ICC-INSTR-ATTEMPT-INVALID", "attempt",
                "下发尝试次数应从 1 开始，现为 " + attempt, "The delivery attempt must be 1 or more; it is " + attempt,
                "Number the delivery attempts from 1");
    }

    /** No such deviation in the plan. */
    public static Refusal unknownDeviation(DeviationId deviationId) {
        return Refusal.notFound("ICC-DEV-UNKNOWN", "deviationId",
                "偏差 " + deviationId + " 不存在", "Deviation " + deviationId + " does not exist",
                "Check the deviation id: <plan id>~Q<interval> of a recorded deviation");
    }

    /** Changes to a closed deviation. */
    public static Refusal deviationClosed(DeviationId deviationId) {
        return Refusal.conflict("ICC-DEV-CLOSED", "deviationId",
                "偏差 " + deviationId + " 已关闭，不能再修改", "Deviation " + deviationId + " is closed and can no longer be changed",
                "Nothing to do: the closed deviation has gone to settlement");
    }

    /** Cause OTHER without a detail. */
    public static Refusal detailRequired() {
        return Refusal.invalid("ICC-DEV-DETAIL-REQUIRED", "detail",
                "偏差原因为“其他”时必须说明具体原因", "A deviation cause of OTHER needs a detail",
                "Describe the cause in the detail, or choose a cause from the catalogue");
    }

    /** Closing without a cause. */
    public static Refusal causeMissing(DeviationId deviationId) {
        return Refusal.unprocessable("ICC-DEV-CAUSE-MISSING", "deviationId",
                "偏差 " + deviationId + " 尚未认定原因，不能关闭", "Deviation " + deviationId + " has no cause yet and cannot be closed",
                "Assign the cause first (AssignDeviationCause)");
    }

    /** Closing without handling. */
    public static Refusal handlingMissing(DeviationId deviationId) {
        return Refusal.unprocessable("ICC-DEV-HANDLING-MISSING", "deviationId",
                "偏差 " + deviationId + " 尚未记录处理方法和结果，不能关闭",
                "Deviation " + deviationId + " has no handling recorded and cannot be closed",
                "Record the handling method and result first (RecordDeviationHandling)");
    }
}
