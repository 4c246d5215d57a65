package org.evgrid.icc.infra.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on Spring's {@code @Scheduled} methods (day-ahead forecasts at {@code icc.forecast.cron}, Asia/Shanghai).
 * Work that must survive a restart uses Axon deadlines on JobRunr instead (ADR 0007).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class SchedulingConfig {
}
