package org.evgrid.icc.infra.config;

import java.math.BigDecimal;
import java.time.Duration;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.evgrid.icc.command.telemetry.TelemetryLimits;
import org.evgrid.icc.command.telemetry.internal.PileRegistry;
import org.evgrid.icc.query.telemetry.TelemetrySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

/** Telemetry ingestion limits and completeness alarm settings from configuration, and the pile registry's one-time rebuild for stores that predate it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelemetryConfig.TelemetryProperties.class)
public class TelemetryConfig {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryConfig.class);

    /**
     * {@code icc.telemetry.*}.
     *
     * @param maxAge how old an interval or day may be and still be reported (default 31 days)
     * @param clockSkew how far in the future a platform's clock may be (default 60 s)
     * @param powerTolerance how far above rated power a reading may be (default 1.1 = 10 %)
     * @param completenessThreshold below which share of reporting piles an operator's interval raises an alarm (0.9)
     * @param completenessGraceMinutes how long after an interval late data is awaited before it is judged (15)
     */
    @ConfigurationProperties("icc.telemetry")
    public record TelemetryProperties(Duration maxAge, Duration clockSkew, BigDecimal powerTolerance, BigDecimal completenessThreshold,
                                      Integer completenessGraceMinutes) {

        public TelemetryProperties {
            TelemetryLimits d = TelemetryLimits.defaults();
            maxAge = maxAge == null ? d.maxAge() : maxAge;
            clockSkew = clockSkew == null ? d.clockSkew() : clockSkew;
            powerTolerance = powerTolerance == null ? d.tolerance() : powerTolerance;
            TelemetrySettings r = TelemetrySettings.defaults();
            completenessThreshold = completenessThreshold == null ? r.completenessThreshold() : completenessThreshold;
            completenessGraceMinutes = completenessGraceMinutes == null ? r.graceMinutes() : completenessGraceMinutes;
        }
    }

    @Bean
    TelemetryLimits telemetryLimits(TelemetryProperties props) {
        return new TelemetryLimits(props.maxAge(), props.clockSkew(), props.powerTolerance());
    }

    @Bean
    TelemetrySettings telemetrySettings(TelemetryProperties props) {
        return new TelemetrySettings(props.completenessThreshold(), props.completenessGraceMinutes());
    }

    /** Fills the command side's pile registry from the event store when it is empty but archives exist (older data directories). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void rebuildPileRegistryIfEmpty(ApplicationReadyEvent ready) {
        MongoDatabase db = ready.getApplicationContext().getBean(MongoDatabase.class);
        if (db.getCollection(PileRegistry.COLLECTION).estimatedDocumentCount() > 0
                || db.getCollection("arch_operators").estimatedDocumentCount() == 0) {
            return;
        }
        try {
            long applied = ready.getApplicationContext().getBean(PileRegistry.class)
                    .rebuild(ready.getApplicationContext().getBean(EventStore.class));
            LOG.info("Rebuilt the pile registry from {} archive events", applied);
        } catch (RuntimeException e) {
            LOG.warn("Could not rebuild the pile registry from the event store now ({}); telemetry of existing piles is "
                    + "refused as unknown until it is rebuilt (restart when the event store is reachable)", e.getMessage());
        }
    }
}
