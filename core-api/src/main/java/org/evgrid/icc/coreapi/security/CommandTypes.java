package org.evgrid.icc.coreapi.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.evgrid.icc.coreapi.alarm.AcknowledgeAlarmCommand;
import org.evgrid.icc.coreapi.alarm.AcknowledgeSystemAlarmCommand;
import org.evgrid.icc.coreapi.alarm.RaiseSystemAlarmCommand;
import org.evgrid.icc.coreapi.archive.AssignPilesToUnitCommand;
import org.evgrid.icc.coreapi.archive.CreateAggregationUnitCommand;
import org.evgrid.icc.coreapi.archive.DecommissionPileCommand;
import org.evgrid.icc.coreapi.archive.DecommissionStationCommand;
import org.evgrid.icc.coreapi.archive.ImportPilesCommand;
import org.evgrid.icc.coreapi.archive.RegisterOperatorCommand;
import org.evgrid.icc.coreapi.archive.RegisterPileCommand;
import org.evgrid.icc.coreapi.archive.RegisterStationCommand;
import org.evgrid.icc.coreapi.archive.ReinstateOperatorCommand;
import org.evgrid.icc.coreapi.archive.RemovePilesFromUnitCommand;
import org.evgrid.icc.coreapi.archive.SuspendOperatorCommand;
import org.evgrid.icc.coreapi.archive.UpdateOperatorCommand;
import org.evgrid.icc.coreapi.archive.UpdatePileCommand;
import org.evgrid.icc.coreapi.archive.UpdateStationCommand;
import org.evgrid.icc.coreapi.auditlog.SealAuditLogCommand;
import org.evgrid.icc.coreapi.declaration.AmendDemandCommand;
import org.evgrid.icc.coreapi.declaration.DeclareDemandCommand;
import org.evgrid.icc.coreapi.declaration.WithdrawDemandCommand;
import org.evgrid.icc.coreapi.dispatch.ApproveDispatchPlanCommand;
import org.evgrid.icc.coreapi.dispatch.AssignDeviationCauseCommand;
import org.evgrid.icc.coreapi.dispatch.CloseDeviationCommand;
import org.evgrid.icc.coreapi.dispatch.CloseDispatchExecutionCommand;
import org.evgrid.icc.coreapi.dispatch.IssueDispatchInstructionsCommand;
import org.evgrid.icc.coreapi.dispatch.ProposeDispatchPlanCommand;
import org.evgrid.icc.coreapi.dispatch.RecomputeDispatchPlanCommand;
import org.evgrid.icc.coreapi.dispatch.RecordDeviationHandlingCommand;
import org.evgrid.icc.coreapi.dispatch.RecordInstructionDeliveryFailureCommand;
import org.evgrid.icc.coreapi.dispatch.RecordInstructionResponseCommand;
import org.evgrid.icc.coreapi.dispatch.RecordInstructionTimeoutCommand;
import org.evgrid.icc.coreapi.dispatch.RecordIntervalExecutionCommand;
import org.evgrid.icc.coreapi.dispatch.RejectDispatchPlanCommand;
import org.evgrid.icc.coreapi.dispatch.ReportInstructionResultCommand;
import org.evgrid.icc.coreapi.dr.CancelDrEventCommand;
import org.evgrid.icc.coreapi.dr.OptInDrEventCommand;
import org.evgrid.icc.coreapi.dr.OptOutDrEventCommand;
import org.evgrid.icc.coreapi.dr.PublishDrEventCommand;
import org.evgrid.icc.coreapi.dr.RegisterDrProgramCommand;
import org.evgrid.icc.coreapi.dr.ReportDrPerformanceCommand;
import org.evgrid.icc.coreapi.forecast.PublishForecastCommand;
import org.evgrid.icc.coreapi.forecast.RequestForecastCommand;
import org.evgrid.icc.coreapi.market.AcknowledgeBidCommand;
import org.evgrid.icc.coreapi.market.AmendBidCommand;
import org.evgrid.icc.coreapi.market.DefineMarketProductCommand;
import org.evgrid.icc.coreapi.market.DraftBidCommand;
import org.evgrid.icc.coreapi.market.PublishMarketNoticeCommand;
import org.evgrid.icc.coreapi.market.RecordBidDeliveryCommand;
import org.evgrid.icc.coreapi.market.RecordClearingCommand;
import org.evgrid.icc.coreapi.market.RetireMarketProductCommand;
import org.evgrid.icc.coreapi.market.SubmitBidCommand;
import org.evgrid.icc.coreapi.market.WithdrawBidCommand;
import org.evgrid.icc.coreapi.telemetry.ReportChargingOrdersCommand;
import org.evgrid.icc.coreapi.telemetry.ReportDailyEnergyCommand;
import org.evgrid.icc.coreapi.telemetry.ReportPileStatusChangesCommand;
import org.evgrid.icc.coreapi.telemetry.ReportPowerReadingsCommand;

