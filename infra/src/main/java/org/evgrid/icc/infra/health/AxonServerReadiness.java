package org.evgrid.icc.infra.health;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Readiness when Axon Server is the event store: without a connection the context still starts, but every command
 * would fail, so the node must not receive traffic (readiness DOWN with the reason).
 */
@Component("axonServerReadiness")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
public class AxonServerReadiness implements HealthIndicator {

    private final AxonServerConnectionManager connections;
    private final AxonServerConfiguration configuration;

    public AxonServerReadiness(AxonServerConnectionManager connections, AxonServerConfiguration configuration) {
        this.connections = connections;
        this.configuration = configuration;
    }

    @Override
    public Health health() {
        String context = configuration.getContext() == null ? connections.getDefaultContext() : configuration.getContext();
        if (connections.isConnected(context)) {
            return Health.up().withDetail("servers", configuration.getServers()).withDetail("context", context).build();
        }
        return Health.down()
                .withDetail("servers", configuration.getServers())
                .withDetail("context", context)
                .withDetail("reason", "Axon Server is not reachable: commands cannot be stored until it is (事件存储服务不可达，暂不能受理指令)")
                .build();
    }
}
