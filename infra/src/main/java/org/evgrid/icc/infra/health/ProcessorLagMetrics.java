package org.evgrid.icc.infra.health;

import java.util.Map;
import java.util.OptionalLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prometheus gauge {@code icc_processor_lag_events{processor=…}}: how many events each tracking processor is behind the
 * head of the event store (0 when caught up). Readiness of projections and the ledger can be judged from it.
 */
@Component
public class ProcessorLagMetrics {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MeterRegistry registry;

    public ProcessorLagMetrics(EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry registry) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof TrackingEventProcessor tep) {
                Gauge.builder("icc.processor.lag.events", tep, this::lag).tag("processor", name)
                        .description("Events the processor is behind the head of the event store").register(registry);
            }
        });
    }

    /** Events between the store's head and the processor's slowest segment. */
    public double lag(TrackingEventProcessor processor) {
        OptionalLong head = positionOf(eventStore.createHeadToken());
        if (head.isEmpty()) {
            return 0;
        }
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return Double.NaN;
        }
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus s : status.values()) {
            slowest = Math.min(slowest, positionOf(s.getTrackingToken()).orElse(-1));
        }
        return Math.max(0, head.getAsLong() - slowest);
    }

    private static OptionalLong positionOf(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
