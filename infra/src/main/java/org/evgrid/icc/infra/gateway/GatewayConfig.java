package org.evgrid.icc.infra.gateway;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import com.mongodb.client.MongoDatabase;
import org.evgrid.icc.coreapi.security.CenterCommands;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The exchange gateway: {@code icc.gateway.*}, and the outbox poller with its addresses (configured, else offered by a
 * {@link GatewayEndpoints} bean such as the demo's simulators; the public base URL defaults to this server's port).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayConfig {

    @Bean
    OutboxPoller outboxPoller(MongoDatabase database, Clock clock, CenterCommands center, GatewayProperties props,
                              ObjectProvider<GatewayEndpoints> fallbacks, Environment env) {
        Supplier<String> exchange = configuredOr(props.exchangeUrl(), fallbacks, GatewayEndpoints::exchangeUrl);
        Supplier<String> platforms = configuredOr(props.operatorPlatformUrl(), fallbacks, GatewayEndpoints::operatorPlatformUrl);
        Supplier<String> publicBase = () -> !props.publicBaseUrl().isBlank() ? props.publicBaseUrl()
                : "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        return new OutboxPoller(database, clock, center, props, new OutboxPoller.Targets(exchange, platforms, publicBase));
    }

    private static Supplier<String> configuredOr(String configured, ObjectProvider<GatewayEndpoints> fallbacks,
                                                 Function<GatewayEndpoints, String> offered) {
        if (configured != null && !configured.isBlank()) {
            return () -> configured;
        }
        return () -> fallbacks.orderedStream().map(offered).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
