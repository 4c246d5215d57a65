package org.evgrid.icc.ui.dispatch;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.dispatch.DeviationId;
import org.evgrid.icc.coreapi.dispatch.DeviationList;
import org.evgrid.icc.coreapi.dispatch.DeviationStatus;
import org.evgrid.icc.coreapi.dispatch.DeviationView;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanList;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanStatus;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanView;
import org.evgrid.icc.coreapi.dispatch.FindDeviationQuery;
import org.evgrid.icc.coreapi.dispatch.FindDeviationsQuery;
import org.evgrid.icc.coreapi.dispatch.FindDispatchPlanQuery;
import org.evgrid.icc.coreapi.dispatch.FindDispatchPlansQuery;
import org.evgrid.icc.coreapi.dispatch.FindOperatorSchedulesQuery;
import org.evgrid.icc.coreapi.dispatch.FindPileScheduleQuery;
import org.evgrid.icc.coreapi.dispatch.PileSchedulePage;
import org.evgrid.icc.coreapi.dispatch.PileScheduleView;
import org.evgrid.icc.ui.query.QueryAsker;
import org.evgrid.icc.ui.query.ReadParams;
import org.evgrid.icc.ui.security.CurrentViewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dispatch reads: plans with their curves, operator shares and instructions, each pile's schedule with
 * the reasons for it, and the deviations found while watching execution. Plans are approved or rejected and deviations
 * handled with signed commands through {@code POST /api/v1/commands}. An operator platform sees only its own operator's
 * part (the query handlers enforce it from the caller).
 */
@RestController
@RequestMapping(path = "/api/v1/dispatch", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Dispatch", description = "Dispatch plans, per-pile schedules and execution deviations (R-4.3, R-4.4). Power in kW "
        + "(3 decimals), energy in kWh, curves of 96 quarter hours (index 0–95, interval k starts at 00:00 + 15 min × k "
        + "Asia/Shanghai), trading days in Asia/Shanghai")
public class DispatchController {

    private final QueryAsker asker;

    public DispatchController(QueryAsker asker) {
        this.asker = asker;
    }

    @GetMapping("/plans")
    @Operation(operationId = "listDispatchPlans", summary = "Dispatch plans for trading days in a range, optionally of one unit and status",
            description = "from/to are trading days (yyyy-MM-dd, both included, at most 366 days). Each plan: target, planned and "
                    + "actual curves (96 points, kW), tolerance in percent, piles allocated and excluded, per-operator shares "
                    + "(kW curve, kWh), instructions, allocation rule and execution figures. An operator platform sees the plans "
                    + "that concern its operator.")
    public DispatchPlanList plans(
            @Parameter(description = "first trading day, yyyy-MM-dd") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,
            @Parameter(description = "last trading day, yyyy-MM-dd") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate to,
            @Parameter(description = "aggregation unit id") @RequestParam(required = false) String unitId,
            @Parameter(description = "plan status") @RequestParam(required = false) DispatchPlanStatus status) {
        ReadParams.range(from, to);
        AggregationUnitId unit = ReadParams.optionalId(unitId, AggregationUnitId::new);
        return asker.ask(new FindDispatchPlansQuery(CurrentViewer.get(), from, to, unit, status), DispatchPlanList.class);
    }

    @GetMapping("/plans/{planId}")
    @Operation(operationId = "getDispatchPlan", summary = "One dispatch plan by id (its current version)",
            description = "The id is DP-<bid id> for a cleared bid (e.g. DP-BID-DAY_AHEAD-20261201-AU-1) or DP-<event id>-<unit> for "
                    + "a demand response event. Curves are 96 points in kW (quarter hour 0–95 from 00:00 Asia/Shanghai); actualKw "
                    + "is filled as intervals are recorded. 404 when there is no such plan.")
    public DispatchPlanView plan(@Parameter(description = "plan id") @PathVariable String planId) {
        DispatchPlanId id = new DispatchPlanId(planId);
        return asker.ask(new FindDispatchPlanQuery(CurrentViewer.get(), id), DispatchPlanView.class, () -> planNotFound(id));
    }

    @GetMapping("/plans/{planId}/piles/{pileId}")
    @Operation(operationId = "getPileSchedule", summary = "One pile's schedule in the current version of a plan, with the reasons",
            description = "96 points in kW (quarter hour 0–95 from 00:00 Asia/Shanghai; negative = V2G discharge), the number of "
                    + "intervals per allocation reason and an explanation in Chinese and English an operator can check. 404 when the "
                    + "plan has no schedule for the pile.")
    public PileScheduleView pileSchedule(@Parameter(description = "plan id") @PathVariable String planId,
                                         @Parameter(description = "pile id") @PathVariable String pileId) {
        DispatchPlanId plan = new DispatchPlanId(planId);
        PileId pile = new PileId(pileId);
        return asker.ask(new FindPileScheduleQuery(CurrentViewer.get(), plan, pile), PileScheduleView.class,
                () -> IccException.notFound("ICC-SCHEDULE-NOT-FOUND", "pileId", "计划“" + plan + "”中没有充电桩“" + pile + "”的调度曲线",
                        "Plan '" + plan + "' has no schedule for pile '" + pile + "'",
                        "Check the plan and pile ids, or list the operator's schedules with "
                                + "GET /api/v1/dispatch/plans/{planId}/operators/{operatorId}/schedules"));
    }

