package org.evgrid.icc.coreapi.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
import org.evgrid.icc.coreapi.declaration.AmendDemandCommand;
import org.evgrid.icc.coreapi.declaration.DeclareDemandCommand;
import org.evgrid.icc.coreapi.declaration.WithdrawDemandCommand;
import org.evgrid.icc.coreapi.forecast.PublishForecastCommand;
import org.evgrid.icc.coreapi.forecast.RequestForecastCommand;
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
            RegisterOperatorCommand.class, UpdateOperatorCommand.class, SuspendOperatorCommand.class, ReinstateOperatorCommand.class,
            RegisterStationCommand.class, UpdateStationCommand.class, DecommissionStationCommand.class,
            RegisterPileCommand.class, UpdatePileCommand.class, DecommissionPileCommand.class, ImportPilesCommand.class,
            CreateAggregationUnitCommand.class, AssignPilesToUnitCommand.class, RemovePilesFromUnitCommand.class,
            ReportPowerReadingsCommand.class, ReportDailyEnergyCommand.class, ReportChargingOrdersCommand.class,
            ReportPileStatusChangesCommand.class,
            DeclareDemandCommand.class, AmendDemandCommand.class, WithdrawDemandCommand.class,
            PublishForecastCommand.class, RequestForecastCommand.class,
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
