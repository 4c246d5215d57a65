package org.evgrid.icc.command.audit;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.command.archive.AggregationUnit;
import org.evgrid.icc.command.archive.Operator;
import org.evgrid.icc.command.archive.Pile;
import org.evgrid.icc.command.archive.PileImportBatch;
import org.evgrid.icc.command.archive.Station;
import org.evgrid.icc.command.auditlog.AuditLogSeal;
import org.evgrid.icc.command.declaration.DeclarationTargetResolver;
import org.evgrid.icc.command.declaration.DemandDeclaration;
import org.evgrid.icc.command.forecast.Forecast;
import org.evgrid.icc.command.forecast.ForecastRequest;
import org.evgrid.icc.command.security.SignerKey;
import org.evgrid.icc.command.security.UserAccount;
import org.evgrid.icc.command.telemetry.TelemetryBatch;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Which aggregate class owns a stream: the kind before the colon of a stream id ({@code pile:P-0001} → {@link Pile}).
 * Kinds follow {@link org.evgrid.icc.command.common.StreamIds}; an aggregate not registered here is found by the aggregate
 * type its events carry ({@link #classOfType}).
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
            Map.entry(DeclarationTargetResolver.KIND, DemandDeclaration.class),
            Map.entry(AuditLogSeal.KIND, AuditLogSeal.class)));

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

    /**
     * The aggregate class named by an event's aggregate type (Axon stores the class's simple name): every
     * {@code @Aggregate} of this module, found once on the class path, so aggregates not registered above replay too.
     */
    public static Optional<Class<?>> classOfType(String aggregateType) {
        return Optional.ofNullable(aggregateType).map(t -> byType().get(t));
    }

    private static volatile Map<String, Class<?>> byType;

    private static Map<String, Class<?>> byType() {
        Map<String, Class<?>> found = byType;
        if (found == null) {
            found = new TreeMap<>();
            ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(Aggregate.class));
            for (BeanDefinition candidate : scanner.findCandidateComponents("org.evgrid.icc.command")) {
                try {
                    Class<?> type = Class.forName(candidate.getBeanClassName(), false, AggregateKinds.class.getClassLoader());
                    found.put(type.getSimpleName(), type);
                } catch (ClassNotFoundException e) {
                    // not loadable here: not replayable
                }
            }
            byType = found;
        }
        return found;
    }

    /** Every known kind, sorted. */
    public static String known() {
        return String.join(", ", BY_KIND.keySet());
    }
}