    @GetMapping("/plans/{planId}/operators/{operatorId}/schedules")
    @Operation(operationId = "listOperatorSchedules", summary = "The pile schedules of one operator in a plan version, paged",
            description = "version 0 = the current version, else an earlier version number. Each schedule: 96 points in kW (quarter "
                    + "hour 0–95 from 00:00 Asia/Shanghai), intervals per allocation reason and the explanation. An operator platform "
                    + "may read only its own operator.")
    public PileSchedulePage operatorSchedules(
            @Parameter(description = "plan id") @PathVariable String planId,
            @Parameter(description = "operator id") @PathVariable String operatorId,
            @Parameter(description = "plan version: 0 = current (0–100000)") @RequestParam(defaultValue = "0") int version,
            @Parameter(description = "page number from 0 (0–100000)") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "page size (1–500)") @RequestParam(defaultValue = "100") int size) {
        DispatchPlanId plan = new DispatchPlanId(planId);
        OperatorId operator = new OperatorId(operatorId);
        ReadParams.version(version);
        ReadParams.page(page);
        ReadParams.size(size);
        return asker.ask(new FindOperatorSchedulesQuery(CurrentViewer.get(), plan, version, operator, page, size), PileSchedulePage.class);
    }

    @GetMapping("/deviations")
    @Operation(operationId = "listDeviations", summary = "Execution deviations for trading days in a range, newest first",
            description = "from/to are trading days (yyyy-MM-dd, both included, at most 366 days); optionally of one plan, unit and "
                    + "status. Each deviation: quarter hour (0–95) and its start, kind (OVER, UNDER, MISSING_TELEMETRY), target, "
                    + "actual and deviation in kW, deviation and tolerance in percent, per-operator and top-pile breakdown (kW), "
                    + "and the handling workflow (cause, method, result, conclusion).")
    public DeviationList deviations(
            @Parameter(description = "first trading day, yyyy-MM-dd") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,
            @Parameter(description = "last trading day, yyyy-MM-dd") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate to,
            @Parameter(description = "plan id") @RequestParam(required = false) String planId,
            @Parameter(description = "aggregation unit id") @RequestParam(required = false) String unitId,
            @Parameter(description = "deviation status") @RequestParam(required = false) DeviationStatus status,
            @Parameter(description = "page number from 0 (0–100000)") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "page size (1–500)") @RequestParam(defaultValue = "50") int size) {
        ReadParams.range(from, to);
        DispatchPlanId plan = ReadParams.optionalId(planId, DispatchPlanId::new);
        AggregationUnitId unit = ReadParams.optionalId(unitId, AggregationUnitId::new);
        ReadParams.page(page);
        ReadParams.size(size);
        return asker.ask(new FindDeviationsQuery(CurrentViewer.get(), from, to, plan, unit, status, page, size), DeviationList.class);
    }

    @GetMapping("/deviations/{deviationId}")
    @Operation(operationId = "getDeviation", summary = "One deviation by id",
            description = "The id is <plan id>~Q<quarter hour 00–95>, e.g. DP-BID-DAY_AHEAD-20261201-AU-1~Q37. 404 when there is no "
                    + "such deviation.")
    public DeviationView deviation(@Parameter(description = "deviation id") @PathVariable String deviationId) {
        DeviationId id = new DeviationId(deviationId);
        if (id.interval() > 95) {
            throw IccException.invalid("ICC-REQ-INTERVAL-INVALID", "deviationId", "偏差标识中的时段 Q" + id.interval() + " 超出范围：应为 Q00–Q95",
                    "The quarter hour Q" + id.interval() + " in the deviation id is out of range: use Q00-Q95",
                    "Give the deviation id as <plan id>~Q<00-95>");
        }
        return asker.ask(new FindDeviationQuery(CurrentViewer.get(), id), DeviationView.class,
                () -> IccException.notFound("ICC-DEVIATION-NOT-FOUND", "deviationId", "未找到偏差记录“" + id + "”",
                        "There is no deviation '" + id + "'",
                        "Check the deviation id (<plan id>~Q<00-95>) or list the deviations with GET /api/v1/dispatch/deviations"));
    }

    private static IccException planNotFound(DispatchPlanId id) {
        return IccException.notFound("ICC-PLAN-NOT-FOUND", "planId", "未找到调度计划“" + id + "”", "There is no dispatch plan '" + id + "'",
                "Check the plan id (DP-<bid id> or DP-<event id>-<unit>) or list the plans with GET /api/v1/dispatch/plans");
    }
}
