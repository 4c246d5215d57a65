package org.evgrid.icc.infra.config;

import java.math.BigDecimal;
import java.time.Duration;

import org.evgrid.icc.command.dispatch.DispatchSettings;
import org.evgrid.icc.query.planning.PlanningSettings;
import org.evgrid.icc.saga.lifecycle.LifecycleSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settings of the trade → dispatch → execution lifecycle from configuration ({@code icc.lifecycle.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LifecycleConfig.LifecycleProperties.class)
public class LifecycleConfig {

    /**
     * {@code icc.lifecycle.*}.
     *
     * @param intervalGrace how long after a quarter hour ends its execution is judged (late telemetry; default 10 min)
     * @param tolerancePercent the deviation band of a plan, ± percent of the target (default 3)
     * @param retryDelay how long a failed saga step waits before it is tried again (default 1 min)
     * @param queryTimeout how long a saga step waits for a query (default 30 s)
     * @param maxRetries how often a failed saga step is tried again (default 60)
     * @param instructionTimeout how long an operator platform has to report an instruction's result (default 10 min)
     * @param onlineWindowSlots a pile counts as online when it reported in these last 5-minute slots (1–288; application.yml: 288)
     * @param completenessThreshold below this share of reporting piles an interval's telemetry is missing (default 0.9)
     * @param maxDetailPiles above this many piles a unit's deviations are computed without per-pile detail (50,000)
     */
    @ConfigurationProperties("icc.lifecycle")
    public record LifecycleProperties(Duration intervalGrace, BigDecimal tolerancePercent, Duration retryDelay, Duration queryTimeout,
                                      Integer maxRetries, Duration instructionTimeout, Integer onlineWindowSlots,
                                      BigDecimal completenessThreshold, Integer maxDetailPiles) {

        public LifecycleProperties {
            LifecycleSettings l = LifecycleSettings.defaults();
            intervalGrace = intervalGrace == null ? l.intervalGrace() : intervalGrace;
            tolerancePercent = tolerancePercent == null ? l.tolerancePercent() : tolerancePercent;
            retryDelay = retryDelay == null ? l.retryDelay() : retryDelay;
            queryTimeout = queryTimeout == null ? l.queryTimeout() : queryTimeout;
            maxRetries = maxRetries == null ? l.maxRetries() : maxRetries;
            instructionTimeout = instructionTimeout == null ? DispatchSettings.defaults().instructionTimeout() : instructionTimeout;
            PlanningSettings p = PlanningSettings.defaults();
            onlineWindowSlots = onlineWindowSlots == null ? p.onlineWindowSlots() : onlineWindowSlots;
            completenessThreshold = completenessThreshold == null ? p.completenessThreshold() : completenessThreshold;
            maxDetailPiles = maxDetailPiles == null ? p.maxDetailPiles() : maxDetailPiles;
        }
    }

    @Bean
    LifecycleSettings lifecycleSettings(LifecycleProperties p) {
        return new LifecycleSettings(p.intervalGrace(), p.tolerancePercent(), p.retryDelay(), p.queryTimeout(), p.maxRetries());
    }

    @Bean
    DispatchSettings dispatchSettings(LifecycleProperties p) {
        return new DispatchSettings(p.instructionTimeout());
    }

    @Bean
    PlanningSettings planningSettings(LifecycleProperties p) {
        return new PlanningSettings(p.onlineWindowSlots(), p.completenessThreshold(), p.maxDetailPiles());
    }
}
