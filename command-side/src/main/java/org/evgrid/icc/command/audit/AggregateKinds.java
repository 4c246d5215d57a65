package org.evgrid.icc.command.audit;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.evgrid.icc.command.archive.AggregationUnit;
import org.evgrid.icc.command.archive.Operator;
import org.evgrid.icc.command.archive.Pile;
import org.evgrid.icc.command.archive.PileImportBatch;
import org.evgrid.icc.command.archive.Station;
import org.evgrid.icc.command.declaration.DeclarationTargetResolver;
import org.evgrid.icc.command.declaration.DemandDeclaration;
import org.evgrid.icc.command.forecast.Forecast;
import org.evgrid.icc.command.forecast.ForecastRequest;
import org.evgrid.icc.command.security.SignerKey;
import org.evgrid.icc.command.security.UserAccount;
import org.evgrid.icc.command.telemetry.TelemetryBatch;

/**
 * Which aggregate class owns a stream: the kind before the colon of a stream id ({@code pile:P-0001} → {@link Pile}).
 * Kinds follow {@link org.evgrid.icc.command.common.StreamIds}; an aggregate added later registers its kind here.
 */
public final class AggregateKinds {

    private static final Map<String, Class<?>> BY_KIND = new TreeMap<>(Map.ofEntries(
            Map.entry("key", SignerKey.class),
            Map.entry("user", UserAccount.class),
            Map.entry("operator", Operator.class),
            Map.entry("station", Station.class),
            Map.entry("pile", Pile.class),
            Map.entry("import", PileImportBatch.class),
            Map.entry("unit", AggregationUnit.class),
            Map.entry("tbatch", TelemetryBatch.class),
            Map.entry("forecast", Forecast.class),
            Map.entry("forecast-request", ForecastRequest.class),
            Map.entry(DeclarationTargetResolver.KIND, DemandDeclaration.class)));

    private AggregateKinds() {
    }

    /** The kind of a stream id (the part before the first colon), or empty if it has none. */
    public static Optional<String> kindOf(String streamId) {
        int colon = streamId == null ? -1 : streamId.indexOf(':');
        return colon <= 0 ? Optional.empty() : Optional.of(streamId.substring(0, colon));
    }

    /** The aggregate class of a stream id, or empty if its kind is unknown. */
    public static Optional<Class<?>> classOf(String streamId) {
        return kindOf(streamId).map(BY_KIND::get);
    }

    /** Every known kind, sorted. */
    public static String known() {
        return String.join(", ", BY_KIND.keySet());
    }
}