/**
 * The commands that may be sent as signed envelopes, by their wire name: the record's simple name without the
 * {@code Command} suffix (e.g. {@code RegisterPile}). Every record annotated {@link SignedBy} is listed here (a test
 * keeps this true).
 */
public final class CommandTypes {

    private static final Map<String, Class<?>> BY_NAME;

    static {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (Class<?> c : new Class<?>[] {
            RegisterSignerKeyCommand.class, RevokeSignerKeyCommand.class, RegisterUserCommand.class, DisableUserCommand.class,
            ChangePasswordCommand.class,
            RegisterOperatorCommand.class, UpdateOperatorCommand.class, SuspendOperatorCommand.class, ReinstateOperatorCommand.class,
            RegisterStationCommand.class, UpdateStationCommand.class, DecommissionStationCommand.class,
            RegisterPileCommand.class, UpdatePileCommand.class, DecommissionPileCommand.class, ImportPilesCommand.class,
            CreateAggregationUnitCommand.class, AssignPilesToUnitCommand.class, RemovePilesFromUnitCommand.class,
            ReportPowerReadingsCommand.class, ReportDailyEnergyCommand.class, ReportChargingOrdersCommand.class,
            ReportPileStatusChangesCommand.class,
            DeclareDemandCommand.class, AmendDemandCommand.class, WithdrawDemandCommand.class,
            PublishForecastCommand.class, RequestForecastCommand.class,
            DefineMarketProductCommand.class, RetireMarketProductCommand.class,
            DraftBidCommand.class, AmendBidCommand.class, SubmitBidCommand.class, WithdrawBidCommand.class,
            RecordBidDeliveryCommand.class, AcknowledgeBidCommand.class, RecordClearingCommand.class, PublishMarketNoticeCommand.class,
            RegisterDrProgramCommand.class, PublishDrEventCommand.class, CancelDrEventCommand.class,
            OptInDrEventCommand.class, OptOutDrEventCommand.class, ReportDrPerformanceCommand.class,
            ProposeDispatchPlanCommand.class, RecomputeDispatchPlanCommand.class, ApproveDispatchPlanCommand.class,
            RejectDispatchPlanCommand.class, IssueDispatchInstructionsCommand.class, RecordInstructionResponseCommand.class,
            RecordInstructionDeliveryFailureCommand.class, ReportInstructionResultCommand.class, RecordInstructionTimeoutCommand.class,
            RecordIntervalExecutionCommand.class, AssignDeviationCauseCommand.class, RecordDeviationHandlingCommand.class,
            CloseDeviationCommand.class, CloseDispatchExecutionCommand.class,
            AcknowledgeAlarmCommand.class,
            AcknowledgeSystemAlarmCommand.class,
            RaiseSystemAlarmCommand.class,
            SealAuditLogCommand.class,
        }) {
            m.put(nameOf(c), c);
        }
        BY_NAME = Collections.unmodifiableMap(m);
    }

    private CommandTypes() {
    }

    /** The wire name of a command class. */
    public static String nameOf(Class<?> commandClass) {
        String simple = commandClass.getSimpleName();
        return simple.endsWith("Command") ? simple.substring(0, simple.length() - "Command".length()) : simple;
    }

    /** The command class of a wire name, if it is a signable command. */
    public static Optional<Class<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** All signable commands by wire name, in a stable order. */
    public static Map<String, Class<?>> all() {
        return BY_NAME;
    }
}
