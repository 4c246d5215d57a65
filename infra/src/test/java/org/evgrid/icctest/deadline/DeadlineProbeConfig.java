package org.evgrid.icctest.deadline;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Registers the test-only {@link DeadlineProbeSaga}; outside {@code org.evgrid.icc}, so the application never scans it. */
@Configuration(proxyBeanMethods = false)
@Import(DeadlineProbeSaga.class)
public class DeadlineProbeConfig {
}
